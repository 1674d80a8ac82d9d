export const SEED_DISCLAIMER =
  "The seed portfolio is illustrative: built from public World Bank documents and completed plausibly.";

/** Every demo account's password (hashed once, reused). */
export const DEMO_PASSWORD = "qadam-demo-2026";

/** The seed's "today": every submission and review in the seed happened before it. */
export const SEED_TODAY = "2026-11-26";

/**
 * Indicator codes that carry the results CPF 2020–2025 reported. The CPF figure is the sum over projects of each
 * indicator's latest VERIFIED value:
 * - WATER_USERS 94,000: P086592 (Second Irrigation and Drainage Improvement) alone.
 * - ENTERPRISES_SUPPORTED 1,040 ("1,000+"): 812 SMEs (P147705 SME Competitiveness) + 228 firms and startups given
 *   innovation grants and mentoring (P150402 Fostering Productive Innovation).
 * - STARTUPS_SUPPORTED 175, STARTUP_SALES_USD_M 41 (unit "USD million"), STARTUP_INVESTMENT_USD_M 16: P150402 alone.
 * - TRAVEL_TIME_CHANGE_PCT −66 ("cut by two-thirds") and TRANSPORT_COST_CHANGE_PCT −35: percentage change against the
 *   2009 baseline (baseline 0, descending), on P099270 (South-West Roads) alone — percentages are never summed.
 * - PERMANENT_JOBS 1,200: 760 on P099270 + 440 on P128050 (East-West Roads).
 * - PEOPLE_CONNECTED_M 5.2 ("5M+ people", unit "million people"): P099270 alone.
 */
export const CPF_RESULT_CODES = {
  waterUsers: "WATER_USERS",
  enterprisesSupported: "ENTERPRISES_SUPPORTED",
  startupsSupported: "STARTUPS_SUPPORTED",
  startupSales: "STARTUP_SALES_USD_M",
  startupInvestment: "STARTUP_INVESTMENT_USD_M",
  travelTimeChange: "TRAVEL_TIME_CHANGE_PCT",
  transportCostChange: "TRANSPORT_COST_CHANGE_PCT",
  permanentJobs: "PERMANENT_JOBS",
  peopleConnected: "PEOPLE_CONNECTED_M",
} as const;

export const ILLUSTRATIVE = "Illustrative project completing the CPF portfolio.";
