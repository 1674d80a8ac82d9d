import type { Db } from "./db.server";
import { getEnv } from "./env.server";
import { cell, readFirst } from "./sql.server";
import type { Tx } from "~/models/audit.server";

/**
 * Password-guessing throttle, shared by sign-in and the account page's current-password check.
 *
 * A wrong password counts three times:
 * - for the account *and* the client (IP) that sent it: after LOGIN_MAX_FAILURES_PER_CLIENT of them that client
 *   waits before its next attempt is even checked — 1 minute, then 2, 4, 8… up to LOGIN_LOCK_MINUTES. Other clients
 *   are not held back, so a stranger's guesses never lock the owner out;
 * - for the account across all clients: after LOGIN_MAX_FAILURES_PER_ACCOUNT of them (far more than one person
 *   mistypes) every attempt on the account waits the same growing way — a distributed attack is slowed to a few
 *   guesses an hour, and no single wait lasts longer than LOGIN_LOCK_MINUTES;
 * - for the client across all accounts: LOGIN_MAX_FAILURES_PER_IP within 15 minutes block that client for
 *   LOGIN_LOCK_MINUTES (password spraying).
 * A count is forgotten after a day without a failure. A correct password clears its client's count for the
 * account; the account-wide count is cleared only by a password change or an administrator, because otherwise
 * every sign-in of the owner would hand a distributed attacker a fresh allowance.
 * Unknown e-mail addresses are counted exactly like accounts, so throttling reveals nothing about who exists.
 */

const IP_WINDOW_MS = 15 * 60_000;
const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

type Client = Db | Tx;

/** Whose password is being guessed, and from where. `userId` is null for an unknown e-mail address. */
export type PasswordSubject = { email: string; userId: string | null; ip: string | null };

/** A failure count and the wait it imposes; `lastFailureAt` decides when the count is forgotten. */
type Counter = { failures: number; lastFailureAt: Date | null; blockedUntil: Date | null };

const ipKey = (subject: PasswordSubject) => `ip:${subject.ip ?? "unknown"}`;
const clientKey = (subject: PasswordSubject) => `acct:${subject.email}|ip:${subject.ip ?? "unknown"}`;
// The prefix predates the per-client counts: rows written before them keep counting.
const unknownAccountKey = (subject: PasswordSubject) => `email:${subject.email}`;

/**
 * The next state of a progressive counter after one more failure. Failures before the `free`-th cost nothing; the
 * one that reaches it starts a 1-minute wait, and each further one doubles it up to `maxWaitMinutes`.
 */
export function counterAfterFailure(
  previous: Counter | null,
  now: Date,
  limits: { free: number; maxWaitMinutes: number },
): Counter & { lastFailureAt: Date; waitMinutes: number } {
  const last = previous?.lastFailureAt;
  const remembered = previous && last && now.getTime() - last.getTime() < FAILURE_MEMORY_MS ? previous.failures : 0;
  const failures = remembered + 1;
  const waitMinutes = failures >= limits.free ? Math.min(limits.maxWaitMinutes, 2 ** (failures - limits.free)) : 0;
  const blockedUntil = waitMinutes > 0 ? new Date(now.getTime() + waitMinutes * 60_000) : null;
  return { failures, lastFailureAt: now, blockedUntil, waitMinutes };
}

// LoginThrottle rows of progressive counters keep their latest failure in `windowStartedAt`: each failure opens
// a new window of FAILURE_MEMORY_MS in which the count is remembered.
async function writeRowCounter(client: Client, key: string, counter: Counter & { lastFailureAt: Date }) {
  const data = {
    failures: counter.failures,
    windowStartedAt: counter.lastFailureAt,
    blockedUntil: counter.blockedUntil,
  };
  await client.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

/** The account-wide counter lives on the user (administrators see and clear it there), or in a row for strangers. */
async function writeAccountCounter(
  client: Client,
  subject: PasswordSubject,
  counter: Counter & { lastFailureAt: Date },
) {
  if (!subject.userId) return writeRowCounter(client, unknownAccountKey(subject), counter);
  await client.user.update({
    where: { id: subject.userId },
    data: {
      failedLoginCount: counter.failures,
      lastFailedLoginAt: counter.lastFailureAt,
      lockedUntil: counter.blockedUntil,
    },
  });
}

// The three waits of a subject in one statement: the client's, the account-and-client pair's, and the account's
// (on the user, or in a row for an e-mail no account has). Sign-in reads them twice per attempt; as three Prisma
// queries they cost more CPU than the rest of a sign-in apart from the password hash.
const WAIT_COLUMNS = `(SELECT blockedUntil FROM "LoginThrottle" WHERE "key" = ?) AS ip,
  (SELECT blockedUntil FROM "LoginThrottle" WHERE "key" = ?) AS pair`;
const WAITS_OF_ACCOUNT_SQL = `SELECT ${WAIT_COLUMNS}, (SELECT lockedUntil FROM "User" WHERE id = ?) AS account`;
const WAITS_OF_STRANGER_SQL = `SELECT ${WAIT_COLUMNS}, (SELECT blockedUntil FROM "LoginThrottle" WHERE "key" = ?) AS account`;

/** A stored DateTime as a raw query answers it: text as Prisma writes it (or a Date, should the driver map it). */
export function storedDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== "string" && typeof value !== "number") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The statement and arguments that read a subject's waits (columns ip, pair, account). */
export function waitsQuery(subject: PasswordSubject): { sql: string; args: string[] } {
  const keys = [ipKey(subject), clientKey(subject)];
  return subject.userId
    ? { sql: WAITS_OF_ACCOUNT_SQL, args: [...keys, subject.userId] }
    : { sql: WAITS_OF_STRANGER_SQL, args: [...keys, unknownAccountKey(subject)] };
}

/** The latest of the waits still running at `now`, or null. */
export function latestWait(waits: unknown[], now: Date): Date | null {
  const running = waits.map(storedDate).filter((date): date is Date => date !== null && date > now);
  return running.length ? new Date(Math.max(...running.map((date) => date.getTime()))) : null;
}

/**
 * Until when this subject must wait before a password is checked, or null. Read once before the slow password
 * check and again inside the transaction that records its outcome, so an attempt cannot get past a wait that a
 * parallel attempt started meanwhile.
 */
export async function passwordWaitUntil(client: Client, subject: PasswordSubject, now: Date): Promise<Date | null> {
  const { sql, args } = waitsQuery(subject);
  const rows = await client.$queryRawUnsafe<{ ip: unknown; pair: unknown; account: unknown }[]>(sql, ...args);
  const row = rows[0];
  return row ? latestWait([row.ip, row.pair, row.account], now) : null;
}

/** What sign-in needs of an account before checking a password; null for an e-mail no account has. */
export type SignInAccount = { id: string; passwordHash: string; active: boolean; locale: string };

// The account of an e-mail and its subject's waits in one statement on the plain read connection (lib/sql.server.ts):
// the first read of every sign-in, the same for known and unknown e-mails.
const ACCOUNT_AND_WAITS_SQL = `SELECT u.id, u.passwordHash, u.active, u.locale, ${WAIT_COLUMNS},
  CASE WHEN u.id IS NULL THEN (SELECT blockedUntil FROM "LoginThrottle" WHERE "key" = ?) ELSE u.lockedUntil END AS account
  FROM (SELECT 1) LEFT JOIN "User" u ON u.email = ?`;

/** The account of `email` (or null) and until when a sign-in from `ip` must wait (or null), as of the last commit. */
export async function accountAndWait(
  email: string,
  ip: string | null,
  now: Date,
): Promise<{ account: SignInAccount | null; waitUntil: Date | null }> {
  const subject: PasswordSubject = { email, userId: null, ip };
  const row = await readFirst(ACCOUNT_AND_WAITS_SQL, [
    ipKey(subject),
    clientKey(subject),
    unknownAccountKey(subject),
    email,
  ]);
  if (!row) return { account: null, waitUntil: null };
  const account = cell.textOrNull(row, "id")
    ? {
        id: cell.text(row, "id"),
        passwordHash: cell.text(row, "passwordHash"),
        active: cell.boolean(row, "active"),
        locale: cell.text(row, "locale"),
      }
    : null;
  return { account, waitUntil: latestWait([row.ip, row.pair, row.account], now) };
}

export type RecordedFailure = {
  /** Failures of this account from this client that are still remembered, this one included. */
  clientFailures: number;
  /** This failure made the account wait (for this client or for everyone). */
  waitStarted: boolean;
};

// The three counters a failure moves, in one statement (the IP row keeps its window's start in windowStartedAt).
const COUNTER_COLUMNS = `ip.failures AS ipFailures, ip.windowStartedAt AS ipAt, ip.blockedUntil AS ipUntil,
  pair.failures AS pairFailures, pair.windowStartedAt AS pairAt, pair.blockedUntil AS pairUntil`;
const COUNTER_JOINS = `FROM (SELECT 1) LEFT JOIN "LoginThrottle" ip ON ip."key" = ? LEFT JOIN "LoginThrottle" pair ON pair."key" = ?`;
const COUNTERS_OF_ACCOUNT_SQL = `SELECT ${COUNTER_COLUMNS}, a.failedLoginCount AS accountFailures,
  a.lastFailedLoginAt AS accountAt, a.lockedUntil AS accountUntil ${COUNTER_JOINS} LEFT JOIN "User" a ON a.id = ?`;
const COUNTERS_OF_STRANGER_SQL = `SELECT ${COUNTER_COLUMNS}, a.failures AS accountFailures,
  a.windowStartedAt AS accountAt, a.blockedUntil AS accountUntil ${COUNTER_JOINS} LEFT JOIN "LoginThrottle" a ON a."key" = ?`;

function counterOf(row: Record<string, unknown>, prefix: "ip" | "pair" | "account"): Counter | null {
  const failures = row[`${prefix}Failures`];
  if (failures === null || failures === undefined) return null;
  return {
    failures: Number(failures),
    lastFailureAt: storedDate(row[`${prefix}At`]),
    blockedUntil: storedDate(row[`${prefix}Until`]),
  };
}

async function readCounters(tx: Tx, subject: PasswordSubject) {
  const keys = [ipKey(subject), clientKey(subject)];
  const rows = subject.userId
    ? await tx.$queryRawUnsafe<Record<string, unknown>[]>(COUNTERS_OF_ACCOUNT_SQL, ...keys, subject.userId)
    : await tx.$queryRawUnsafe<Record<string, unknown>[]>(
        COUNTERS_OF_STRANGER_SQL,
        ...keys,
        unknownAccountKey(subject),
      );
  const row = rows[0] ?? {};
  return { ip: counterOf(row, "ip"), pair: counterOf(row, "pair"), account: counterOf(row, "account") };
}

/** Counts one wrong password. Runs inside the transaction that re-read the waits, so parallel guesses each count. */
export async function recordPasswordFailure(tx: Tx, subject: PasswordSubject, now: Date): Promise<RecordedFailure> {
  const env = getEnv();
  const maxWaitMinutes = env.LOGIN_LOCK_MINUTES;

  const counters = await readCounters(tx, subject);
  const ipNow = counters.ip;
  // A block that has ended starts a new counting window (else one more failure would block again at once).
  const ipStarted = ipNow?.lastFailureAt;
  const windowFresh = ipNow && ipStarted && !ipNow.blockedUntil && now.getTime() - ipStarted.getTime() < IP_WINDOW_MS;
  const ipFailures = windowFresh ? ipNow.failures + 1 : 1;
  const ipBlocked = ipFailures >= env.LOGIN_MAX_FAILURES_PER_IP;
  const ipData = {
    failures: ipFailures,
    windowStartedAt: windowFresh ? ipStarted : now,
    blockedUntil: ipBlocked ? new Date(now.getTime() + maxWaitMinutes * 60_000) : null,
  };
  await tx.loginThrottle.upsert({
    where: { key: ipKey(subject) },
    create: { key: ipKey(subject), ...ipData },
    update: ipData,
  });

  const pair = counterAfterFailure(counters.pair, now, {
    free: env.LOGIN_MAX_FAILURES_PER_CLIENT,
    maxWaitMinutes,
  });
  await writeRowCounter(tx, clientKey(subject), pair);

  const account = counterAfterFailure(counters.account, now, {
    free: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxWaitMinutes,
  });
  await writeAccountCounter(tx, subject, account);

  return { clientFailures: pair.failures, waitStarted: pair.waitMinutes > 0 || account.waitMinutes > 0 };
}

/** A correct password: this client starts afresh for this account (its failures were the owner's typos). */
export async function clearClientFailures(tx: Tx, subject: PasswordSubject): Promise<void> {
  // Raw: on every successful sign-in, and Prisma's deleteMany costs several times the statement.
  await tx.$executeRawUnsafe(`DELETE FROM "LoginThrottle" WHERE "key" = ?`, clientKey(subject));
}
