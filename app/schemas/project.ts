import { z } from "zod";
import { dayToDate, isIsoDay } from "~/lib/dates";
import { MAX_USD_CENTS, parseUsdToCents } from "~/lib/money";
import { RATING_SCALE } from "~/lib/metrics";
import { refineAcross } from "./fields";

/**
 * The project form, shared by react-hook-form (client) and the create/edit actions (server).
 * Values stay strings as typed (dates as YYYY-MM-DD, money as US dollars); `toProjectData` turns a valid
 * form into database values. Messages are i18n keys.
 */

export const INSTITUTIONS = ["WB", "IFC", "JOINT"] as const;
export const PROJECT_STATUSES = ["PIPELINE", "ACTIVE", "CLOSED", "CANCELLED"] as const;
/** Lending and advisory instruments; stored as these codes and translated for display. */
export const INSTRUMENTS = ["IPF", "PforR", "DPF", "IFC Investment", "IFC Advisory"] as const;

/** World Bank P-number (P099270), or an IFC project id: numeric (45321) or IFC-prefixed (IFC-ALMATY-BYPASS). */
export const PROJECT_CODE_PATTERN = /^(P\d{6}|\d{5,7}|IFC-[A-Z0-9]{2,20}(-[A-Z0-9]{1,20}){0,4})$/;
/** For values a person does not type (hidden fields, the URL): a tampered or truncated request. */
const BAD_REQUEST = "common.errors.badRequest";

const optionalDay = z
  .string("projects.errors.dateInvalid")
  .trim()
  .refine((v) => v === "" || isIsoDay(v), "projects.errors.dateInvalid");

const usdAmount = (requiredKey: string) =>
  z
    .string(requiredKey)
    .trim()
    .min(1, requiredKey)
    .refine((v) => {
      const cents = parseUsdToCents(v);
      return cents !== null && cents <= MAX_USD_CENTS;
    }, "projects.errors.moneyInvalid");

export const projectFields = {
  code: z
    .string("projects.errors.codeRequired")
    .trim()
    .toUpperCase()
    .min(1, "projects.errors.codeRequired")
    .regex(PROJECT_CODE_PATTERN, "projects.errors.codePattern"),
  name: z
    .string("projects.errors.nameRequired")
    .trim()
    .min(3, "projects.errors.nameRequired")
    .max(200, "projects.errors.nameTooLong"),
  description: z.string(BAD_REQUEST).trim().max(2000, "projects.errors.textTooLong"),
  institution: z.enum(INSTITUTIONS, { message: "projects.errors.institutionRequired" }),
  instrument: z.enum(INSTRUMENTS, { message: "projects.errors.instrumentRequired" }),
  implementingAgencyId: z
    .string("projects.errors.agencyRequired")
    .trim()
    .min(1, "projects.errors.agencyRequired")
    .max(64, "projects.errors.agencyRequired"),
  priorityAreaId: z
    .string("projects.errors.priorityAreaRequired")
    .trim()
    .min(1, "projects.errors.priorityAreaRequired")
    .max(64, "projects.errors.priorityAreaRequired"),
  sectorCode: z
    .string("projects.errors.sectorPattern")
    .trim()
    .regex(/^\d{5}$/, "projects.errors.sectorPattern"),
  status: z.enum(PROJECT_STATUSES, { message: "projects.errors.statusRequired" }),
  approvalDate: optionalDay,
  effectivenessDate: optionalDay,
  mtrPlannedDate: optionalDay,
  mtrActualDate: optionalDay,
  closingOriginalDate: optionalDay,
  closingRevisedDate: optionalDay,
  commitmentUsd: usdAmount("projects.errors.commitmentRequired"),
  disbursedUsd: usdAmount("projects.errors.disbursedRequired"),
  narrative: z.string(BAD_REQUEST).trim().max(10000, "projects.errors.textTooLong"),
};

type ProjectFieldValues = { [K in keyof typeof projectFields]: z.output<(typeof projectFields)[K]> };

/** Cross-field rules: dates in a sensible order, disbursed within the commitment. */
function checkProjectRules(v: Partial<ProjectFieldValues>, ctx: z.RefinementCtx) {
  const issue = (path: keyof ProjectFieldValues, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  // ISO days compare correctly as strings.
  const start = v.effectivenessDate || v.approvalDate;
  if (v.approvalDate && v.effectivenessDate && v.effectivenessDate < v.approvalDate) {
    issue("effectivenessDate", "projects.errors.effectivenessBeforeApproval");
  }
  if (start && v.mtrPlannedDate && v.mtrPlannedDate < start) issue("mtrPlannedDate", "projects.errors.mtrBeforeStart");
  if (start && v.mtrActualDate && v.mtrActualDate < start) issue("mtrActualDate", "projects.errors.mtrBeforeStart");
  if (start && v.closingOriginalDate && v.closingOriginalDate <= start) {
    issue("closingOriginalDate", "projects.errors.closingBeforeStart");
  }
  if (v.closingRevisedDate && !v.closingOriginalDate)
    issue("closingOriginalDate", "projects.errors.closingOriginalRequired");
  if (v.closingRevisedDate && v.closingOriginalDate && v.closingRevisedDate < v.closingOriginalDate) {
    issue("closingRevisedDate", "projects.errors.revisedBeforeOriginal");
  }
  if ((v.status === "ACTIVE" || v.status === "CLOSED") && !v.approvalDate) {
    issue("approvalDate", "projects.errors.approvalRequiredForStatus");
  }
  const commitment = v.commitmentUsd === undefined ? null : parseUsdToCents(v.commitmentUsd);
  const disbursed = v.disbursedUsd === undefined ? null : parseUsdToCents(v.disbursedUsd);
  if (commitment !== null && disbursed !== null && disbursed > commitment) {
    issue("disbursedUsd", "projects.errors.disbursedOverCommitment");
  }
}

export const ProjectCreateSchema = refineAcross(z.object(projectFields), checkProjectRules);
export type ProjectFormValues = z.input<typeof ProjectCreateSchema>;
export type ProjectCreateInput = z.output<typeof ProjectCreateSchema>;

/** Editing carries the version the form was loaded from (optimistic concurrency). */
export const ProjectEditSchema = refineAcross(
  z.object({
    ...projectFields,
    version: z.coerce
      .number("projects.errors.versionMissing")
      .int("projects.errors.versionMissing")
      .min(1, "projects.errors.versionMissing"),
    /** Why the institution or implementing agency changes (administrators only); required then, else ignored. */
    reassignReason: z.string(BAD_REQUEST).trim().max(500, "projects.errors.textTooLong").optional().default(""),
  }),
  checkProjectRules,
);

/** The shortest reason accepted for moving a project to another institution or implementing agency. */
export const MIN_REASSIGN_REASON_LENGTH = 10;

export const PROJECT_FORM_FIELDS = Object.keys(projectFields) as Array<keyof ProjectFormValues>;

export const ArchiveProjectSchema = z.object({
  reason: z
    .string("projects.errors.archiveReasonRequired")
    .trim()
    .min(10, "projects.errors.archiveReasonRequired")
    .max(500, "projects.errors.textTooLong"),
});
export type ArchiveProjectInput = z.input<typeof ArchiveProjectSchema>;

export const ProjectEditIntentSchema = z.enum(["save", "archive", "restore"], BAD_REQUEST);

/** The values the edit form was loaded with (a hidden JSON field), to tell a conflict's "theirs" from "yours". */
export function parseConflictBase(raw: unknown): Record<string, string> | null {
  if (typeof raw !== "string" || raw.length > 100_000) return null;
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const day = (v: string) => (v ? dayToDate(v) : null);

/** Database values for a validated form (dates at 00:00 UTC, money in BigInt cents). */
export function toProjectData(input: ProjectCreateInput) {
  return {
    code: input.code,
    name: input.name,
    description: input.description,
    institution: input.institution,
    instrument: input.instrument,
    implementingAgencyId: input.implementingAgencyId,
    priorityAreaId: input.priorityAreaId,
    sectorCode: input.sectorCode,
    status: input.status,
    approvalDate: day(input.approvalDate),
    effectivenessDate: day(input.effectivenessDate),
    mtrPlannedDate: day(input.mtrPlannedDate),
    mtrActualDate: day(input.mtrActualDate),
    closingOriginalDate: day(input.closingOriginalDate),
    closingRevisedDate: day(input.closingRevisedDate),
    commitmentMinor: parseUsdToCents(input.commitmentUsd) ?? 0n,
    disbursedMinor: parseUsdToCents(input.disbursedUsd) ?? 0n,
    narrative: input.narrative,
  };
}

export const EMPTY_PROJECT_FORM: ProjectFormValues = {
  code: "",
  name: "",
  description: "",
  institution: "WB",
  instrument: "IPF",
  implementingAgencyId: "",
  priorityAreaId: "",
  sectorCode: "",
  status: "PIPELINE",
  approvalDate: "",
  effectivenessDate: "",
  mtrPlannedDate: "",
  mtrActualDate: "",
  closingOriginalDate: "",
  closingRevisedDate: "",
  commitmentUsd: "",
  disbursedUsd: "0",
  narrative: "",
};

export type ConflictOutcome = "theirs" | "both" | "same";

/** The 409 answer of the edit form: what it needs to explain a refused save and keep the user's work. */
export type ProjectConflict = {
  /** The record as it is now saved, with its version. */
  values: ProjectFormValues & { version: number };
  changedBy: { name: string; at: string }[];
  archivedAt: string | null;
  /** What this user tried to save. */
  yours: ProjectFormValues;
  /** The user's input re-applied on top of the latest version: what the form now holds. */
  merged: ProjectFormValues;
  /** The fields the other side changed, and how each was resolved in the form. */
  fields: { field: string; outcome: ConflictOutcome }[];
};

// ---- The list's query string ----------------------------------------------------------------------------

export const PROJECT_SORTS = ["code", "name", "commitment", "disbursed", "closing", "rating"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
/** A rating filter: one grade of the six-point scale (PDO or IP), any of MU/U/HU, or not rated yet. */
export const RATING_FILTERS = [...RATING_SCALE, "unsatisfactory", "none"] as const;
export const PROJECT_PAGE_SIZE = 20;

const idParam = z.string(BAD_REQUEST).regex(/^[A-Za-z0-9_-]{1,64}$/, BAD_REQUEST);

/** The list's filters come from the URL, not a form: anything malformed is a 400 with the generic message. */
export const ProjectListQuerySchema = z.object({
  q: z.string(BAD_REQUEST).trim().max(100, BAD_REQUEST).optional(),
  framework: idParam.optional(),
  priorityArea: idParam.optional(),
  institution: z.enum(INSTITUTIONS, BAD_REQUEST).optional(),
  agency: idParam.optional(),
  status: z.enum(PROJECT_STATUSES, BAD_REQUEST).optional(),
  rating: z.enum(RATING_FILTERS, BAD_REQUEST).optional(),
  sort: z.enum(PROJECT_SORTS, BAD_REQUEST).default("code"),
  dir: z.enum(["asc", "desc"], BAD_REQUEST).default("asc"),
  page: z.coerce.number(BAD_REQUEST).int(BAD_REQUEST).min(1, BAD_REQUEST).max(100_000, BAD_REQUEST).default(1),
  archived: z.literal("1", BAD_REQUEST).optional(),
});
export type ProjectListQuery = z.output<typeof ProjectListQuerySchema>;

export const ProjectIdParamsSchema = z.object({ projectId: idParam });
