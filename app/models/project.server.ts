import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { centsToNumber, centsToUsdString } from "~/lib/money";
import { LOCALIZED_NAME_SELECT, pickName, type LocalizedName } from "~/lib/localized-name";
import { RATING_SCALE, disbursementShare } from "~/lib/metrics";
import { canCreateProjectFor, decideGlobal, type Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { auditedTransaction, type AuditContext, type Tx } from "~/models/audit.server";
import { VersionConflictError } from "~/lib/errors";
import { diffSnapshots } from "~/models/history.server";
import {
  INSTITUTIONS,
  PROJECT_FORM_FIELDS,
  PROJECT_PAGE_SIZE,
  ProjectIdParamsSchema,
  toProjectData,
  type ProjectCreateInput,
  type ProjectFormValues,
  type ProjectListQuery,
} from "~/schemas/project";

/** Every project the actor may see, newest CPF first; the scope is part of the query. */
export async function listVisibleProjectSummaries(actor: Actor) {
  const projects = await db.project.findMany({
    where: { ...projectWhereForActor(actor), archivedAt: null },
    orderBy: [{ status: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      implementingAgency: { select: LOCALIZED_NAME_SELECT },
      members: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  return projects.map(({ members, implementingAgency, ...project }) => ({
    ...project,
    agency: implementingAgency,
    isMember: members.length > 0,
  }));
}

// ---- The list ---------------------------------------------------------------------------------------------

/** Managers and admins (who create and archive project records) may also list archived projects. */
export function canListArchived(actor: Actor): boolean {
  return decideGlobal(actor, "project.create") === "allow";
}

const LATEST_RATING = {
  orderBy: [{ ratedOn: "desc" as const }, { createdAt: "desc" as const }],
  take: 1,
  select: { pdoRating: true, ipRating: true, riskRating: true, ratedOn: true },
};

type ListRow = {
  id: string;
  code: string;
  name: string;
  institution: string;
  status: string;
  commitmentMinor: bigint;
  disbursedMinor: bigint;
  closingOriginalDate: Date | null;
  closingRevisedDate: Date | null;
  archivedAt: Date | null;
  implementingAgency: { id: string } & LocalizedName;
  priorityArea: { id: string; code: string; name: string; framework: { id: string; code: string } };
  ratings: { pdoRating: string; ipRating: string; riskRating: string; ratedOn: Date }[];
};

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** The worse of the latest PDO and IP ratings as a position on the scale (0 = HS … 5 = HU); null when unrated. */
export function latestRatingRank(rating: { pdoRating: string; ipRating: string } | undefined): number | null {
  if (!rating) return null;
  const rank = (r: string) => RATING_SCALE.indexOf(r as (typeof RATING_SCALE)[number]);
  return Math.max(rank(rating.pdoRating), rank(rating.ipRating));
}

export function effectiveClosingDate(p: { closingOriginalDate: Date | null; closingRevisedDate: Date | null }) {
  return p.closingRevisedDate ?? p.closingOriginalDate;
}

function matchesRating(row: ListRow, filter: ProjectListQuery["rating"]): boolean {
  if (!filter) return true;
  const latest = row.ratings[0];
  if (filter === "none") return !latest;
  if (!latest) return false;
  if (filter === "unsatisfactory") return (latestRatingRank(latest) ?? 0) >= RATING_SCALE.indexOf("MU");
  return latest.pdoRating === filter || latest.ipRating === filter;
}

/** Sort key per column; null sorts last in either direction. */
function sortKey(row: ListRow, sort: ProjectListQuery["sort"]): string | number | bigint | null {
  switch (sort) {
    case "code":
      return row.code;
    case "name":
      return row.name;
    case "commitment":
      return row.commitmentMinor;
    case "disbursed":
      return disbursementShare(centsToNumber(row.commitmentMinor), centsToNumber(row.disbursedMinor));
    case "closing":
      return effectiveClosingDate(row)?.getTime() ?? null;
    case "rating":
      return latestRatingRank(row.ratings[0]);
  }
}

function compareKeys(a: string | number | bigint, b: string | number | bigint): number {
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One page of the projects the actor may see, filtered, searched and sorted. The scope and the plain filters
 * are in the query; search (case-insensitive for any script, which SQLite's LIKE is not), the rating filter and
 * the derived sort keys (% disbursed, latest rating) are applied to the scoped rows in memory — a portfolio is
 * tens to a few hundred projects, and only light columns are loaded.
 */
export async function listProjects(options: { actor: Actor; query: ProjectListQuery; pageSize?: number }) {
  const { actor, query } = options;
  const pageSize = options.pageSize ?? PROJECT_PAGE_SIZE;
  const includeArchived = query.archived === "1" && canListArchived(actor);
  const where: Prisma.ProjectWhereInput = {
    AND: [
      projectWhereForActor(actor),
      includeArchived ? {} : { archivedAt: null },
      query.institution ? { institution: query.institution } : {},
      query.status ? { status: query.status } : {},
      query.agency ? { implementingAgencyId: query.agency } : {},
      query.priorityArea ? { priorityAreaId: query.priorityArea } : {},
      query.framework ? { priorityArea: { frameworkId: query.framework } } : {},
    ],
  };
  const rows: ListRow[] = await db.project.findMany({
    where,
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      commitmentMinor: true,
      disbursedMinor: true,
      closingOriginalDate: true,
      closingRevisedDate: true,
      archivedAt: true,
      implementingAgency: { select: { id: true, ...LOCALIZED_NAME_SELECT } },
      priorityArea: { select: { id: true, code: true, name: true, framework: { select: { id: true, code: true } } } },
      ratings: LATEST_RATING,
    },
  });

  const needle = query.q?.toLocaleLowerCase();
  const filtered = rows.filter(
    (row) =>
      (!needle || row.code.toLocaleLowerCase().includes(needle) || row.name.toLocaleLowerCase().includes(needle)) &&
      matchesRating(row, query.rating),
  );
  const direction = query.dir === "desc" ? -1 : 1;
  filtered.sort((a, b) => {
    const ka = sortKey(a, query.sort);
    const kb = sortKey(b, query.sort);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const c = compareKeys(ka, kb) * direction;
      if (c !== 0) return c;
    }
    return collator.compare(a.code, b.code);
  });

  const total = filtered.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const slice = filtered.slice((page - 1) * pageSize, page * pageSize);
  return {
    total,
    page,
    pages,
    pageSize,
    includeArchived,
    projects: slice.map((row) => {
      const latest = row.ratings[0];
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        institution: row.institution,
        status: row.status,
        archived: row.archivedAt !== null,
        commitmentCents: centsToNumber(row.commitmentMinor),
        disbursedShare: disbursementShare(centsToNumber(row.commitmentMinor), centsToNumber(row.disbursedMinor)),
        closingDate: effectiveClosingDate(row)?.toISOString() ?? null,
        agency: pickName(row.implementingAgency),
        priorityArea: `${row.priorityArea.framework.code} · ${row.priorityArea.code}`,
        latestRating: latest
          ? {
              pdo: latest.pdoRating,
              ip: latest.ipRating,
              risk: latest.riskRating,
              ratedOn: latest.ratedOn.toISOString(),
            }
          : null,
      };
    }),
  };
}

/** Choices for the list's filters, limited to what the actor can see. */
export async function listProjectFilterOptions(actor: Actor) {
  const [frameworks, agencies] = await Promise.all([
    db.framework.findMany({
      orderBy: { startDate: "desc" },
      select: {
        id: true,
        code: true,
        ...LOCALIZED_NAME_SELECT,
        priorityAreas: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, ...LOCALIZED_NAME_SELECT } },
      },
    }),
    db.organization.findMany({
      where: { kind: "MINISTRY", implementedProjects: { some: projectWhereForActor(actor) } },
      orderBy: { name: "asc" },
      select: { id: true, ...LOCALIZED_NAME_SELECT },
    }),
  ]);
  return { frameworks, agencies };
}

// ---- One project ------------------------------------------------------------------------------------------

export async function getProjectHeader(projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      code: true,
      name: true,
      institution: true,
      status: true,
      instrument: true,
      archivedAt: true,
      implementingAgency: { select: LOCALIZED_NAME_SELECT },
      priorityArea: {
        select: {
          code: true,
          ...LOCALIZED_NAME_SELECT,
          framework: { select: { code: true, ...LOCALIZED_NAME_SELECT } },
        },
      },
    },
  });
  if (!project) return null;
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    institution: project.institution,
    status: project.status,
    instrument: project.instrument,
    archivedAt: project.archivedAt?.toISOString() ?? null,
    agency: project.implementingAgency,
    priorityArea: project.priorityArea,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Everything the overview shows: dates, money, ratings, narrative, and counts of milestones and indicators. */
export async function getProjectOverview(projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      description: true,
      narrative: true,
      sectorCode: true,
      instrument: true,
      approvalDate: true,
      effectivenessDate: true,
      mtrPlannedDate: true,
      mtrActualDate: true,
      closingOriginalDate: true,
      closingRevisedDate: true,
      commitmentMinor: true,
      disbursedMinor: true,
      updatedAt: true,
      ratings: {
        orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
        take: 2,
        select: { pdoRating: true, ipRating: true, riskRating: true, ratedOn: true, justification: true },
      },
      milestones: { select: { status: true, currentDueDate: true } },
      indicators: {
        select: {
          baselineValue: true,
          baselineDate: true,
          targetValue: true,
          targetDate: true,
          ascending: true,
          values: {
            where: { state: "VERIFIED" },
            orderBy: { periodEnd: "desc" },
            take: 1,
            select: { value: true, periodEnd: true },
          },
        },
      },
      members: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          capacity: true,
          user: { select: { name: true, organization: { select: LOCALIZED_NAME_SELECT } } },
        },
      },
    },
  });
  if (!project) return null;
  const commitment = centsToNumber(project.commitmentMinor);
  const disbursed = centsToNumber(project.disbursedMinor);
  return {
    description: project.description,
    narrative: project.narrative,
    sectorCode: project.sectorCode,
    instrument: project.instrument,
    updatedAt: project.updatedAt.toISOString(),
    dates: {
      approval: iso(project.approvalDate),
      effectiveness: iso(project.effectivenessDate),
      mtrPlanned: iso(project.mtrPlannedDate),
      mtrActual: iso(project.mtrActualDate),
      closingOriginal: iso(project.closingOriginalDate),
      closingRevised: iso(project.closingRevisedDate),
    },
    financing: { commitmentCents: commitment, disbursedCents: disbursed, undisbursedCents: commitment - disbursed },
    ratings: project.ratings.map((r) => ({ ...r, ratedOn: r.ratedOn.toISOString() })),
    milestones: project.milestones.map((m) => ({ status: m.status, currentDueDate: m.currentDueDate.toISOString() })),
    indicators: project.indicators.map((i) => ({
      baselineValue: i.baselineValue,
      baselineDate: iso(i.baselineDate),
      targetValue: i.targetValue,
      targetDate: iso(i.targetDate),
      ascending: i.ascending,
      latest: i.values[0] ? { value: i.values[0].value, periodEnd: i.values[0].periodEnd.toISOString() } : null,
    })),
    members: project.members.map((m) => ({
      id: m.id,
      capacity: m.capacity,
      name: m.user.name,
      organization: m.user.organization,
    })),
  };
}

// ---- Create, edit, archive --------------------------------------------------------------------------------

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

type EditableRow = {
  code: string;
  name: string;
  description: string;
  institution: string;
  instrument: string;
  implementingAgencyId: string;
  priorityAreaId: string;
  sectorCode: string;
  status: string;
  approvalDate: Date | null;
  effectivenessDate: Date | null;
  mtrPlannedDate: Date | null;
  mtrActualDate: Date | null;
  closingOriginalDate: Date | null;
  closingRevisedDate: Date | null;
  commitmentMinor: bigint;
  disbursedMinor: bigint;
  narrative: string;
  version: number;
};

/** A stored project as the edit form shows it (strings as typed), with its version. */
export function toProjectFormValues(row: EditableRow): ProjectFormValues & { version: number } {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    institution: row.institution as ProjectFormValues["institution"],
    instrument: row.instrument as ProjectFormValues["instrument"],
    implementingAgencyId: row.implementingAgencyId,
    priorityAreaId: row.priorityAreaId,
    sectorCode: row.sectorCode,
    status: row.status as ProjectFormValues["status"],
    approvalDate: isoDay(row.approvalDate),
    effectivenessDate: isoDay(row.effectivenessDate),
    mtrPlannedDate: isoDay(row.mtrPlannedDate),
    mtrActualDate: isoDay(row.mtrActualDate),
    closingOriginalDate: isoDay(row.closingOriginalDate),
    closingRevisedDate: isoDay(row.closingRevisedDate),
    commitmentUsd: centsToUsdString(row.commitmentMinor),
    disbursedUsd: centsToUsdString(row.disbursedMinor),
    narrative: row.narrative,
    version: row.version,
  };
}

export async function getProjectForEdit(projectId: string) {
  const row = await db.project.findUnique({ where: { id: projectId } });
  if (!row) return null;
  return { values: toProjectFormValues(row), archivedAt: row.archivedAt?.toISOString() ?? null, code: row.code };
}

/** What the create/edit form may offer this actor: institutions and agencies inside their scope. */
export async function listProjectFormOptions(actor: Actor) {
  const [agencies, frameworks] = await Promise.all([
    db.organization.findMany({
      where: { kind: "MINISTRY" },
      orderBy: { name: "asc" },
      select: { id: true, ...LOCALIZED_NAME_SELECT },
    }),
    db.framework.findMany({
      orderBy: { startDate: "desc" },
      select: {
        id: true,
        code: true,
        ...LOCALIZED_NAME_SELECT,
        priorityAreas: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, ...LOCALIZED_NAME_SELECT } },
      },
    }),
  ]);
  const allowedAgencies = agencies.filter((a) =>
    INSTITUTIONS.some((institution) => canCreateProjectFor(actor, { institution, implementingAgencyId: a.id })),
  );
  const institutions = INSTITUTIONS.filter((institution) =>
    agencies.some((a) => canCreateProjectFor(actor, { institution, implementingAgencyId: a.id })),
  );
  return { institutions, agencies: allowedAgencies, frameworks };
}

export type ProjectWriteResult =
  | { ok: true; id: string }
  | { ok: false; status: 400; fieldErrors: Record<string, string> }
  | { ok: false; status: 403 };

/** References must exist, and the implementing agency must be a ministry or agency (an Organization of kind MINISTRY). */
async function checkReferences(tx: Tx, input: ProjectCreateInput, projectId: string | null) {
  const errors: Record<string, string> = {};
  const [agency, area, sameCode] = await Promise.all([
    tx.organization.findUnique({ where: { id: input.implementingAgencyId }, select: { kind: true } }),
    tx.priorityArea.findUnique({ where: { id: input.priorityAreaId }, select: { id: true } }),
    tx.project.findUnique({ where: { code: input.code }, select: { id: true } }),
  ]);
  if (!agency || agency.kind !== "MINISTRY") errors.implementingAgencyId = "projects.errors.agencyInvalid";
  if (!area) errors.priorityAreaId = "projects.errors.priorityAreaInvalid";
  if (sameCode && sameCode.id !== projectId) errors.code = "projects.errors.codeTaken";
  return errors;
}

class FieldErrorsAbort extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("invalid references");
  }
}

/** A unique-constraint failure on the project itself (not on the audit chain, which retries) can only be the code. */
function isCodeTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    !String(error.meta?.modelName ?? error.message).includes("AuditEvent")
  );
}

async function runWrite(work: () => Promise<string>): Promise<ProjectWriteResult> {
  try {
    return { ok: true, id: await work() };
  } catch (error) {
    if (error instanceof FieldErrorsAbort) return { ok: false, status: 400, fieldErrors: error.fieldErrors };
    if (isCodeTaken(error)) return { ok: false, status: 400, fieldErrors: { code: "projects.errors.codeTaken" } };
    throw error;
  }
}

/** Creates a project inside the actor's own scope (a WB manager cannot create an IFC project: 403). */
export async function createProject(options: { actor: Actor; context: AuditContext; input: ProjectCreateInput }) {
  const { actor, context, input } = options;
  if (
    !canCreateProjectFor(actor, { institution: input.institution, implementingAgencyId: input.implementingAgencyId })
  ) {
    return { ok: false, status: 403 } as const;
  }
  return runWrite(() =>
    auditedTransaction(context, async (tx, audit) => {
      const errors = await checkReferences(tx, input, null);
      if (Object.keys(errors).length > 0) throw new FieldErrorsAbort(errors);
      const project = await tx.project.create({ data: toProjectData(input) });
      await audit({
        action: "project.create",
        entityType: "Project",
        entityId: project.id,
        projectId: project.id,
        after: project,
      });
      return project.id;
    }),
  );
}

/**
 * Saves an edit made on top of `expectedVersion`. If someone saved first, nothing is written and a
 * VersionConflictError carries the record as it is now (in form shape) for the 409 answer.
 * The edited project must stay inside the actor's scope (a ministry manager cannot hand it to another ministry).
 */
export async function updateProject(options: {
  actor: Actor;
  context: AuditContext;
  projectId: string;
  expectedVersion: number;
  input: ProjectCreateInput;
}): Promise<ProjectWriteResult> {
  const { actor, context, projectId, expectedVersion, input } = options;
  if (
    !canCreateProjectFor(actor, { institution: input.institution, implementingAgencyId: input.implementingAgencyId })
  ) {
    return { ok: false, status: 403 };
  }
  return runWrite(() =>
    auditedTransaction(context, async (tx, audit) => {
      const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
      if (before.version !== expectedVersion) throw new VersionConflictError(toProjectFormValues(before));
      const errors = await checkReferences(tx, input, projectId);
      if (Object.keys(errors).length > 0) throw new FieldErrorsAbort(errors);
      const result = await tx.project.updateMany({
        where: { id: projectId, version: expectedVersion },
        data: { ...toProjectData(input), version: { increment: 1 } },
      });
      if (result.count === 0) {
        const current = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
        throw new VersionConflictError(toProjectFormValues(current));
      }
      const after = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
      await audit({ action: "project.update", entityType: "Project", entityId: projectId, projectId, before, after });
      return projectId;
    }),
  );
}

/** Archives a project (hidden from lists, kept with its history), with the reason in the audit event. */
export async function archiveProject(options: { context: AuditContext; projectId: string; reason: string }) {
  const { context, projectId, reason } = options;
  return auditedTransaction(context, async (tx, audit) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    if (before.archivedAt) return { ok: false as const, alreadyArchived: true };
    const after = await tx.project.update({
      where: { id: projectId },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit({
      action: "project.archive",
      entityType: "Project",
      entityId: projectId,
      projectId,
      before,
      after,
      reason,
    });
    return { ok: true as const };
  });
}

/** Brings an archived project back into lists and boards; the reason goes into the audit event. */
export async function restoreProject(options: { context: AuditContext; projectId: string; reason: string }) {
  const { context, projectId, reason } = options;
  return auditedTransaction(context, async (tx, audit) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    if (!before.archivedAt) return { ok: false as const };
    const after = await tx.project.update({
      where: { id: projectId },
      data: { archivedAt: null, version: { increment: 1 } },
    });
    await audit({
      action: "project.restore",
      entityType: "Project",
      entityId: projectId,
      projectId,
      before,
      after,
      reason,
    });
    return { ok: true as const };
  });
}

/** The `:projectId` route parameter, validated: a malformed id is a 400, never a query. */
export function requireProjectIdParam(params: Record<string, string | undefined>): string {
  const parsed = ProjectIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Invalid project id", { status: 400, statusText: "Bad Request" });
  return parsed.data.projectId;
}

/** Database field → edit-form field, for naming what changed in a conflict. */
const FORM_FIELD_OF: Record<string, string> = {
  commitmentMinor: "commitmentUsd",
  disbursedMinor: "disbursedUsd",
  archivedAt: "archivedAt",
};
for (const field of PROJECT_FORM_FIELDS) FORM_FIELD_OF[field] ??= field;

function versionOf(snapshotJson: string | null): number {
  if (!snapshotJson) return 0;
  try {
    const value = JSON.parse(snapshotJson) as { version?: unknown };
    return typeof value.version === "number" ? value.version : 0;
  } catch {
    return 0;
  }
}

/**
 * Who changed the project, and which form fields, after `version` — read from the audit log, which holds the
 * before/after snapshot of every project write. Used to explain a 409 to the person whose save was refused.
 */
export async function describeProjectChangesSince(options: { projectId: string; version: number }) {
  const events = await db.auditEvent.findMany({
    where: { entityType: "Project", entityId: options.projectId },
    orderBy: { seq: "desc" },
    take: 100,
    select: { before: true, after: true, actorId: true, actorEmail: true, occurredAt: true },
  });
  const newer = events.filter((e) => versionOf(e.after) > options.version);
  const fields = new Set<string>();
  for (const event of newer) {
    for (const change of diffSnapshots(event.before, event.after)) {
      const field = FORM_FIELD_OF[change.field];
      if (field) fields.add(field);
    }
  }
  const actorIds = [...new Set(newer.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return {
    // In form order, so the message reads like the form.
    changedFields: [...PROJECT_FORM_FIELDS, "archivedAt"].filter((f) => fields.has(f)),
    changedBy: newer.map((e) => ({
      name: (e.actorId && nameOf.get(e.actorId)) || e.actorEmail || "—",
      at: e.occurredAt.toISOString(),
    })),
  };
}

export type ConflictOutcome = "theirs" | "both" | "same";

/**
 * Explains a refused save field by field and prepares the form to re-apply the user's work on top of the latest
 * version. For each field the other side changed: if this user had left it as loaded, their value is taken
 * ("theirs"); if this user changed it too, this user's value stays in the form ("both", shown side by side);
 * if both arrived at the same value, nothing to decide ("same"). Fields only this user changed stay as typed.
 * `base` is what the form was loaded with (sent back by the form); without it, the audit log names the fields.
 */
export function resolveProjectConflict(options: {
  current: ProjectFormValues & { version: number };
  yours: ProjectCreateInput;
  base: Record<string, string> | null;
  changedFields: string[];
}) {
  const { current, base } = options;
  // The user's input in the canonical form the database gives back (e.g. "1,000" → "1000", codes upper-cased).
  const { version: _ignored, ...yours } = toProjectFormValues({
    ...toProjectData(options.yours),
    version: current.version,
  });
  const theirsChanged = (field: keyof ProjectFormValues) =>
    base && field in base ? base[field] !== current[field] : options.changedFields.includes(field);
  const merged: ProjectFormValues = { ...yours };
  const fields: Array<{ field: string; outcome: ConflictOutcome }> = [];
  for (const field of PROJECT_FORM_FIELDS) {
    if (!theirsChanged(field)) continue;
    if (yours[field] === current[field]) {
      fields.push({ field, outcome: "same" });
    } else if (base && field in base && yours[field] === base[field]) {
      (merged as Record<string, string>)[field] = current[field];
      fields.push({ field, outcome: "theirs" });
    } else {
      fields.push({ field, outcome: "both" });
    }
  }
  if (options.changedFields.includes("archivedAt")) fields.push({ field: "archivedAt", outcome: "theirs" });
  return { yours, merged, fields };
}
