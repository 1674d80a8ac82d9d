import { Cron } from "croner";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { runReminders } from "./run.server";

/**
 * Starts the reminder job's schedule in this server process (REMINDERS_CRON, UTC). Every instance starts it; the
 * lease in the database lets exactly one of them run each time. Started once per process, even when the module is
 * loaded again (development reloads), and never in tests.
 */
const started = globalThis as { qadamReminderSchedule?: Cron };

export function startReminderSchedule() {
  const env = getEnv();
  if (env.NODE_ENV === "test" || env.REMINDERS_CRON === "off" || started.qadamReminderSchedule) return;
  // protect: a run still going when the next is due is not started again in this process.
  started.qadamReminderSchedule = new Cron(
    env.REMINDERS_CRON,
    { timezone: "UTC", protect: true, name: "reminders" },
    async () => {
      try {
        const outcome = await runReminders({ trigger: "schedule" });
        logger.info({ outcome }, "reminder run");
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.message : String(error) }, "reminder run failed");
      }
    },
  );
  logger.info(
    { cron: env.REMINDERS_CRON, next: started.qadamReminderSchedule.nextRun()?.toISOString() },
    "reminders scheduled",
  );
}
