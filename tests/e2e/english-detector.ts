// Finds English interface text on a Russian or Kazakh page, precisely enough to catch one untranslated label without
// taking data for interface text:
// 1. The English vocabulary is every ASCII word (3+ letters) of the English locale's strings (app/i18n/locales/en),
//    less acronyms and loanwords kept on purpose (../support/english-vocabulary.ts).
// 2. From the page text we remove every data value the database holds (project names and codes, people,
//    organisations, milestone titles, indicator names and units, narratives, comments…, and the free-text values the
//    audit log recorded, which keeps values overwritten since), then e-mails and URLs. Inside an event list, a text
//    node equal to a recorded value (action, entity type, field, old or new value) is data too.
// 3. Any remaining word of the English vocabulary is an untranslated string, named in context.
//
// Other specs write while a page is checked. Data is therefore judged by values read from the database AFTER the
// page was captured (`loadPageData` again when the first verdict finds English): everything the page could show was
// written before it was rendered, and the audit log keeps what was overwritten.
import type { Page } from "@playwright/test";
import { ENGLISH } from "../support/english-vocabulary";
import { openE2eDb } from "./fixtures";

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** What counts as data: whole values (longest first, so a name goes before a shorter part of it), and recorded values. */
export type PageData = { values: string[]; recorded: Set<string> };

/** Text columns users fill in or the seed writes. */
const DATA_COLUMNS: Record<string, string[]> = {
  Organization: ["code", "name"],
  User: ["email", "name"],
  Framework: ["code", "name", "description"],
  PriorityArea: ["code", "name", "description"],
  Project: ["code", "name", "description", "instrument", "narrative", "sectorCode"],
  Rating: ["justification"],
  Milestone: ["title", "description"],
  MilestoneUpdate: ["narrative", "dueDateReason", "reviewComment"],
  Indicator: ["code", "name", "unit", "dataSource", "responsibleAgency", "targetRevisionNote"],
  IndicatorValue: ["comment", "reviewComment"],
  AuditEvent: ["reason"],
  // An e-mail's subject is written in its recipient's language: the administration's outbox lists English ones too.
  OutboxMessage: ["subject"],
};

/** Every text value of the e2e database (see the header). */
export async function loadPageData(): Promise<PageData> {
  const values = new Set<string>();
  const recorded = new Set<string>();
  const db = openE2eDb();
  try {
    for (const [table, cols] of Object.entries(DATA_COLUMNS)) {
      for (const col of cols) {
        const rows = await db.execute(
          `SELECT DISTINCT "${col}" AS v FROM "${table}" WHERE "${col}" IS NOT NULL AND "${col}" <> ''`,
        );
        for (const row of rows.rows) {
          const v = String(row.v).trim();
          // Shorter values (units such as "ha", "km") cannot hide a 3-letter word.
          if (v.length >= 3) values.add(v);
        }
      }
    }
    // An evidence file is shown by its name, and by its name without the extension beside the extension.
    for (const row of (await db.execute(`SELECT DISTINCT name FROM "EvidenceFile"`)).rows) {
      const name = String(row.name).trim();
      for (const v of [name, name.replace(/\.[^.]+$/, "")]) if (v.length >= 3) values.add(v);
    }
    const collect = (value: unknown, key?: string) => {
      if (key) recorded.add(key);
      if (typeof value === "string") {
        recorded.add(flat(value));
        // Free text (it has a space: not an enum value or an identifier) may also be shown outside an event list,
        // by a page rendered just before another spec overwrote it.
        if (/\s/.test(value.trim()) && value.trim().length >= 3) values.add(value.trim());
      } else if (value !== null && value !== undefined) recorded.add(JSON.stringify(value));
      if (value && typeof value === "object" && !Array.isArray(value))
        for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    const events = await db.execute("SELECT action, entityType, actorEmail, before, after FROM AuditEvent");
    for (const row of events.rows) {
      for (const field of [row.action, row.entityType, row.actorEmail]) if (field) recorded.add(String(field));
      for (const json of [row.before, row.after]) if (typeof json === "string") collect(JSON.parse(json));
    }
  } finally {
    db.close();
  }
  return { values: [...values].sort((a, b) => b.length - a.length), recorded };
}

/**
 * A page's visible text, as captured: `text` holds a placeholder `\uE000n\uE001` for the n-th text node of an event
 * list, whose own text is `eventTexts[n]` (judged later against the recorded values).
 */
export type PageText = { text: string; eventTexts: string[] };

/**
 * The visible text of the page with every <details> opened, so collapsed sections are checked too. Machine
 * identifiers marked up as <code>, <kbd> or <samp> (paths, parameter names, ids, commands) are left out.
 */
export async function visibleText(page: Page): Promise<PageText> {
  return page.evaluate(() => {
    document.querySelectorAll("details").forEach((d) => (d.open = true));
    document.querySelectorAll("code, kbd, samp").forEach((el) => (el.textContent = " ⟦·⟧ "));
    const eventTexts: string[] = [];
    for (const list of document.querySelectorAll("[data-testid=event-list]")) {
      const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) nodes.push(node);
      for (const node of nodes) {
        eventTexts.push(node.textContent ?? "");
        node.textContent = `\uE000${eventTexts.length - 1}\uE001`;
      }
    }
    return { text: document.body.innerText, eventTexts };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Puts the event lists' text back, each recorded value replaced by a placeholder. */
function withoutRecorded(page: PageText | string, recorded: Set<string>): string {
  if (typeof page === "string") return page;
  return page.text.replace(/\uE000(\d+)\uE001/g, (_, n: string) => {
    const text = page.eventTexts[Number(n)] ?? "";
    return recorded.has(flat(text)) ? " ⟦·⟧ " : text;
  });
}

/** Removes the data values from a page's text: whole values, and values shortened with "…" by the UI. */
function withoutData(text: string, data: string[]): string {
  let rest = text.replace(/\s+/g, " ");
  for (const value of data) {
    const flatValue = flat(value);
    if (!rest.includes(flatValue)) continue;
    // Only whole values: "ha" (hectares) must not cut "interchanges" in two.
    rest = rest.replace(new RegExp(`(?<![A-Za-z])${escapeRegExp(flatValue)}(?![A-Za-z])`, "g"), " ⟦·⟧ ");
  }
  // Truncated values: the longest text before an ellipsis that starts a data value.
  rest = rest.replace(/([^⟦⟧…]{1,120})…/g, (whole, before: string) => {
    for (let i = 0; i < before.length - 2; i++) {
      if (i > 0 && /[A-Za-z]/.test(before[i - 1])) continue;
      const candidate = before.slice(i).trimStart();
      if (candidate.length >= 3 && data.some((value) => flat(value).startsWith(candidate))) {
        return `${before.slice(0, i)} ⟦·⟧ `;
      }
    }
    return whole;
  });
  // E-mails, URLs, host names (links are often shown without their scheme), file names and dotted identifiers.
  return rest
    .replace(/\S+@\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\b[\w-]+(\.[\w-]+)+\/\S*/g, " ")
    .replace(/\b[\w-]+\.(csv|xlsx|ndjson|xml|json|pdf)\b/gi, " ")
    .replace(/\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*\b/g, " ");
}

/** The English interface words left on a page once data is removed, each as “word” in …context…. */
export function englishLeft(page: PageText | string, data: PageData): string[] {
  const rest = withoutData(withoutRecorded(page, data.recorded), data.values);
  const found = new Map<string, string>();
  for (const match of rest.matchAll(/[A-Za-z]{3,}/g)) {
    const word = match[0];
    if (!ENGLISH.has(word.toLowerCase()) || found.has(word)) continue;
    const i = match.index ?? 0;
    found.set(word, `“${word}” in …${rest.slice(Math.max(0, i - 50), i + 50)}…`);
  }
  return [...found.values()];
}
