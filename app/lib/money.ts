/** Money crosses from the database (BigInt cents) to the UI as a number of cents — exact below 2^53 (~$90 trillion). */
export function centsToNumber(cents: bigint): number {
  return Number(cents);
}

/**
 * Largest amount a form accepts: $10 trillion in cents, far below where cents stop being exact in a JS number
 * (and below SQLite's 64-bit integer), so a huge typed amount is a field error rather than a failed write.
 */
export const MAX_USD_CENTS = 10n ** 15n;

/** Parses a US-dollar amount typed by a person ("1,068,000,000.50") into BigInt cents; null when invalid. */
export function parseUsdToCents(input: string): bigint | null {
  const cleaned = input.replace(/[\s,$]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

export function centsToUsdString(cents: bigint | number): string {
  const value = BigInt(cents);
  const whole = value / 100n;
  const fraction = (value % 100n).toString().padStart(2, "0");
  return fraction === "00" ? whole.toString() : `${whole}.${fraction}`;
}
