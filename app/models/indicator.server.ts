import type { Row } from "@libsql/client";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { cell, readRows } from "~/lib/sql.server";
import { STATUS_THRESHOLDS, indicatorGapPoints } from "~/lib/status-rules";
import {
  expectedProgressShare,
  progressTowardsTarget,
  projectValueAt,
  willMeetTarget,
  type Point,
} from "~/lib/metrics";
import { dayOf, dayOrNull, dayToDate, todayUtc } from "~/lib/dates";
import { InvalidInputError, NotFoundError, VersionConflictError } from "~/lib/errors";
import { auditedTransaction, type AuditContext } from "~/models/audit.server";
import type { IndicatorCreateData, IndicatorEditData } from "~/schemas/indicator";

/**
 * What progress towards the target needs about an indicator (direction, baseline and end target), and its
 * latest verified value: the selects the board, reports and exports share.
 */
export const indicatorTrajectorySelect = {
  ascending: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
} as const satisfies Prisma.IndicatorSelect;

export const latestVerifiedValueSelect = {
  where: { state: "VERIFIED" },
  orderBy: [{ periodEnd: "desc" }, { reviewedAt: "desc" }],
  take: 1,
  select: { value: true, periodEnd: true },
} as const satisfies Prisma.Indicator$valuesArgs;

type IndicatorRow = {
  id: string;
  projectId: string;
  code: string;
  name: string;
  type: string;
  unit: string;
  measure: string;
  ascending: boolean;
  baselineValue: number | null;
  baselineDate: Date | null;
  targetValue: number | null;
  targetDate: Date | null;
  originalTargetValue: number | null;
  targetRevisedOn: Date | null;
  targetRevisionNote: string | null;
  frequency: string;
  dataSource: string;
  responsibleAgency: string;
  version: number;
};

type VerifiedValue = { periodEnd: Date; value: number };

/**
 * The numbers every indicator view shows, from the indicator and its VERIFIED values only:
 * latest actual, progress towards target (direction-aware), where the straight line says we should be
 * today, and the trend projection to the end target date.
 */
export function summarizeIndicator(indicator: IndicatorRow, verified: VerifiedValue[], today: Date = new Date()) {
  const sorted = [...verified].sort((a, b) => a.periodEnd.getTime() - b.periodEnd.getTime());
  const latest = sorted.at(-1) ?? null;
  const progress = progressTowardsTarget({
    baseline: indicator.baselineValue,
    target: indicator.targetValue,
    actual: latest?.value ?? null,
    ascending: indicator.ascending,
  });
  // Measured like the status board (app/lib/status-rules.ts): where the straight line from baseline to target
  // says the indicator should have been at its latest verified value's period end; "on track" unless it is more
  // than the board's amber threshold behind. Without a verified value: the expectation as of today, no verdict.
  const expectedOn = latest?.periodEnd ?? today;
  const expected = expectedProgressShare({
    baselineDate: indicator.baselineDate,
    targetDate: indicator.targetDate,
    on: expectedOn,
  });
  const gap = latest
    ? indicatorGapPoints({
        code: indicator.code,
        type: indicator.type as "PDO" | "INTERMEDIATE",
        measure: indicator.measure,
        ascending: indicator.ascending,
        baselineValue: indicator.baselineValue,
        baselineDate: indicator.baselineDate,
        targetValue: indicator.targetValue,
        targetDate: indicator.targetDate,
        latestVerified: latest,
      })
    : null;
  const points: Point[] = [
    ...(indicator.baselineValue !== null && indicator.baselineDate
      ? [{ date: indicator.baselineDate, value: indicator.baselineValue }]
      : []),
    ...sorted.map((v) => ({ date: v.periodEnd, value: v.value })),
  ];
  const projected = indicator.targetDate ? projectValueAt(points, indicator.targetDate) : null;
  const willMeet = willMeetTarget({
    points,
    target: indicator.targetValue,
    targetDate: indicator.targetDate,
    ascending: indicator.ascending,
  });
  return {
    latestActual: latest ? { value: latest.value, periodEnd: latest.periodEnd.toISOString() } : null,
    progress,
    expected,
    expectedOn: expectedOn.toISOString(),
    /** Percentage points behind the trajectory (negative = ahead), null when it cannot be assessed. */
    gapPoints: gap,
    onTrack: gap === null ? null : gap <= STATUS_THRESHOLDS.indicatorAmberPoints,
    projected,
    willMeet,
  };
}
export type IndicatorSummary = ReturnType<typeof summarizeIndicator>;

function toView(row: IndicatorRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    code: row.code,
    name: row.name,
    type: row.type,
    unit: row.unit,
    measure: row.measure,
    ascending: row.ascending,
    baselineValue: row.baselineValue,
    baselineDate: row.baselineDate?.toISOString() ?? null,
    targetValue: row.targetValue,
    targetDate: row.targetDate?.toISOString() ?? null,
    originalTargetValue: row.originalTargetValue,
    targetRevisedOn: row.targetRevisedOn?.toISOString() ?? null,
    targetRevisionNote: row.targetRevisionNote,
    frequency: row.frequency,
    dataSource: row.dataSource,
    responsibleAgency: row.responsibleAgency,
    version: row.version,
  };
}
export function indicatorAuditShape(row: IndicatorRow, targets?: { periodEnd: Date; value: number }[]) {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    unit: row.unit,
    measure: row.measure,
    ascending: row.ascending,
    baselineValue: row.baselineValue,
    baselineDate: dayOrNull(row.baselineDate),
    targetValue: row.targetValue,
    targetDate: dayOrNull(row.targetDate),
    originalTargetValue: row.originalTargetValue,
    targetRevisedOn: dayOrNull(row.targetRevisedOn),
    targetRevisionNote: row.targetRevisionNote,
    frequency: row.frequency,
    dataSource: row.dataSource,
    responsibleAgency: row.responsibleAgency,
    version: row.version,
    ...(targets ? { targets: targets.map((t) => ({ periodEnd: dayOf(t.periodEnd), value: t.value })) } : {}),
  };
}

const INDICATOR_COLUMNS = `i.id, i.projectId, i.code, i.name, i.type, i.unit, i.measure, i.ascending, i.baselineValue,
  i.baselineDate, i.targetValue, i.targetDate, i.originalTargetValue, i.targetRevisedOn, i.targetRevisionNote,
  i.frequency, i.dataSource, i.responsibleAgency, i.version`;

/**
 * A project's indicators with the count of values awaiting verification, counted per indicator through the
 * (indicatorId, periodEnd) index by name: the (state, submittedAt) index would walk every project's pending values.
 */
export const PROJECT_INDICATORS_SQL = `SELECT ${INDICATOR_COLUMNS},
  (SELECT count(*) FROM "IndicatorValue" c INDEXED BY "IndicatorValue_indicatorId_periodEnd_idx"
    WHERE c.indicatorId = i.id AND c.state = 'SUBMITTED') AS pendingCount
  FROM "Indicator" i WHERE i.projectId = ? ORDER BY i.type, i.sortOrder, i.code`;

/** The verified values of a project's indicators, oldest first, one indicator at a time through its index. */
export const PROJECT_VERIFIED_VALUES_SQL = `SELECT v.indicatorId, v.periodEnd, v.value
  FROM "Indicator" i JOIN "IndicatorValue" v INDEXED BY "IndicatorValue_indicatorId_periodEnd_idx" ON v.indicatorId = i.id
  WHERE i.projectId = ? AND v.state = 'VERIFIED' ORDER BY v.periodEnd`;

function indicatorRowOf(row: Row): IndicatorRow {
  return {
    id: cell.text(row, "id"),
    projectId: cell.text(row, "projectId"),
    code: cell.text(row, "code"),
    name: cell.text(row, "name"),
    type: cell.text(row, "type"),
    unit: cell.text(row, "unit"),
    measure: cell.text(row, "measure"),
    ascending: cell.boolean(row, "ascending"),
    baselineValue: cell.numberOrNull(row, "baselineValue"),
    baselineDate: cell.dateOrNull(row, "baselineDate"),
    targetValue: cell.numberOrNull(row, "targetValue"),
    targetDate: cell.dateOrNull(row, "targetDate"),
    originalTargetValue: cell.numberOrNull(row, "originalTargetValue"),
    targetRevisedOn: cell.dateOrNull(row, "targetRevisedOn"),
    targetRevisionNote: cell.textOrNull(row, "targetRevisionNote"),
    frequency: cell.text(row, "frequency"),
    dataSource: cell.text(row, "dataSource"),
    responsibleAgency: cell.text(row, "responsibleAgency"),
    version: cell.number(row, "version"),
  };
}

/**
 * A project's indicators (PDO first), each with its summary and count of values awaiting verification. Two
 * statements in plain SQL (lib/sql.server.ts): through Prisma's client the same rows took three queries and most
 * of the tab's time.
 */
export async function listProjectIndicators({ projectId, today = new Date() }: { projectId: string; today?: Date }) {
  const [rows, values] = await Promise.all([
    readRows(PROJECT_INDICATORS_SQL, [projectId]),
    readRows(PROJECT_VERIFIED_VALUES_SQL, [projectId]),
  ]);
  const verifiedOf = new Map<string, VerifiedValue[]>();
  for (const value of values) {
    const id = cell.text(value, "indicatorId");
    const list = verifiedOf.get(id) ?? [];
    list.push({ periodEnd: cell.date(value, "periodEnd"), value: cell.number(value, "value") });
    verifiedOf.set(id, list);
  }
  return rows.map((row) => {
    const indicator = indicatorRowOf(row);
    const verified = verifiedOf.get(indicator.id) ?? [];
    return {
      ...toView(indicator),
      summary: summarizeIndicator(indicator, verified, today),
      pendingCount: cell.number(row, "pendingCount"),
      /** The baseline, then verified values oldest first: the results framework's small trend. */
      trend: [
        ...(indicator.baselineValue !== null && indicator.baselineDate
          ? [{ date: indicator.baselineDate.toISOString(), value: indicator.baselineValue }]
          : []),
        ...verified.map((v) => ({ date: v.periodEnd.toISOString(), value: v.value })),
      ],
    };
  });
}

/**
 * One indicator of one project (an id from another project is not found), with its interim targets, its
 * verified values (oldest first) and its summary.
 */
export async function getProjectIndicator({
  projectId,
  indicatorId,
  today = new Date(),
}: {
  projectId: string;
  indicatorId: string;
  today?: Date;
}) {
  const row = await db.indicator.findFirst({
    where: { id: indicatorId, projectId },
    include: {
      targets: { orderBy: { periodEnd: "asc" }, select: { periodEnd: true, value: true } },
      values: { where: { state: "VERIFIED" }, orderBy: { periodEnd: "asc" }, select: { periodEnd: true, value: true } },
    },
  });
  if (!row) return null;
  return {
    ...toView(row),
    targets: row.targets.map((t) => ({ periodEnd: t.periodEnd.toISOString(), value: t.value })),
    verified: row.values.map((v) => ({ periodEnd: v.periodEnd.toISOString(), value: v.value })),
    summary: summarizeIndicator(row, row.values, today),
  };
}

function fieldData(input: Omit<IndicatorCreateData, "code" | "targets">) {
  return {
    name: input.name,
    type: input.type,
    unit: input.unit,
    measure: input.measure,
    ascending: input.ascending,
    baselineValue: input.baselineValue ?? null,
    baselineDate: input.baselineDate ? dayToDate(input.baselineDate) : null,
    targetValue: input.targetValue ?? null,
    targetDate: input.targetDate ? dayToDate(input.targetDate) : null,
    frequency: input.frequency,
    dataSource: input.dataSource,
    responsibleAgency: input.responsibleAgency,
  };
}

/**
 * P2002 on Indicator's @@unique([projectId, code]). Not the audit chain's own P2002 (auditedTransaction retries
 * those) nor a nested interim target's (indicatorId, periodEnd), which the schema already prevents.
 */
function isIndicatorCodeClash(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    error.meta?.modelName === "Indicator" &&
    /`code`|Indicator\.code/.test(error.message + JSON.stringify(error.meta))
  );
}

/** Defines an indicator with its interim targets; a code the project already uses is refused on the code field. */
export async function createIndicator({
  projectId,
  input,
  context,
}: {
  projectId: string;
  input: IndicatorCreateData;
  context: AuditContext;
}): Promise<string> {
  const taken = () => new InvalidInputError({ code: "workflow.errors.codeTaken" });
  const clash = await db.indicator.findFirst({ where: { projectId, code: input.code }, select: { id: true } });
  if (clash) throw taken();
  try {
    return await auditedTransaction(context, async (tx, audit) => {
      const last = await tx.indicator.findFirst({
        where: { projectId },
        orderBy: { sortOrder: "desc" },
        select: { sortOrder: true },
      });
      const created = await tx.indicator.create({
        data: {
          projectId,
          code: input.code,
          ...fieldData(input),
          sortOrder: (last?.sortOrder ?? 0) + 1,
          targets: { create: input.targets.map((t) => ({ periodEnd: dayToDate(t.periodEnd), value: t.value })) },
        },
        include: { targets: { orderBy: { periodEnd: "asc" } } },
      });
      await audit({
        action: "indicator.create",
        entityType: "Indicator",
        entityId: created.id,
        projectId,
        after: indicatorAuditShape(created, created.targets),
      });
      return created.id;
    });
  } catch (error) {
    // Someone created the same code between the check above and this write: the unique key refused it.
    if (isIndicatorCodeClash(error)) throw taken();
    throw error;
  }
}

/**
 * A manager's edit, including a formal revision of the end target: when a target that was already set
 * changes, the target before the first revision is kept in originalTargetValue (set once), with the
 * revision date and note. Interim targets are replaced by the submitted list. Versioned.
 */
export async function editIndicator({
  projectId,
  indicatorId,
  input,
  context,
  today = new Date(),
}: {
  projectId: string;
  indicatorId: string;
  input: IndicatorEditData;
  context: AuditContext;
  today?: Date;
}) {
  await auditedTransaction(context, async (tx, audit) => {
    const before = await tx.indicator.findFirst({
      where: { id: indicatorId, projectId },
      include: { targets: { orderBy: { periodEnd: "asc" } } },
    });
    if (!before) throw new NotFoundError("indicator");
    if (before.version !== input.version) throw new VersionConflictError(toView(before));
    const newTarget = input.targetValue ?? null;
    const revised = before.targetValue !== null && newTarget !== before.targetValue;
    const result = await tx.indicator.updateMany({
      where: { id: indicatorId, projectId, version: input.version },
      data: {
        ...fieldData(input),
        ...(revised
          ? {
              originalTargetValue: before.originalTargetValue ?? before.targetValue,
              targetRevisedOn: todayUtc(today),
              targetRevisionNote: input.revisionNote,
            }
          : {}),
        version: { increment: 1 },
      },
    });
    if (result.count === 0) throw new VersionConflictError(toView(before));
    await tx.indicatorTarget.deleteMany({ where: { indicatorId } });
    if (input.targets.length) {
      await tx.indicatorTarget.createMany({
        data: input.targets.map((t) => ({ indicatorId, periodEnd: dayToDate(t.periodEnd), value: t.value })),
      });
    }
    const after = await tx.indicator.findUniqueOrThrow({
      where: { id: indicatorId },
      include: { targets: { orderBy: { periodEnd: "asc" } } },
    });
    await audit({
      action: revised ? "indicator.reviseTarget" : "indicator.update",
      entityType: "Indicator",
      entityId: indicatorId,
      projectId,
      before: indicatorAuditShape(before, before.targets),
      after: indicatorAuditShape(after, after.targets),
      reason: revised ? input.revisionNote : null,
    });
  });
}
