// The shapes the generator produces and the writer stores: rows keyed by column name, and audit events still
// to be chained (their seq and hash are given when they are written, in time order).

import type { AuditAction, EntityType } from "../../app/lib/audit-actions";

export type Cell = string | number | boolean | bigint | Date | null;
export type Row = Record<string, Cell>;

export type Actor = { id: string | null; email: string };

export type PlannedEvent = {
  /** When it happened (ms since the epoch): events are chained in this order. */
  at: number;
  actor: Actor;
  /** Typed by the registry, so the compiler refuses an action the registry lacks. */
  action: AuditAction;
  entityType: EntityType;
  entityId: string;
  projectId: string | null;
  before: object | null;
  after: object | null;
  reason: string | null;
};

/** The tables the generator fills, in the order foreign keys allow them to be written. */
export const TABLES = [
  "Organization",
  "User",
  "Project",
  "ProjectMember",
  "Rating",
  "Milestone",
  "MilestoneUpdate",
  "Indicator",
  "IndicatorTarget",
  "IndicatorValue",
] as const;
export type Table = (typeof TABLES)[number];

export type Portfolio = { rows: Record<Table, Row[]>; events: PlannedEvent[] };

export type Scale = {
  projects: number;
  users: number;
  milestonesPerProject: number;
  indicatorsPerProject: number;
  /** At most this many values per indicator (fewer when the project is younger). */
  valuesPerIndicator: number;
  pendingUpdates: number;
  pendingValues: number;
};

/** The default scale (factor 1): what a country office tracking every operation looks like. */
export function scaleOf(factor: number): Scale {
  const round = (n: number) => Math.max(1, Math.round(n * factor));
  return {
    projects: round(2000),
    users: round(5000),
    milestonesPerProject: 20,
    indicatorsPerProject: 10,
    valuesPerIndicator: 40,
    pendingUpdates: round(2500),
    pendingValues: round(2500),
  };
}

/** What the writer needs from the demo database it grows. */
export type Reference = {
  now: number;
  passwordHash: string;
  admin: Actor;
  /** Demo accounts by e-mail (wb.manager@qadam.test, …). */
  demo: Map<string, { id: string; organizationId: string }>;
  organizations: { id: string; code: string; kind: string }[];
  /** Priority areas of the older and the newer framework, in display order. */
  areasBefore2025: string[];
  areasFrom2025: string[];
};
