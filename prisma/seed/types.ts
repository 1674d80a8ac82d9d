import type {
  IndicatorMeasure,
  IndicatorType,
  Institution,
  MilestoneStatus,
  OrganizationKind,
  PerformanceRating,
  ProjectStatus,
  RiskRating,
} from "~/generated/prisma/client";
import type { IndicatorFrequency } from "~/schemas/indicator";
import type { DEMO_USERS } from "./data/users";

export type SeedSummary = {
  organizations: number;
  users: number;
  frameworks: number;
  priorityAreas: number;
  projects: number;
  members: number;
  milestones: number;
  milestoneUpdates: number;
  indicators: number;
  indicatorValues: number;
  ratings: number;
  auditEvents: number;
};

export type OrgCode = "WB" | "IFC" | "MNE" | "MOT" | "MWRI" | "MOE" | "MDDIAI" | "MOF" | "MOA" | "MLSP" | "MOH" | "MOJ";

export type OrganizationSpec = { code: OrgCode; name: string; nameRu: string; nameKk: string; kind: OrganizationKind };

export type UserKey = (typeof DEMO_USERS)[number]["key"];

export type AreaCode = "FA1" | "FA2" | "FA3" | "PA1" | "PA2" | "PA3" | "PA4" | "PA5" | "PA6";

export type FrameworkSpec = {
  code: string;
  name: string;
  nameRu: string;
  nameKk: string;
  start: string;
  end: string;
  annualEnvelopeMillions: number;
  description: string;
  areas: { code: AreaCode; name: string; nameRu: string; nameKk: string; description: string }[];
};

export type PendingUpdate = {
  author: UserKey;
  status: MilestoneStatus;
  percent: number;
  dueDate?: string;
  dueDateReason?: string;
  narrative: string;
  evidence?: string;
  submittedAt: string;
  /** Present when the reviewer sent it back. */
  returned?: { by: UserKey; at: string; comment: string };
};

export type MilestoneSpec = {
  title: string;
  description?: string;
  baseline: string;
  /** Defaults to the baseline (no slip). */
  current?: string;
  status: MilestoneStatus;
  percent: number;
  completedOn?: string;
  owner?: UserKey;
  /** Why the due date moved; an approved update carries it. */
  slipReason?: string;
  /** When the approved re-planning update was submitted (default: two weeks before the baseline date). */
  slipOn?: string;
  /** Narrative of the latest approved progress update. */
  note?: string;
  /** When the latest approved progress update was submitted (in-progress milestones; default 2026-09-15). */
  lastUpdate?: string;
  pending?: PendingUpdate[];
};

export type PendingValue = {
  start: string;
  end: string;
  value: number;
  by: UserKey;
  submittedAt: string;
  comment: string;
  evidence?: string;
  returned?: { by: UserKey; at: string; comment: string };
};

export type IndicatorSpec = {
  code: string;
  name: string;
  type: IndicatorType;
  unit: string;
  measure?: IndicatorMeasure;
  ascending?: boolean;
  baseline: [number, string];
  target: [number, string];
  /** Formal revision of the end target: the target before, when, why. */
  revised?: [number, string, string];
  frequency?: IndicatorFrequency;
  dataSource?: string;
  responsibleAgency?: string;
  targets?: [string, number][];
  /** VERIFIED values: [periodEnd, value], the period starting on 1 January of that year. */
  values?: [string, number][];
  pending?: PendingValue[];
};

export type RatingSpec = {
  on: string;
  pdo: PerformanceRating;
  ip: PerformanceRating;
  risk: RiskRating;
  justification: string;
  by?: UserKey;
};

export type ProjectSpec = {
  code: string;
  name: string;
  description: string;
  institution: Institution;
  instrument: "IPF" | "PforR" | "IFC Investment" | "IFC Advisory";
  agency: OrgCode;
  area: AreaCode;
  sector: string;
  status: ProjectStatus;
  approval?: string;
  effectiveness?: string;
  mtrPlanned?: string;
  mtrActual?: string;
  closingOriginal?: string;
  closingRevised?: string;
  /** Net commitment and disbursement in US$ millions. */
  commitment: number;
  disbursed: number;
  narrative: string;
  members: [UserKey, string][];
  /** Default reporter of values and author of milestone updates (a member officer). */
  reporter?: UserKey;
  /** Manager who verifies values, approves updates and rates (default for all three). */
  reviewer: UserKey;
  /** Manager who approves milestone updates when not the reviewer. */
  milestoneReviewer?: UserKey;
  milestones?: MilestoneSpec[];
  indicators?: IndicatorSpec[];
  ratings?: RatingSpec[];
};

/** The ids the seed gave the reference records, by their keys in the data files. */
export type Ids = {
  orgs: Map<OrgCode, string>;
  users: Map<UserKey, string>;
  areas: Map<AreaCode, string>;
};

/** What one project added to the database. */
export type Counts = Omit<SeedSummary, "organizations" | "users" | "frameworks" | "priorityAreas">;
