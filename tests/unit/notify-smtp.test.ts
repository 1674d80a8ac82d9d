// Notifications and digests as they arrive at a real SMTP server (smtp-server on loopback), delivered from the outbox
// by the app's own delivery worker: a return notification and an officer's weekly digest, in the officer's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSmtpTransport, deliverDueMail } from "~/lib/mail/deliver.server";
import { appUrl } from "~/lib/mail/render.server";
import { SYSTEM_CONTEXT } from "~/models/audit.server";
import { setPreferences } from "~/models/notify/preferences.server";
import { runReminders } from "~/models/notify/run.server";
import { reviewSubmissions } from "~/models/review/decide.server";
import {
  addMember,
  createMilestone,
  createMilestoneUpdate,
  createProject,
  createUser,
  day,
} from "../helpers/factories";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";

const FROM = "Qadam <qadam@qadam.test>";
/** Monday 7 December 2026: the first run of ISO week 50. */
const MONDAY = new Date("2026-12-07T06:00:00Z");
let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp.stop();
});

async function deliver() {
  const transport = createSmtpTransport(smtp.url);
  if (!transport) throw new Error("no transport");
  return deliverDueMail({ transport, from: FROM, smtpUrl: smtp.url });
}

describe("e-mails that arrive", () => {
  it("a return notification reaches the officer in Kazakh, with the comment and a link; not when they turned it off", async () => {
    const officer = await createUser({ role: "OFFICER", name: "Aigerim Nurlanqyzy", locale: "kk" });
    const quiet = await createUser({ role: "OFFICER", name: "Quiet Officer", locale: "ru" });
    await setPreferences({ userId: quiet.id, digest: "OFF", eventMessages: false, context: SYSTEM_CONTEXT });
    const managerRow = await createUser({ role: "MANAGER", name: "Marat Manager" });
    const manager = await db.user.findUniqueOrThrow({ where: { id: managerRow.id }, include: { organization: true } });
    const project = await createProject({ name: "Almaty ring road" });
    await addMember(project.id, officer.id);
    await addMember(project.id, quiet.id);
    const milestone = await createMilestone(project.id, { title: "Bridge design approved" });
    const update = await createMilestoneUpdate(milestone.id, officer.id);
    const other = await createMilestoneUpdate((await createMilestone(project.id)).id, quiet.id);
    await reviewSubmissions({
      actor: { ...manager, organizationKind: manager.organization.kind },
      items: [
        { kind: "milestoneUpdate", id: update.id, version: update.version },
        { kind: "milestoneUpdate", id: other.id, version: other.version },
      ],
      decision: "return",
      comment: "Қол қойылған хаттаманы тіркеңіз.",
      context: SYSTEM_CONTEXT,
    });
    expect(await db.notification.count({ where: { userId: quiet.id, kind: "returned" } })).toBe(1);
    await deliver();
    const mail = (await smtp.waitFor(1)).find((m) => m.to.includes(officer.email));
    expect(mail).toBeDefined();
    expect(mail?.language).toBe("kk");
    expect(mail?.subject).toBe("Сізге қайтарылды: Bridge design approved");
    expect(mail?.text).toContain("Қол қойылған хаттаманы тіркеңіз.");
    expect(mail?.text).toContain(appUrl(`/projects/${project.id}/milestones/${milestone.id}`));
    expect(mail?.html).toContain(`href="${appUrl(`/projects/${project.id}/milestones/${milestone.id}`)}"`);
    expect(smtp.messages.some((m) => m.to.includes(quiet.email))).toBe(false);
  });

  it("an officer's weekly digest reaches them in Russian, grouped by project with direct links, once", async () => {
    const officer = await createUser({ role: "OFFICER", name: "Dana Serikbayeva", locale: "ru" });
    const project = await createProject({ name: "Karagandy bypass" });
    await addMember(project.id, officer.id);
    const soon = await createMilestone(project.id, {
      title: "Tender launched",
      baselineDueDate: day("2026-12-14"),
      ownerId: officer.id,
    });
    await createMilestone(project.id, { title: "Far away", baselineDueDate: day("2027-06-30"), ownerId: officer.id });
    const before = smtp.messages.length;
    expect((await runReminders({ trigger: "cli", today: MONDAY })).status).toBe("done");
    expect((await runReminders({ trigger: "cli", today: new Date("2026-12-08T06:00:00Z") })).status).toBe("done");
    await deliver();
    await smtp.waitFor(before + 1);
    const digests = smtp.messages.filter((m) => m.to.includes(officer.email));
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest.language).toBe("ru");
    expect(digest.subject).toBe("Ваши отчёты: просрочено 0, срок сегодня 0, срок в ближайшие 7 дней 1");
    expect(digest.text).toContain("Karagandy bypass");
    expect(digest.text).toContain("Tender launched: срок 14 дек. 2026");
    expect(digest.text).not.toContain("Far away");
    expect(digest.text).toContain(appUrl(`/projects/${project.id}/milestones/${soon.id}`));
    const row = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: officer.email } });
    expect(row).toMatchObject({
      kind: "digest.officer",
      state: "SENT",
      idempotencyKey: `digest:officer:${officer.id}:2026-W50`,
    });
    expect(row.runId).not.toBeNull();
  });
});
