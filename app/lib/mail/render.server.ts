import { createI18n, type Locale } from "~/i18n/config";
import { getEnv } from "~/lib/env.server";

/**
 * A message's content as blocks, rendered once as plain text and once as simple HTML (inline styles only, no
 * images or scripts: mail clients strip the rest). Every link is built from APP_URL, the public address of the app.
 */
export type MailBlock =
  | { heading: string }
  | { paragraph: string }
  /** A prominent link (the one thing the message asks the reader to do). */
  | { action: { label: string; path: string } }
  /** Items, each optionally linking to its page. */
  | { list: { text: string; path?: string }[] };

export type MailContent = {
  locale: Locale;
  subject: string;
  /** The salutation line, e.g. "Hello, Aigerim,". */
  greeting?: string;
  blocks: MailBlock[];
};

export type RenderedMail = { subject: string; text: string; html: string };

/** The app's public base URL without a trailing slash. */
export function appBaseUrl(): string {
  const env = getEnv();
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** An absolute link into the app for a path such as `/projects/abc` (a full URL is returned unchanged). */
export function appUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${appBaseUrl()}${path.startsWith("/") ? "" : "/"}${path}`;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function textBlock(block: MailBlock): string {
  if ("heading" in block) return block.heading.toUpperCase();
  if ("paragraph" in block) return block.paragraph;
  if ("action" in block) return `${block.action.label}:\n${appUrl(block.action.path)}`;
  return block.list.map((item) => `- ${item.text}${item.path ? `\n  ${appUrl(item.path)}` : ""}`).join("\n");
}

const LINK = "color:#0b5394";

function htmlBlock(block: MailBlock): string {
  if ("heading" in block) return `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(block.heading)}</h2>`;
  if ("paragraph" in block) return `<p style="margin:0 0 12px">${escapeHtml(block.paragraph)}</p>`;
  if ("action" in block) {
    const href = escapeHtml(appUrl(block.action.path));
    return (
      `<p style="margin:16px 0"><a href="${href}" style="display:inline-block;padding:10px 16px;background:#0b5394;` +
      `color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(block.action.label)}</a></p>` +
      `<p style="margin:0 0 12px;font-size:13px;color:#555555;word-break:break-all">${href}</p>`
    );
  }
  const items = block.list.map((item) => {
    const text = escapeHtml(item.text);
    const body = item.path ? `<a href="${escapeHtml(appUrl(item.path))}" style="${LINK}">${text}</a>` : text;
    return `<li style="margin:0 0 6px">${body}</li>`;
  });
  return `<ul style="margin:0 0 12px;padding-left:20px">${items.join("")}</ul>`;
}

/** Subject, plain text and HTML of a message in the reader's language (the footer is translated here). */
export function renderMail(content: MailContent): RenderedMail {
  const t = createI18n(content.locale).t;
  const footer = t("mail.footer", { url: appBaseUrl() });
  const text = [content.greeting, ...content.blocks.map(textBlock), "--", footer]
    .filter((part) => part !== undefined)
    .join("\n\n");
  const html =
    `<!doctype html><html lang="${content.locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}` +
    `</title></head><body style="margin:0;padding:0;background:#f5f5f5">` +
    `<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;` +
    `font-size:15px;line-height:1.5;color:#1a1a1a">` +
    (content.greeting ? `<p style="margin:0 0 12px">${escapeHtml(content.greeting)}</p>` : "") +
    content.blocks.map(htmlBlock).join("") +
    `<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 12px">` +
    `<p style="margin:0;font-size:12px;color:#666666">${escapeHtml(footer)}</p></div></body></html>`;
  return { subject: content.subject.replace(/[\r\n]+/g, " ").trim(), text, html };
}
