// The supervisor of the production server: one worker process per core (Node's cluster module), each running the
// whole app on the same port, and a crashed worker started again after a growing pause.
// Node's cluster hands each new connection to the workers in turn (round-robin), so a keep-alive connection — a
// browser tab — stays with one worker. Everything a worker must share with the others lives in the database
// (sessions, the login throttle, the audit chain, the leases of background jobs).
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import process from "node:process";

/** Crashes older than this are forgiven: a worker that ran a minute before failing restarts at once. */
export const CRASH_MEMORY_MS = 60_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;

/**
 * V8's heap limits of a server process, unless the operator set them. Old generation: V8 collects lazily — in a
 * 5-minute soak a process's live heap stayed at 70 MB (measured after a forced full collection at 2, 3 and 4 minutes),
 * yet its RSS climbed to 400 MB of garbage not yet collected, and fell to 190 MB on each forced collection. A limit
 * makes V8 collect before the garbage piles up; it is well above the live heap, so it costs a few collections, not
 * memory errors. Raise it with NODE_OPTIONS=--max-old-space-size=<MB> for a much larger portfolio.
 * Young generation: 8 MB semi-spaces instead of V8's 16 MB: 20 MB less RSS after the same 1,578 mixed requests
 * (227–234 → 208–210 MB), for about two points more of the CPU profile in garbage collection (6.6 % → 8.5 % on the
 * board; the server's CPU per request stayed within the machine's noise).
 */
export const SERVER_HEAP_LIMITS = { "--max-old-space-size": "160", "--max-semi-space-size": "8" };

/**
 * glibc's malloc threshold for giving a block its own mapping, fixed at 1 MiB. Every sign-in hashes with argon2id,
 * which takes a 19 MiB block on one of libuv's threads. glibc raises its threshold to the size of the first such
 * mapped block once it is freed, so from then on the blocks come from per-thread arenas, which keep the memory after
 * it is freed: 15 MB more RSS after 1,578 mixed requests and 225 sign-ins (242 MB against 227 MB with the threshold
 * fixed; limiting the arenas to two on top of it changed nothing). glibc reads the variable when a process starts,
 * so it goes into the environment of the server's process; an operator's own value is kept.
 */
export const SERVER_MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) };

/** `env` for a server process: NODE_OPTIONS with the heap limits and glibc's malloc setting, unless already named. */
export function serverProcessEnv(env) {
  const named = env.NODE_OPTIONS ?? "";
  const added = Object.entries(SERVER_HEAP_LIMITS)
    .filter(([flag]) => !named.includes(flag))
    .map(([flag, megabytes]) => `${flag}=${megabytes}`);
  return { ...SERVER_MALLOC_ENV, ...env, NODE_OPTIONS: [named, ...added].join(" ").trim() };
}

/** Workers to run: WEB_CONCURRENCY when set (validated by the env schema), else one per core. */
export function workerCount(configured) {
  return configured ?? availableParallelism();
}

/**
 * The pause before a crashed worker is started again, given the times of its slot's crashes (the latest included).
 * One crash in the last minute: at once. Each further one doubles the pause (0.25 s, 0.5 s, 1 s … at most 30 s), so a
 * worker that fails at start-up (a bad deployment, a locked file) does not spin a core or flood the log.
 */
export function restartDelayMs(crashTimes, now) {
  const recent = crashTimes.filter((at) => at > now - CRASH_MEMORY_MS).length;
  if (recent <= 1) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (recent - 2));
}

/**
 * The environment of worker `slot` (1-based). QADAM_PRIMARY_WORKER is "1" for slot 1 only, and stays with the slot
 * across restarts: code that must run once per server (a scheduler of background jobs) starts only where it is "1".
 * Jobs still take a lease in the database, which also keeps several servers on one database from doubling them.
 */
export function workerEnv(slot) {
  return { QADAM_WORKER_ID: String(slot), QADAM_PRIMARY_WORKER: slot === 1 ? "1" : "0" };
}

/**
 * Runs in the primary process: forks `count` workers (which re-run scripts/server.mjs as workers), restarts any that
 * exits without being asked to, and on SIGINT/SIGTERM asks every worker to finish its requests, then exits.
 */
export function superviseWorkers({ count, logger }) {
  const slots = new Map(); // worker id → slot
  const crashes = new Map(); // slot → crash times
  const workers = new Map(); // slot → worker
  let stopping = false;

  const fork = (slot) => {
    // The workers get the heap limit and malloc setting even when the supervisor was started without `npm start`.
    const worker = cluster.fork({ ...serverProcessEnv(process.env), ...workerEnv(slot) });
    slots.set(worker.id, slot);
    workers.set(slot, worker);
  };

  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker.id);
    slots.delete(worker.id);
    if (slot === undefined) return;
    workers.delete(slot);
    if (stopping) {
      if (workers.size === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    const times = [...(crashes.get(slot) ?? []), now].filter((at) => at > now - CRASH_MEMORY_MS);
    crashes.set(slot, times);
    const delay = restartDelayMs(times, now);
    logger.error(
      { worker: slot, pid: worker.process.pid, code, signal, restartInMs: delay },
      `worker ${slot} stopped unexpectedly; starting it again`,
    );
    setTimeout(() => {
      if (!stopping) fork(slot);
    }, delay);
  });

  for (let slot = 1; slot <= count; slot++) fork(slot);
  logger.info({ workers: count }, `Qadam supervisor: ${count} worker process${count === 1 ? "" : "es"}`);

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopping = true;
      if (workers.size === 0) process.exit(0);
      for (const worker of workers.values()) worker.process.kill("SIGTERM");
      // Workers give their requests 5 s; past that the supervisor goes anyway (its workers follow it).
      setTimeout(() => process.exit(0), 8_000).unref();
    });
  }
}
