// Every e-mail Qadam writes — the invitation, the password reset, the notifications of a return, an approval or a
// submission, and the officer's, manager's and auditor's reminder digests — read in Russian and Kazakh: once the data
// (names, titles, codes, addresses and links) is taken out, no English interface word is left in the subject, the
// plain text or the HTML.
import { describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/config";
import { invitationMail, passwordResetMail } from "~/lib/mail/account-mail.server";
import {
  renderAuditorDigest,
  renderEventMail,
  renderManagerDigest,
  renderOfficerDigest,
  type EventMail,
} from "~/models/notify/messages.server";
import { englishWords } from "../support/english-vocabulary";

/** Data as a ministry's records hold it: in English, as the seed writes most titles. */
const DATA = {
  name: "Aigerim Sadykova",
  email: "aigerim.sadykova@qadam.test",
  project: "East-West Roads Project",
  code: "P128050",
  milestone: "Bridge design approved",
  indicator: "Sites connected to broadband",
  reviewer: "Gulnara Iskakova",
  comment: "Attach the signed minutes.",
};

/** The mail's words once data, links and markup are taken out. */
function englishIn(mail: { subject: string; text: string; html: string }): string[] {
  const withoutData = (text: string) => {
    let rest = text
      .replace(/<[^>]+>/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/\S+@\S+/g, " ");
    for (const value of Object.values(DATA)) rest = rest.replaceAll(value, " ");
    return rest;
  };
  return englishWords([mail.subject, mail.text, mail.html].map(withoutData).join("\n"));
}

function everyMail(locale: Locale) {
  const recipient = { id: "u1", email: DATA.email, name: DATA.name, locale };
  const link = { tokenId: "t1", token: "secret-token", expiresAt: new Date("2026-12-14T09:00:00Z") };
  const events: EventMail[] = (["returned", "approved", "submitted"] as const).flatMap((event) =>
    (["milestoneUpdate", "indicatorValue"] as const).map((what) => ({
      event,
      what,
      subject: what === "milestoneUpdate" ? DATA.milestone : DATA.indicator,
      project: DATA.project,
      actorName: DATA.reviewer,
      comment: event === "returned" ? DATA.comment : null,
      link: "/projects/p1/milestones/m1",
    })),
  );
  const item = { id: "m1", link: "/projects/p1/milestones/m1", returned: false };
  return {
    invitation: invitationMail(recipient, link),
    reset: passwordResetMail(recipient, link),
    ...Object.fromEntries(events.map((e) => [`${e.event}.${e.what}`, renderEventMail(locale, DATA.name, e)])),
    officerDigest: renderOfficerDigest(locale, DATA.name, {
      counts: { overdue: 1, dueToday: 1, dueSoon: 1 },
      projects: [
        {
          id: "p1",
          code: DATA.code,
          name: DATA.project,
          link: "/projects/p1",
          items: [
            { ...item, kind: "milestone", title: DATA.milestone, dueDate: "2026-12-01", urgency: "overdue" },
            { ...item, kind: "indicator", title: DATA.indicator, dueDate: "2026-12-07", urgency: "dueToday" },
            {
              ...item,
              kind: "milestone",
              title: DATA.milestone,
              dueDate: "2026-12-10",
              urgency: "dueSoon",
              returned: true,
            },
          ],
        },
      ],
    }),
    managerDigest: renderManagerDigest(locale, DATA.name, {
      waiting: [
        {
          kind: "indicatorValue",
          id: "v1",
          projectId: "p1",
          title: DATA.indicator,
          authorId: "u2",
          authorName: DATA.reviewer,
          submittedAt: "2026-12-01",
          workingDays: 4,
          projectCode: DATA.code,
          projectName: DATA.project,
        },
      ],
      turnedRed: [{ id: "p1", code: DATA.code, name: DATA.project, link: "/projects/p1" }],
      redNow: ["p1"],
    }),
    auditorDigest: renderAuditorDigest(locale, DATA.name, {
      head: { seq: 812, hash: "0f3a9c" },
      verification: { ok: true, count: 812 },
      eventsSince: 40,
      previousSeq: 772,
    }),
    auditorDigestBroken: renderAuditorDigest(locale, DATA.name, {
      head: null,
      verification: { ok: false, count: 17, problem: "—" },
      eventsSince: 0,
      previousSeq: null,
    }),
  };
}

describe("e-mails in the reader's language", () => {
  it("finds an English word left in a Russian mail, and takes the data for data", () => {
    const mail = { subject: `Возвращено: ${DATA.milestone}`, text: "Open in Qadam: https://qadam.test/x", html: "" };
    expect(englishIn(mail)).toEqual(["Open"]);
  });

  for (const locale of ["ru", "kk"] as const) {
    it(`writes every ${locale} e-mail without an English interface word`, () => {
      const found = Object.entries(everyMail(locale)).flatMap(([kind, mail]) =>
        englishIn(mail).map((word) => `${kind}: ${word}`),
      );
      expect(found).toEqual([]);
    });
  }
});
