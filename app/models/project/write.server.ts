import { Prisma } from "~/generated/prisma/client";
import { ForbiddenError, InvalidInputError, NotFoundError, VersionConflictError, type FieldErrors } from "~/lib/errors";
import { decideProjectCreate, decideProjectReassign, type Actor, type ProjectPlacement } from "~/lib/permissions";
import { auditedTransaction, type AuditContext, type Tx } from "~/models/audit.server";
import { MIN_REASSIGN_REASON_LENGTH, toProjectData, type ProjectCreateInput } from "~/schemas/project";
import { toProjectFormValues } from "./form.server";

/**
 * References must exist, the implementing agency must be a ministry or agency (an Organization of kind MINISTRY),
 * and the code must be free; throws InvalidInputError naming the fields otherwise.
 */
async function checkReferences(tx: Tx, input: ProjectCreateInput, projectId: string | null) {
  const errors: FieldErrors = {};
  const [agency, area, sameCode] = await Promise.all([
    tx.organization.findUnique({ where: { id: input.implementingAgencyId }, select: { kind: true } }),
    tx.priorityArea.findUnique({ where: { id: input.priorityAreaId }, select: { id: true } }),
    tx.project.findUnique({ where: { code: input.code }, select: { id: true } }),
  ]);
  if (!agency || agency.kind !== "MINISTRY") errors.implementingAgencyId = "projects.errors.agencyInvalid";
  if (!area) errors.priorityAreaId = "projects.errors.priorityAreaInvalid";
  if (sameCode && sameCode.id !== projectId) errors.code = "projects.errors.codeTaken";
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);
}

/** A unique-constraint failure on the project itself (not on the audit chain, which retries) can only be the code. */
function isCodeTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    !String(error.meta?.modelName ?? error.message).includes("AuditEvent")
  );
}

/** A code taken meanwhile by a request our check could not see (another app instance) is the same field error. */
async function withCodeCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isCodeTaken(error)) throw new InvalidInputError({ code: "projects.errors.codeTaken" });
    throw error;
  }
}

/**
 * Creates a project and returns its id. Throws ForbiddenError for an institution the actor may not create
 * projects for (a WB manager creates WB projects only; JOINT ones only an administrator) and InvalidInputError
 * for references or a code the database refuses.
 */
export async function createProject(options: {
  actor: Actor;
  context: AuditContext;
  input: ProjectCreateInput;
}): Promise<string> {
  const { actor, context, input } = options;
  if (decideProjectCreate(actor, input.institution) !== "allow") throw new ForbiddenError("project.create");
  return withCodeCheck(() =>
    auditedTransaction(context, async (tx, audit) => {
      await checkReferences(tx, input, null);
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
 * A project moves to another institution or implementing agency only when the actor may move it (ForbiddenError
 * otherwise: nothing is written), and only with a reason, which the audit event carries. Null when it stays.
 */
function reassignReason(actor: Actor, before: ProjectPlacement, input: ProjectCreateInput, reason: string) {
  if (decideProjectReassign(actor, before, input) !== "allow") throw new ForbiddenError("project.reassign");
  const moves = before.institution !== input.institution || before.implementingAgencyId !== input.implementingAgencyId;
  if (!moves) return null;
  if (reason.length < MIN_REASSIGN_REASON_LENGTH)
    throw new InvalidInputError({ reassignReason: "projects.errors.reassignReasonRequired" });
  return reason;
}

/**
 * Saves an edit made on top of `expectedVersion`. If someone saved first, nothing is written and a
 * VersionConflictError carries the record as it is now (in form shape) for the 409 answer — checked first, so a
 * stale form is explained rather than refused. Moving the project to another institution or agency is for an
 * administrator, with `reason` (see `reassignReason`).
 */
export async function updateProject(options: {
  actor: Actor;
  context: AuditContext;
  projectId: string;
  expectedVersion: number;
  input: ProjectCreateInput;
  reason?: string;
}): Promise<void> {
  const { actor, context, projectId, expectedVersion, input } = options;
  await withCodeCheck(() =>
    auditedTransaction(context, async (tx, audit) => {
      const before = await tx.project.findUnique({ where: { id: projectId } });
      if (!before) throw new NotFoundError("project");
      if (before.version !== expectedVersion) throw new VersionConflictError(toProjectFormValues(before));
      const reason = reassignReason(actor, before, input, options.reason ?? "");
      await checkReferences(tx, input, projectId);
      const result = await tx.project.updateMany({
        where: { id: projectId, version: expectedVersion },
        data: { ...toProjectData(input), version: { increment: 1 } },
      });
      if (result.count === 0) {
        const current = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
        throw new VersionConflictError(toProjectFormValues(current));
      }
      const after = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
      await audit({
        action: "project.update",
        entityType: "Project",
        entityId: projectId,
        projectId,
        before,
        after,
        reason,
      });
    }),
  );
}
