/**
 * Whether this process runs what must run once per server: background jobs and their scheduler. The production
 * server's supervisor (scripts/cluster.mjs) sets QADAM_PRIMARY_WORKER to "1" in its first worker only (kept across
 * restarts) and "0" in the others; a process started any other way (development, tests, scripts, a single process)
 * is the only one and answers true. Jobs still take their lease in the database: several servers on one database,
 * or a restarted worker overlapping its predecessor, then do not run a job twice.
 */
export function isPrimaryWorker(env: Record<string, string | undefined> = process.env): boolean {
  return env.QADAM_PRIMARY_WORKER !== "0";
}
