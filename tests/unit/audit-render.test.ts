// Every registered audit action, rendered as History shows it in English, Russian and Kazakh from a sample payload:
// a sentence with the record's name (never its id), translated field labels and formatted values, and nothing left
// untranslated — no raw key, no camelCase field name, no ISO timestamp, no database id, no English in ru/kk.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { EventDetails } from "~/components/history/event-details";
import { EventList } from "~/components/history/event-list";
import { createI18n, LOCALES } from "~/i18n/config";
import en from "~/i18n/locales/en/index";
import { AUDIT_ACTIONS, auditActionSpec, type AuditAction } from "~/lib/audit-actions";
import { NameBook, type NameRows } from "~/lib/audit-render/names";
import { AuditPayloadSchema } from "~/lib/audit-render/payload";
import { AUDIT_RENDERERS, describeAuditEvent, rawOf, type StoredEvent } from "~/lib/audit-render/renderers";
import type { EventView } from "~/lib/audit-render/types";
import * as S from "~/lib/audit-snapshots";

// Ids shaped like the real ones (cuids), so a leaked id is caught by its shape.
const ID = {
  project: "cmx4mhqpz00b8project000001",
  user: "cmx4mhqpz00b8user000000001",
  manager: "cmx4mhqpz00b8user000000002",
  org: "cmx4mhqpz00b8organisation01",
  framework: "cmx4mhqpz00b8framework0001",
  area: "cmx4mhqpz00b8priorityarea01",
  milestone: "cmx4mhqpz00b8milestone00001",
  update: "cmx4mhqpz00b8update0000001",
  indicator: "cmx4mhqpz00b8indicator00001",
  value: "cmx4mhqpz00b8value00000001",
  rating: "cmx4mhqpz00b8rating0000001",
  member: "cmx4mhqpz00b8member0000001",
  message: "cmx4mhqpz00b8message000001",
};
const at = "2026-09-30T10:15:00.000Z";

// The data the samples hold: names and free text are data, not interface words.
const DATA = [
  "Broadband pilot for 150 remote schools",
  "Digital Acceleration",
  "Aliya Zhaksylykova",
  "Daniyar Seitkali",
  "Ministry of Digital Development",
  "CPF 2026–2031",
  "Transport and digital connectivity",
  "Schools connected",
  "Sites connected to broadband",
  "Frost delayed the cabling.",
  "Attach the acceptance certificate.",
  "Field reports",
  "schools",
  "Ministry of Education",
  "Board decision.",
  "Satisfactory progress on connections.",
  "SITES_CONNECTED",
  "CPF26",
  "worldbank.org",
];

/** Acronyms and names of formats, the same in every language. */
const KEPT = ["qadam", "csv", "ndjson", "iati", "excel", "pdo", "ipf", "utc", "dac"];

/** Events of these kinds of record belong to a project. */
const IN_PROJECT = new Set([
  "Project",
  "ProjectMember",
  "Rating",
  "Milestone",
  "MilestoneUpdate",
  "Indicator",
  "IndicatorValue",
]);

const organization = (name: string) => ({
  id: ID.org,
  code: "MDD",
  name,
  nameRu: "Министерство цифрового развития",
  nameKk: "Цифрлық даму министрлігі",
  kind: "MINISTRY" as const,
  version: 1,
});
const user = (active: boolean) => ({
  id: ID.user,
  email: "aliya@qadam.test",
  name: "Aliya Zhaksylykova",
  organizationId: ID.org,
  role: "OFFICER" as const,
  locale: active ? "ru" : "kk",
  active,
  mustChangePassword: !active,
  version: 1,
});
const framework = (envelope: string) => ({
  id: ID.framework,
  code: "CPF26",
  name: "CPF 2026–2031",
  startDate: "2026-01-01T00:00:00.000Z",
  endDate: "2031-12-31T00:00:00.000Z",
  annualEnvelopeMinor: envelope,
  description: "Board decision.",
  version: 1,
});
const area = (sortOrder: number) => ({
  id: ID.area,
  frameworkId: ID.framework,
  code: "PA1",
  name: "Transport and digital connectivity",
  description: "Board decision.",
  sortOrder,
  version: 1,
});
const project = (status: "ACTIVE" | "CLOSED", archivedAt: string | null) => ({
  id: ID.project,
  code: "P199902",
  name: "Digital Acceleration",
  description: "Board decision.",
  institution: "WB" as const,
  instrument: "IPF",
  implementingAgencyId: ID.org,
  priorityAreaId: ID.area,
  sectorCode: "22040",
  status,
  approvalDate: "2025-06-01T00:00:00.000Z",
  effectivenessDate: null,
  mtrPlannedDate: null,
  mtrActualDate: null,
  closingOriginalDate: "2027-12-31T00:00:00.000Z",
  closingRevisedDate: status === "CLOSED" ? "2028-06-30T00:00:00.000Z" : null,
  commitmentMinor: status === "CLOSED" ? "5000000000" : "4600000000",
  disbursedMinor: "120000000",
  narrative: "Satisfactory progress on connections.",
  archivedAt,
  version: 1,
  createdAt: at,
  updatedAt: at,
});
const member = { id: ID.member, projectId: ID.project, userId: ID.user, capacity: "PROJECT_OFFICER", createdAt: at };
const rating = {
  id: ID.rating,
  projectId: ID.project,
  ratedOn: at,
  pdoRating: "MU" as const,
  ipRating: "S" as const,
  riskRating: "H" as const,
  justification: "Board decision.",
  authorId: ID.manager,
  createdAt: at,
};
const milestone = (status: "IN_PROGRESS" | "DELAYED", due: string) => ({
  id: ID.milestone,
  projectId: ID.project,
  title: "Broadband pilot for 150 remote schools",
  description: "Board decision.",
  baselineDueDate: "2026-09-30",
  currentDueDate: due,
  status,
  percentComplete: status === "DELAYED" ? 40 : 60,
  completedOn: null,
  ownerId: ID.user,
  version: 2,
});
const update = (state: "SUBMITTED" | "APPROVED") => ({
  id: ID.update,
  milestoneId: ID.milestone,
  authorId: ID.user,
  proposedStatus: "DELAYED" as const,
  proposedPercent: 40,
  proposedDueDate: "2027-03-31",
  dueDateReason: "Frost delayed the cabling.",
  narrative: "Frost delayed the cabling.",
  evidenceLinks: ["https://files.example.kz/P199902/acceptance.pdf"],
  reviewState: state,
  reviewerId: state === "APPROVED" ? ID.manager : null,
  reviewComment: state === "APPROVED" ? "Attach the acceptance certificate." : null,
  submittedAt: at,
  reviewedAt: state === "APPROVED" ? at : null,
  version: 1,
});
const indicator = (target: number) => ({
  id: ID.indicator,
  projectId: ID.project,
  code: "SITES_CONNECTED",
  name: "Sites connected to broadband",
  type: "PDO" as const,
  unit: "schools",
  measure: "UNIT" as const,
  ascending: true,
  baselineValue: 0,
  baselineDate: "2025-01-01",
  targetValue: target,
  targetDate: "2027-12-31",
  originalTargetValue: 150,
  targetRevisedOn: target === 150 ? null : "2026-09-30",
  targetRevisionNote: target === 150 ? null : "Board decision.",
  frequency: "QUARTERLY",
  dataSource: "Field reports",
  responsibleAgency: "Ministry of Education",
  version: 1,
  targets: [{ periodEnd: "2026-12-31", value: target / 2 }],
});
const value = (state: "SUBMITTED" | "VERIFIED") => ({
  id: ID.value,
  indicatorId: ID.indicator,
  periodStart: "2026-07-01",
  periodEnd: "2026-09-30",
  value: 42.5,
  comment: "Field reports",
  evidenceLinks: [],
  state,
  reporterId: ID.user,
  verifierId: state === "VERIFIED" ? ID.manager : null,
  reviewComment: null,
  version: 1,
});
const exportRecord = {
  format: "csv",
  filters: { project: "P199902", from: "2026-01-01", actor: "aliya@qadam.test" },
  rowCount: 1234,
  chainHeadSeq: 99,
  chainHeadHash: "a".repeat(64),
};

const link = { tokenId: "cmx4mhqpz00b8token00000001", purpose: "INVITATION", expiresAt: at };
const reminderRun = (state: string) => ({
  trigger: "schedule",
  state,
  digests: 12,
  notifications: 30,
  startedAt: at,
  finishedAt: state === "DONE" ? at : null,
  error: null,
});
const ssoDomain = { id: "cmx4mhqpz00b8domain0000001", domain: "worldbank.org", organizationId: ID.org };

/** [before, after] samples per snapshot schema (the schema objects of the registry are the keys). */
const SAMPLES = new Map<z.ZodType, [unknown, unknown]>([
  [S.organizationSnapshot, [organization("Ministry of Digital Development"), organization("Ministry of Education")]],
  [S.userSnapshot, [user(true), user(false)]],
  [S.userUpdateSnapshot, [user(true), { ...user(false), sessionsEnded: true }]],
  [S.frameworkSnapshot, [framework("100000000000"), framework("120000000000")]],
  [S.priorityAreaSnapshot, [area(1), area(2)]],
  [S.projectSnapshot, [project("ACTIVE", null), project("CLOSED", at)]],
  [S.memberSnapshot, [member, member]],
  [S.ratingSnapshot, [rating, rating]],
  [S.milestoneSnapshot, [milestone("IN_PROGRESS", "2026-09-30"), milestone("DELAYED", "2027-03-31")]],
  [
    S.appliedMilestoneSnapshot,
    [milestone("IN_PROGRESS", "2026-09-30"), { ...milestone("DELAYED", "2027-03-31"), appliedUpdateId: ID.update }],
  ],
  [S.milestoneUpdateSnapshot, [update("SUBMITTED"), update("APPROVED")]],
  [S.indicatorSnapshot, [indicator(150), indicator(200)]],
  [S.indicatorValueSnapshot, [value("SUBMITTED"), value("VERIFIED")]],
  [S.failedPasswordChange, [null, { failedAttempts: 3, locked: true }]],
  [S.exportRecord, [null, exportRecord]],
  [S.linkTokenRecord, [link, link]],
  [
    S.outboxDeliverySnapshot,
    [
      { id: ID.message, state: "FAILED", attempts: 8 },
      { id: ID.message, state: "PENDING", attempts: 0 },
    ],
  ],
  [S.reminderRunSnapshot, [reminderRun("RUNNING"), reminderRun("DONE")]],
  [
    S.notificationPreferenceSnapshot,
    [
      { userId: ID.user, digest: "WEEKLY", eventMessages: true },
      { userId: ID.user, digest: "DAILY", eventMessages: false },
    ],
  ],
  [S.ssoRefusal, [null, { reason: "unknownAccount" }]],
  [S.ssoAutoDomainSnapshot, [ssoDomain, ssoDomain]],
]);

const ENTITY_ID: Record<string, string> = {
  Organization: ID.org,
  User: ID.user,
  Framework: ID.framework,
  PriorityArea: ID.area,
  Project: ID.project,
  ProjectMember: ID.member,
  Rating: ID.rating,
  Milestone: ID.milestone,
  MilestoneUpdate: ID.update,
  Indicator: ID.indicator,
  IndicatorValue: ID.value,
  Export: "export-1",
  OutboxMessage: ID.message,
  ReminderRun: "cmx4mhqpz00b8run000000001",
  NotificationPreference: "cmx4mhqpz00b8pref00000001",
  SsoAutoAccountDomain: "cmx4mhqpz00b8domain0000001",
};

const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

function sampleEvent(action: AuditAction, seq: number): StoredEvent {
  const spec = auditActionSpec(action);
  const side = (schema: z.ZodType | null, index: 0 | 1) => {
    if (!schema) return null;
    const sample = SAMPLES.get(schema);
    if (!sample) throw new Error(`no sample for a snapshot of ${action}`);
    return JSON.stringify(sample[index] ?? sample[1]);
  };
  return {
    seq,
    occurredAt: new Date(at),
    actorId: ID.manager,
    actorEmail: "daniyar@qadam.test",
    action,
    entityType: spec.entityType,
    entityId: action.startsWith("auth.") ? ID.user : (ENTITY_ID[spec.entityType] ?? "x"),
    projectId: IN_PROJECT.has(spec.entityType) ? ID.project : null,
    before: side(spec.before, 0),
    after: side(spec.after, 1),
    reason: spec.reasonRequired ? "Board decision." : null,
    requestId: "req-1",
    prevHash: "0".repeat(64),
    hash: "b".repeat(64),
  };
}

const names = (known: boolean): NameBook => {
  const rows: NameRows = {
    project: new Map(),
    user: new Map(),
    organization: new Map(),
    framework: new Map(),
    priorityArea: new Map(),
    milestone: new Map(),
    indicator: new Map(),
  };
  if (known) {
    rows.project.set(ID.project, { name: "Digital Acceleration", code: "P199902" });
    rows.user.set(ID.user, { name: "Aliya Zhaksylykova", email: "aliya@qadam.test" });
    rows.user.set(ID.manager, { name: "Daniyar Seitkali", email: "daniyar@qadam.test" });
    rows.organization.set(ID.org, {
      name: "Ministry of Digital Development",
      nameRu: "Министерство цифрового развития",
      nameKk: "Цифрлық даму министрлігі",
    });
    rows.framework.set(ID.framework, { name: "CPF 2026–2031", code: "CPF26", nameRu: null, nameKk: null });
    rows.priorityArea.set(ID.area, {
      name: "Transport and digital connectivity",
      code: "PA1",
      frameworkId: ID.framework,
      nameRu: null,
      nameKk: null,
    });
    rows.milestone.set(ID.milestone, { title: "Broadband pilot for 150 remote schools", projectId: ID.project });
    rows.indicator.set(ID.indicator, {
      name: "Sites connected to broadband",
      code: "SITES_CONNECTED",
      projectId: ID.project,
    });
  }
  return new NameBook(rows);
};

function renderText(views: EventView[], locale: (typeof LOCALES)[number]): string {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: createI18n(locale) },
      createElement(
        StaticRouter,
        { location: "/history" },
        createElement(EventList, { events: views }),
        // What each event changed, as its opened details show it (read from its own address on the page).
        ...views.map((view) => createElement(EventDetails, { key: view.seq, event: view, entityLinks: true })),
      ),
    ),
  );
  // The visible text: tags out (attributes such as hrefs hold ids by design), entities decoded.
  return html
    .replace(/<\/?(p|li|dt|dd|div|summary|details|ol|dl|pre)\b[^>]*>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function englishWords(): Set<string> {
  const words = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string")
      for (const w of v.replace(/\{\{[^}]*\}\}/g, " ").match(/[A-Za-z]{3,}/g) ?? []) words.add(w.toLowerCase());
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(en);
  // Kept as they are in every language: the product's name, file formats and acronyms.
  for (const kept of KEPT) words.delete(kept);
  return words;
}
const ENGLISH = englishWords();

function problemsIn(text: string, locale: string): string[] {
  let rest = text;
  for (const value of [...DATA].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(" ");
  rest = rest.replace(/\S+@\S+/g, " ").replace(/[\w-]+(\.[\w-]+)+\/\S*/g, " ");
  const problems: string[] = [];
  const find = (re: RegExp, what: string) => {
    for (const m of rest.matchAll(re)) problems.push(`${what}: ${m[0]}`);
  };
  find(/\b(audit|history|domain|projects|workflow|common)\.[\w.]+/g, "translation key");
  find(/\b[a-z]+[A-Z][A-Za-z]*\b/g, "camelCase name");
  find(/\d{4}-\d{2}-\d{2}/g, "ISO date");
  find(/\bc[a-z0-9]{20,}\b/g, "database id");
  for (const m of rest.matchAll(/\b[A-Z][A-Z_]{3,}\b/g))
    if (!KEPT.includes(m[0].toLowerCase())) problems.push(`code value: ${m[0]}`);
  find(/\{\{|\}\}/g, "uninterpolated placeholder");
  if (locale !== "en") {
    for (const m of rest.matchAll(/[A-Za-z]{3,}/g))
      if (ENGLISH.has(m[0].toLowerCase())) problems.push(`English: ${m[0]}`);
  }
  return problems;
}

describe("the payload union", () => {
  it("has one variant per registered action and parses every sample", () => {
    expect(AuditPayloadSchema.options).toHaveLength(ACTIONS.length);
    for (const [i, action] of ACTIONS.entries()) {
      const event = sampleEvent(action, i + 1);
      const parsed = AuditPayloadSchema.safeParse({
        action,
        before: event.before === null ? null : JSON.parse(event.before),
        after: event.after === null ? null : JSON.parse(event.after),
      });
      expect(parsed.success, `${action}: ${parsed.error?.message ?? ""}`).toBe(true);
    }
  });

  it("has one renderer per registered action", () => {
    expect(Object.keys(AUDIT_RENDERERS).sort()).toEqual([...ACTIONS].sort());
  });
});

describe.each(LOCALES)("every action in %s", (locale) => {
  const views = ACTIONS.map((action, i) =>
    describeAuditEvent(sampleEvent(action, i + 1), names(true), { stored: false }),
  );

  it.each(ACTIONS.map((action, i) => [action, i] as const))(
    "%s reads as a sentence with names and words",
    (action, i) => {
      const view = views[i];
      expect(view.sentence, action).toBe(`audit.actions.${action}`);
      const text = renderText([view], locale);
      expect(problemsIn(text, locale), `${action} in ${locale}: ${text}`).toEqual([]);
      if (view.record)
        expect(text).toContain(
          view.record.kind === "organization" && locale !== "en"
            ? ((locale === "ru" ? view.record.nameRu : view.record.nameKk) ?? "")
            : view.record.name,
        );
    },
  );

  it("records deleted since keep the name their event stored", () => {
    const gone = ACTIONS.map((action, i) =>
      describeAuditEvent(sampleEvent(action, i + 1), names(false), { stored: false }),
    );
    const text = renderText(gone, locale);
    expect(problemsIn(text, locale), text).toEqual([]);
    expect(text).toContain("Broadband pilot for 150 remote schools");
    expect(text).toContain("Digital Acceleration");
  });
});

describe("the example of the issue", () => {
  it("an approved update applied to a milestone names the milestone and its project, with dates and statuses in words", () => {
    const view = describeAuditEvent(sampleEvent("milestone.applyUpdate", 7), names(true), { stored: false });
    const text = renderText([view], "en");
    expect(text).toContain(
      "The update approved by Daniyar Seitkali changed the milestone “Broadband pilot for 150 remote schools” (P199902)",
    );
    expect(text).toMatch(/Due date 30 Sept? 2026 → 31 Mar 2027/);
    expect(text).toContain("Status In progress → Delayed");
    expect(text).toContain("Complete 60% → 40%");
    const ru = renderText([view], "ru");
    expect(ru).toContain(
      "Обновление, утверждённое пользователем Daniyar Seitkali, изменило контрольную точку «Broadband pilot for 150 remote schools»",
    );
    expect(ru).toContain("Статус В работе → С задержкой");
  });

  it("ratings show their words, money and percentages are formatted, the raw record is for auditors only", () => {
    const rated = renderText(
      [describeAuditEvent(sampleEvent("rating.record", 1), names(true), { stored: false })],
      "en",
    );
    expect(rated).toContain("MU — Moderately Unsatisfactory");
    expect(rated).toContain("H — High");
    const project = renderText(
      [describeAuditEvent(sampleEvent("project.update", 2), names(true), { stored: false })],
      "en",
    );
    expect(project).toContain("$46M → $50M");
    const view = (stored: boolean) => describeAuditEvent(sampleEvent("project.update", 2), names(true), { stored });
    const raw = view(true);
    // The page carries only that the record may be opened; the record itself is read when it is opened.
    expect(raw).not.toHaveProperty("raw");
    expect(raw.stored).toBe(true);
    expect(rawOf(sampleEvent("project.update", 2))).toMatchObject({
      entityId: ID.project,
      requestId: "req-1",
      hash: "b".repeat(64),
    });
    // One click away: the summary is on the page, the record itself is drawn when it is opened.
    expect(renderText([raw], "en")).toContain("Stored record (for auditors)");
    expect(renderText([view(false)], "en")).not.toContain("Stored record");
  });
});
