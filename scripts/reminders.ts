// `npm run reminders`: runs the reminder job once, as the schedule would (taking the same lease).
// `npm run reminders -- --dry-run`: prints who would get what today, in plain words, and writes nothing.
// `--today YYYY-MM-DD` pretends it is another day (to see next Monday's digests, say).
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const LANGUAGES: Record<string, string> = { en: "English", ru: "Russian", kk: "Kazakh" };

async function main(): Promise<number> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env: the defaults apply
  }
  process.env.DATABASE_URL ??= "file:./data/qadam.db";
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean" }, today: { type: "string" } } });
  const { isIsoDay } = await import("~/lib/dates");
  if (values.today !== undefined && !isIsoDay(values.today)) {
    console.error("--today must be a day written YYYY-MM-DD, e.g. --today 2026-12-07");
    return 64;
  }
  const today = values.today ? new Date(`${values.today}T06:00:00Z`) : new Date();
  // Imported after the environment is loaded: db.server builds its default client from it.
  const { db } = await import("~/lib/db.server");
  try {
    if (values["dry-run"]) return await dryRun(today, db);
    const { runReminders } = await import("~/models/notify/run.server");
    const outcome = await runReminders({
      trigger: "cli",
      today,
      onDigestWritten: (n) => process.stderr.write(`  ${n} digests written…\r`),
    });
    if (outcome.status === "busy") {
      console.log(
        "Another reminder run holds the lease (it is running now, or crashed less than 10 minutes ago). Nothing was done.",
      );
      return 75;
    }
    console.log(
      `Run ${outcome.runId}: ${outcome.digests} digest e-mails and ${outcome.notifications} in-app notifications written.`,
    );
    if (outcome.status === "failed")
      console.log(`It stopped with an error: ${outcome.error}. Run it again to complete the rest.`);
    return outcome.status === "done" ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

async function dryRun(today: Date, db: typeof import("~/lib/db.server").db): Promise<number> {
  const { planDigests } = await import("~/models/notify/plan.server");
  const plans = await planDigests(today);
  const day = today.toISOString().slice(0, 10);
  console.log(`Reminders for ${day} — a dry run: nothing is written and nothing is sent.\n`);
  let mails = 0;
  for (const plan of plans) {
    const who = `${plan.user.name} <${plan.user.email}>`;
    const kind = `${plan.kind} digest`;
    const due = plan.dueItems.length > 0 ? ` The bell would show ${plan.dueItems.length} item(s) due soon.` : "";
    if (plan.period === null) {
      console.log(`${who}: would get no ${kind} (they turned digests off).${due}\n`);
      continue;
    }
    const sent = await db.reminderDigest.findUnique({
      where: { userId_kind_period: { userId: plan.user.id, kind: plan.kind, period: plan.period } },
      select: { createdAt: true },
    });
    if (sent) {
      console.log(`${who}: already got the ${kind} for ${plan.period} (on ${sent.createdAt.toISOString()}).${due}\n`);
      continue;
    }
    if (!plan.mail) {
      console.log(
        `${who}: nothing to tell in the ${kind} for ${plan.period}; only its state would be recorded.${due}\n`,
      );
      continue;
    }
    mails++;
    const language = LANGUAGES[plan.user.language] ?? plan.user.language;
    console.log(`${who} would get the ${kind} for ${plan.period}, in ${language}:${due}`);
    console.log(`  Subject: ${plan.mail.subject}`);
    console.log(
      plan.mail.text
        .split("\n")
        .map((line) => `  | ${line}`)
        .join("\n"),
    );
    console.log("");
  }
  console.log(`In all: ${mails} e-mail(s) would be written, for ${plans.length} digest(s) considered.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
