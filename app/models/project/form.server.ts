import { dayOrNull } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { NotFoundError } from "~/lib/errors";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { centsToUsdString } from "~/lib/money";
import { canReassignProject, decideProjectCreate, type Actor, type ProjectPlacement } from "~/lib/permissions";
import { INSTITUTIONS, type ProjectFormValues } from "~/schemas/project";
import { FRAMEWORKS_WITH_AREAS } from "./selects.server";

/** The stored columns the edit form shows. */
export type EditableRow = {
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

/** An optional day as the form's date input holds it: "" when there is none. */
const formDay = (date: Date | null) => dayOrNull(date) ?? "";

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
    approvalDate: formDay(row.approvalDate),
    effectivenessDate: formDay(row.effectivenessDate),
    mtrPlannedDate: formDay(row.mtrPlannedDate),
    mtrActualDate: formDay(row.mtrActualDate),
    closingOriginalDate: formDay(row.closingOriginalDate),
    closingRevisedDate: formDay(row.closingRevisedDate),
    commitmentUsd: centsToUsdString(row.commitmentMinor),
    disbursedUsd: centsToUsdString(row.disbursedMinor),
    narrative: row.narrative,
    version: row.version,
  };
}

/** The edit form's values; throws NotFoundError when there is no such project. */
export async function getProjectForEdit(projectId: string) {
  const row = await db.project.findUnique({ where: { id: projectId } });
  if (!row) throw new NotFoundError("project");
  return { values: toProjectFormValues(row), archivedAt: row.archivedAt?.toISOString() ?? null, code: row.code };
}

/**
 * What the create or edit form may offer this actor. Creating: the institutions the actor may create projects for
 * and every ministry. Editing (`current` is where the project sits): other institutions and agencies only for an
 * administrator; for anyone else the two fields are `locked` to their stored values.
 */
export async function listProjectFormOptions(actor: Actor, current: ProjectPlacement | null = null) {
  const [agencies, frameworks] = await Promise.all([
    db.organization.findMany({
      where: { kind: "MINISTRY" },
      orderBy: { name: "asc" },
      select: { id: true, ...LOCALIZED_NAME_SELECT },
    }),
    db.framework.findMany(FRAMEWORKS_WITH_AREAS),
  ]);
  if (current && !canReassignProject(actor, current)) {
    return {
      institutions: INSTITUTIONS.filter((institution) => institution === current.institution),
      agencies: agencies.filter((a) => a.id === current.implementingAgencyId),
      frameworks,
      locked: true,
    };
  }
  const institutions = current
    ? [...INSTITUTIONS]
    : INSTITUTIONS.filter((institution) => decideProjectCreate(actor, institution) === "allow");
  return { institutions, agencies, frameworks, locked: false };
}
