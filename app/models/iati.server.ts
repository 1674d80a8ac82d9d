import { PassThrough, type Readable } from "node:stream";
import { createCB } from "xmlbuilder2";
import type { XMLBuilderCB } from "xmlbuilder2/lib/interfaces";
import type { Prisma } from "~/generated/prisma/client";
import { xmlSafeText } from "~/lib/csv-safety";
import { DAY_MS, dayOf } from "~/lib/dates";
import { LOCALIZED_NAME_SELECT, type LocalizedNameRow } from "~/lib/localized-name";
import { textLanguage, type TextLanguage } from "~/lib/text-language";
import { db } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import type { Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { chainHeadStamp, drained, exportScope, projectBatches, type ChainHeadStamp } from "./export-common.server";
import { indicatorFactsSelect, indicatorOrder, interimTargets, projectFactsSelect } from "./export-selects.server";
import { annualBudgets, disbursementsOf, signedUsd, type Disbursement } from "./iati-finance.server";

/**
 * The visible projects as an IATI Activity Standard 2.03 file, validated in the tests against the official schema
 * (../shared/iati-2.03). Elements are written in schema order by xmlbuilder2's callback (streaming) writer, one
 * activity at a time: projects are read in keyset batches with their indicators, so memory holds one batch.
 */

/** IATI organisation identifiers: the World Bank (IBRD/IDA) and IFC as registered with the OECD DAC. */
const ORG = {
  WB: { ref: "44000", type: "40", name: "World Bank", nameRu: "Всемирный банк", nameKk: "Дүниежүзілік банк" },
  IFC: {
    ref: "XM-DAC-903",
    type: "40",
    name: "International Finance Corporation",
    nameRu: "Международная финансовая корпорация",
    nameKk: "Халықаралық қаржы корпорациясы",
  },
} as const;

const GOVERNMENT = {
  type: "10",
  name: "Government of the Republic of Kazakhstan",
  nameRu: "Правительство Республики Казахстан",
  nameKk: "Қазақстан Республикасының Үкіметі",
};

/** The fixed texts of the file, in the three languages Qadam works in. */
const LABEL = {
  pdo: {
    name: "Project Development Objective indicators",
    nameRu: "Индикаторы цели развития проекта",
    nameKk: "Жобаның даму мақсатының индикаторлары",
  },
  intermediate: {
    name: "Intermediate results indicators",
    nameRu: "Индикаторы промежуточных результатов",
    nameKk: "Аралық нәтижелер индикаторлары",
  },
  commitment: { name: "Net commitment", nameRu: "Чистая сумма обязательств", nameKk: "Міндеттемелердің таза сомасы" },
  recorded: {
    name: "Disbursed: change of the disbursed amount recorded in Qadam on this day",
    nameRu: "Освоено: изменение освоенной суммы, записанное в Qadam в этот день",
    nameKk: "Игерілді: игерілген соманың осы күні Qadam-да тіркелген өзгерісі",
  },
  beforeRecords: {
    name: "Disbursed before Qadam recorded changes of the disbursed amount",
    nameRu: "Освоено до того, как Qadam начал записывать изменения освоенной суммы",
    nameKk: "Qadam игерілген соманың өзгерістерін тіркей бастағанға дейін игерілген",
  },
} satisfies Record<string, LocalizedNameRow>;

/** ProjectStatus → IATI ActivityStatus codelist. */
export const ACTIVITY_STATUS = { PIPELINE: "1", ACTIVE: "2", CLOSED: "4", CANCELLED: "5" } as const;

/** IndicatorMeasure → IATI IndicatorMeasure codelist. */
const MEASURE = { UNIT: "1", PERCENTAGE: "2", QUALITATIVE: "5" } as const;

export function iatiIdentifier(project: { code: string; institution: string }): string {
  return project.institution === "IFC" ? `${ORG.IFC.ref}-${project.code}` : `${ORG.WB.ref}-${project.code}`;
}

const iatiProjectSelect = {
  id: true,
  ...projectFactsSelect,
  description: true,
  createdAt: true,
  updatedAt: true,
  implementingAgency: { select: { ...LOCALIZED_NAME_SELECT, code: true } },
  indicators: {
    orderBy: indicatorOrder,
    select: {
      ...indicatorFactsSelect,
      targets: interimTargets,
      // Every verified actual, not only the latest: each is a reporting period of the IATI result.
      values: {
        where: { state: "VERIFIED" },
        orderBy: { periodEnd: "asc" },
        select: { periodStart: true, periodEnd: true, value: true },
      },
    },
  },
} satisfies Prisma.ProjectSelect;

type IatiProject = Prisma.ProjectGetPayload<{ select: typeof iatiProjectSelect }>;
type IatiIndicator = IatiProject["indicators"][number];

export type IatiPlan = {
  where: Prisma.ProjectWhereInput;
  activityCount: number;
  head: ChainHeadStamp;
  generatedAt: Date;
  generatedBy: string;
  scope: "all" | "visible-projects";
};

export async function planIatiExport(actor: Actor & { email: string }): Promise<IatiPlan> {
  const where = projectWhereForActor(actor);
  return {
    where,
    activityCount: await db.project.count({ where }),
    head: await chainHeadStamp(),
    generatedAt: new Date(),
    generatedBy: actor.email,
    scope: exportScope(actor),
  };
}

const IATI_BATCH = 20;

/**
 * xmlbuilder2 leaves an `&` that already starts one of the five predefined entities unescaped (so "&amp;" in a
 * project name would come out as "&"): escape every `&` first, and replace characters XML cannot carry.
 */
const text = (value: string) => xmlSafeText(value).replace(/&/g, "&amp;");

type Narrative = { lang: TextLanguage; text: string };

/** Free text typed by a person: one narrative, tagged with the language it is written in. */
const typed = (value: string): Narrative[] => [{ lang: textLanguage(value), text: value }];

/** A name held in English, Russian and Kazakh: a narrative for each form Qadam holds (blank forms are left out). */
function named(row: LocalizedNameRow): Narrative[] {
  const forms: Narrative[] = [
    { lang: textLanguage(row.name), text: row.name },
    { lang: "ru", text: row.nameRu?.trim() ?? "" },
    { lang: "kk", text: row.nameKk?.trim() ?? "" },
  ];
  return forms.filter((f, i) => f.text && !forms.slice(0, i).some((o) => o.lang === f.lang && o.text === f.text));
}

function narratives(xml: XMLBuilderCB, element: string, items: Narrative[], attributes: Record<string, string> = {}) {
  xml.ele(element, attributes);
  for (const item of items) xml.ele("narrative", { "xml:lang": item.lang }).txt(text(item.text)).up();
  xml.up();
}

function money(xml: XMLBuilderCB, cents: bigint, valueDate: Date) {
  xml
    .ele("value", { currency: "USD", "value-date": dayOf(valueDate) })
    .txt(signedUsd(cents))
    .up();
}

function funders(project: IatiProject) {
  if (project.institution === "JOINT") return [ORG.WB, ORG.IFC];
  return [project.institution === "IFC" ? ORG.IFC : ORG.WB];
}

/** Org elements: the organisation's reference and type as attributes, its name in every language held. */
function org(
  xml: XMLBuilderCB,
  element: string,
  attributes: Record<string, string>,
  organisation: LocalizedNameRow & { ref?: string; type: string },
) {
  const identity: Record<string, string> = organisation.ref
    ? { ref: organisation.ref, type: organisation.type }
    : { type: organisation.type };
  narratives(xml, element, named(organisation), { ...identity, ...attributes });
}

function transaction(xml: XMLBuilderCB, code: "2" | "3", day: Date, cents: bigint, label: LocalizedNameRow) {
  xml.ele("transaction");
  xml.ele("transaction-type", { code }).up();
  xml.ele("transaction-date", { "iso-date": dayOf(day) }).up();
  money(xml, cents, day);
  narratives(xml, "description", named(label));
  xml.up();
}

/** Dates IATI calls "actual" may not lie in the future (ruleset 11.1.4, 11.1.5, 11.2.1): a later one is not written. */
const happened = (day: Date | null, today: Date): day is Date => day !== null && dayOf(day) <= dayOf(today);

function writeActivity(xml: XMLBuilderCB, project: IatiProject, disbursements: Disbursement[], today: Date) {
  const reporter = project.institution === "IFC" ? ORG.IFC : ORG.WB;
  const closing = project.closingRevisedDate ?? project.closingOriginalDate;
  const start = project.approvalDate ?? project.effectivenessDate ?? project.createdAt;

  xml.ele("iati-activity", {
    "last-updated-datetime": project.updatedAt.toISOString(),
    "xml:lang": "en",
    "default-currency": "USD",
  });
  xml
    .ele("iati-identifier")
    .txt(text(iatiIdentifier(project)))
    .up();
  org(xml, "reporting-org", {}, reporter);
  narratives(xml, "title", typed(project.name));
  narratives(xml, "description", typed(project.description.trim() || project.name), { type: "1" });

  for (const funder of funders(project)) org(xml, "participating-org", { role: "1" }, funder);
  org(xml, "participating-org", { role: "2" }, GOVERNMENT);
  for (const funder of funders(project)) org(xml, "participating-org", { role: "3" }, funder);
  org(xml, "participating-org", { role: "4" }, { ...project.implementingAgency, ref: undefined, type: "10" });

  xml.ele("activity-status", { code: ACTIVITY_STATUS[project.status] }).up();

  xml.ele("activity-date", { type: "1", "iso-date": dayOf(start) }).up();
  if (happened(project.effectivenessDate, today))
    xml.ele("activity-date", { type: "2", "iso-date": dayOf(project.effectivenessDate) }).up();
  if (closing) xml.ele("activity-date", { type: "3", "iso-date": dayOf(closing) }).up();
  if (project.status === "CLOSED" && happened(closing, today))
    xml.ele("activity-date", { type: "4", "iso-date": dayOf(closing) }).up();

  xml.ele("recipient-country", { code: "KZ", percentage: "100" }).up();
  xml.ele("sector", { vocabulary: "1", code: text(project.sectorCode), percentage: "100" }).up();

  // The commitment over the life of the activity, a budget per calendar year (indicative: the split is by days).
  if (closing) {
    for (const budget of annualBudgets(start, closing, project.commitmentMinor)) {
      xml.ele("budget", { type: "1", status: "1" });
      xml.ele("period-start", { "iso-date": dayOf(budget.start) }).up();
      xml.ele("period-end", { "iso-date": dayOf(budget.end) }).up();
      money(xml, budget.cents, budget.start);
      xml.up();
    }
  }

  // A pipeline project has committed nothing yet; a commitment is dated when the project was approved.
  if (project.commitmentMinor > 0n && project.status !== "PIPELINE" && happened(start, today))
    transaction(xml, "2", start, project.commitmentMinor, LABEL.commitment);
  for (const disbursement of disbursements) {
    const label = disbursement.source === "recorded" ? LABEL.recorded : LABEL.beforeRecords;
    transaction(xml, "3", disbursement.day, disbursement.cents, label);
  }

  const pdo = project.indicators.filter((i) => i.type === "PDO");
  const intermediate = project.indicators.filter((i) => i.type === "INTERMEDIATE");
  if (pdo.length) writeResult(xml, "2", LABEL.pdo, pdo, start);
  if (intermediate.length) writeResult(xml, "1", LABEL.intermediate, intermediate, start);

  xml.up();
}

type Period = { start: Date; end: Date; target: number | null; actual: number | null };

/**
 * Reporting periods keyed by their end date: each verified actual with its own start, each interim target, and
 * the end target. A period without a reported start begins the day after the previous one (or at the baseline).
 */
export function indicatorPeriods(indicator: IatiIndicator, activityStart: Date): Period[] {
  const byEnd = new Map<string, Period>();
  const at = (end: Date) => {
    const key = dayOf(end);
    let period = byEnd.get(key);
    if (!period) {
      period = { start: end, end, target: null, actual: null };
      byEnd.set(key, period);
    }
    return period;
  };
  for (const target of indicator.targets) at(target.periodEnd).target = target.value;
  if (indicator.targetValue !== null && indicator.targetDate) {
    const period = at(indicator.targetDate);
    period.target ??= indicator.targetValue;
  }
  const withStart = new Set<string>();
  for (const value of indicator.values) {
    const period = at(value.periodEnd);
    period.actual = value.value;
    period.start = value.periodStart <= value.periodEnd ? value.periodStart : value.periodEnd;
    withStart.add(dayOf(value.periodEnd));
  }
  const periods = [...byEnd.values()].sort((a, b) => a.end.getTime() - b.end.getTime());
  let previousEnd: Date | null = indicator.baselineDate ?? activityStart;
  for (const period of periods) {
    if (!withStart.has(dayOf(period.end))) {
      const candidate = previousEnd ? new Date(previousEnd.getTime() + DAY_MS) : period.end;
      period.start = candidate <= period.end ? candidate : period.end;
    }
    previousEnd = period.end;
  }
  return periods;
}

const number = (value: number) => String(value);

/** The unit of measure, introduced in each language (the unit itself is as the team typed it). */
const unitLabel = (unit: string): LocalizedNameRow => ({
  name: `Unit: ${unit}`,
  nameRu: `Единица измерения: ${unit}`,
  nameKk: `Өлшем бірлігі: ${unit}`,
});

function writeResult(
  xml: XMLBuilderCB,
  type: "1" | "2",
  title: LocalizedNameRow,
  indicators: IatiIndicator[],
  activityStart: Date,
) {
  xml.ele("result", { type, "aggregation-status": "0" });
  narratives(xml, "title", named(title));
  for (const indicator of indicators) {
    xml.ele("indicator", { measure: MEASURE[indicator.measure], ascending: indicator.ascending ? "1" : "0" });
    narratives(xml, "title", typed(indicator.name));
    narratives(xml, "description", named(unitLabel(indicator.unit)));
    if (indicator.baselineValue !== null) {
      const baselineDate = indicator.baselineDate ?? activityStart;
      xml
        .ele("baseline", {
          year: String(baselineDate.getUTCFullYear()),
          "iso-date": dayOf(baselineDate),
          value: number(indicator.baselineValue),
        })
        .up();
    }
    for (const period of indicatorPeriods(indicator, activityStart)) {
      xml.ele("period");
      xml.ele("period-start", { "iso-date": dayOf(period.start) }).up();
      xml.ele("period-end", { "iso-date": dayOf(period.end) }).up();
      if (period.target !== null) xml.ele("target", { value: number(period.target) }).up();
      if (period.actual !== null) xml.ele("actual", { value: number(period.actual) }).up();
      xml.up();
    }
    xml.up();
  }
  xml.up();
}

/** XML comments may not contain "--"; metadata values are ids, e-mails, dates and hashes, but be safe. */
const commentSafe = (value: string) => value.replace(/-{2,}/g, (m) => m.split("").join(" "));

export function iatiMetadata(plan: IatiPlan): Array<[string, string]> {
  return [
    ["format", "qadam-iati-2.03/1"],
    ["generated_at", plan.generatedAt.toISOString()],
    ["generated_by", plan.generatedBy],
    ["scope", plan.scope],
    ["filters", "none (every project visible to the user)"],
    ["row_count", String(plan.activityCount)],
    ["chain_head_seq", String(plan.head.seq)],
    ["chain_head_hash", plan.head.hash ?? ""],
  ];
}

/** Streams the IATI file; the caller has checked that at least one activity exists (the schema requires one). */
export function iatiXmlStream(plan: IatiPlan): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const xml = createCB({
    data: (chunk: string) => {
      out.write(chunk);
    },
    end: () => {
      out.end();
    },
    error: (error: Error) => out.destroy(error),
    prettyPrint: true,
  });
  const run = async () => {
    xml.dec({ version: "1.0", encoding: "UTF-8" });
    const lines = iatiMetadata(plan).map(([key, value]) => `  ${key}: ${commentSafe(value)}`);
    xml.com(` Qadam IATI export (metadata)\n${lines.join("\n")}\n `);
    xml.ele("iati-activities", { version: "2.03", "generated-datetime": plan.generatedAt.toISOString() });
    for await (const batch of projectBatches(plan.where, iatiProjectSelect, IATI_BATCH)) {
      const disbursements = await disbursementsOf(batch);
      for (const project of batch) {
        if (out.destroyed) return;
        writeActivity(xml, project, disbursements.get(project.id) ?? [], plan.generatedAt);
        await drained(out);
      }
    }
    xml.up();
    xml.end();
  };
  run().catch((error: unknown) => {
    logger.error({ err: error }, "iati export failed while streaming");
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
