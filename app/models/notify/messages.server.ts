import { createI18n, type Locale } from "~/i18n/config";
import { appUrl, escapeHtml } from "~/lib/mail/render.server";
import { makeFormatters } from "~/i18n/format";
import type { AuditorDigest, ManagerDigest, OfficerDigest } from "~/lib/reminder-rules";

/**
 * The e-mails of notifications and reminder digests, in the recipient's language: a plain-text body and the same
 * content as simple HTML (every value escaped), with absolute links to the app's public address.
 */

export type RenderedMail = { subject: string; text: string; html: string };

/** One block of an e-mail: a paragraph, a list of lines with optional links, or a quotation. */
type Block = { p: string } | { quote: string } | { heading: string } | { list: Array<{ text: string; link?: string }> };

function compose(locale: Locale, name: string, subject: string, blocks: Block[]): RenderedMail {
  const { t } = createI18n(locale);
  const settings = appUrl("/account/notifications");
  const all: Block[] = [
    { p: t("notify.mail.greeting", { name }) },
    ...blocks,
    { p: t("notify.mail.footer", { url: settings }) },
  ];
  const text = all
    .map((b) => {
      if ("p" in b) return b.p;
      if ("heading" in b) return b.heading;
      if ("quote" in b)
        return b.quote
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n");
      return b.list.map((item) => `- ${item.text}${item.link ? `\n  ${appUrl(item.link)}` : ""}`).join("\n");
    })
    .join("\n\n");
  const body = all
    .map((b) => {
      if ("p" in b) return `<p>${linkify(escapeHtml(b.p))}</p>`;
      if ("heading" in b) return `<h2 style="font-size:16px">${escapeHtml(b.heading)}</h2>`;
      if ("quote" in b)
        return `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${escapeHtml(b.quote).replace(/\n/g, "<br>")}</blockquote>`;
      const items = b.list.map((item) =>
        item.link
          ? `<li><a href="${escapeHtml(appUrl(item.link))}">${escapeHtml(item.text)}</a></li>`
          : `<li>${escapeHtml(item.text)}</li>`,
      );
      return `<ul>${items.join("")}</ul>`;
    })
    .join("\n");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5">${body}</body></html>`;
  return { subject, text, html };
}

/** Turns the (already escaped) absolute app links in a paragraph into anchors. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

export type EventMail = {
  event: "returned" | "approved" | "submitted";
  what: "milestoneUpdate" | "indicatorValue";
  subject: string;
  project: string;
  actorName: string;
  comment: string | null;
  link: string;
};

/** A returned, approved or submitted update or value. */
export function renderEventMail(locale: Locale, name: string, mail: EventMail): RenderedMail {
  const { t } = createI18n(locale);
  const values = {
    subject: mail.subject,
    project: mail.project,
    what: t(`notify.what.${mail.what}`),
    reviewer: mail.actorName,
    author: mail.actorName,
  };
  const blocks: Block[] = [{ p: t(`notify.mail.${mail.event}.body`, values) }];
  if (mail.event === "returned") {
    blocks.push({ quote: mail.comment ?? "" }, { p: t("notify.mail.returned.next") });
  }
  blocks.push({ p: t("notify.mail.open", { url: appUrl(mail.link) }) });
  return compose(locale, name, t(`notify.mail.${mail.event}.subject`, values), blocks);
}

export function renderOfficerDigest(locale: Locale, name: string, digest: OfficerDigest): RenderedMail {
  const { t } = createI18n(locale);
  const format = makeFormatters(locale);
  const blocks: Block[] = [{ p: t("notify.digest.officer.intro") }];
  for (const project of digest.projects) {
    blocks.push({ heading: `${project.name} (${project.code})` });
    blocks.push({
      list: project.items.map((item) => {
        const when = t(`notify.digest.urgency.${item.urgency}`, { date: format.date(item.dueDate) });
        const returned = item.returned ? ` — ${t("notify.digest.returned")}` : "";
        return { text: `${item.title}: ${when}${returned}`, link: item.link };
      }),
    });
  }
  return compose(locale, name, t("notify.digest.officer.subject", digest.counts), blocks);
}

export function renderManagerDigest(locale: Locale, name: string, digest: ManagerDigest): RenderedMail {
  const { t } = createI18n(locale);
  const blocks: Block[] = [];
  if (digest.waiting.length > 0) {
    blocks.push({ p: t("notify.digest.manager.waiting") });
    blocks.push({
      list: digest.waiting.map((w) => ({
        text: t("notify.digest.manager.waitingLine", {
          what: t(`notify.what.${w.kind}`),
          title: w.title,
          project: w.projectName,
          author: w.authorName,
          days: w.workingDays,
        }),
        link: "/reviews",
      })),
    });
    blocks.push({ p: t("notify.digest.manager.queue", { url: appUrl("/reviews") }) });
  }
  if (digest.turnedRed.length > 0) {
    blocks.push({ p: t("notify.digest.manager.red") });
    blocks.push({ list: digest.turnedRed.map((p) => ({ text: `${p.name} (${p.code})`, link: p.link })) });
  }
  const subject = t("notify.digest.manager.subject", { waiting: digest.waiting.length, red: digest.turnedRed.length });
  return compose(locale, name, subject, blocks);
}

export function renderAuditorDigest(locale: Locale, name: string, digest: AuditorDigest): RenderedMail {
  const { t } = createI18n(locale);
  const seq = digest.head?.seq ?? 0;
  const blocks: Block[] = [
    { p: t("notify.digest.auditor.intro") },
    {
      p: digest.head
        ? t("notify.digest.auditor.head", { seq, hash: digest.head.hash })
        : t("notify.digest.auditor.empty"),
    },
    { p: t("notify.digest.auditor.since", { count: digest.eventsSince }) },
    {
      p: digest.verification.ok
        ? t("notify.digest.auditor.verified", { count: digest.verification.count })
        : t("notify.digest.auditor.broken", { count: digest.verification.count, problem: digest.verification.problem }),
    },
    { p: t("notify.digest.auditor.check", { url: appUrl("/history") }) },
  ];
  return compose(locale, name, t("notify.digest.auditor.subject", { seq }), blocks);
}
