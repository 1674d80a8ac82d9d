import { db } from "~/lib/db.server";
import { diffSnapshots } from "~/models/history.server";
import {
  PROJECT_FORM_FIELDS,
  toProjectData,
  type ConflictOutcome,
  type ProjectConflict,
  type ProjectCreateInput,
  type ProjectFormValues,
} from "~/schemas/project";
import { getProjectForEdit, toProjectFormValues } from "./form.server";

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

/**
 * Everything the edit form shows after a refused save: the record as it is now, who changed it and what since
 * `version`, and the user's input re-applied on top of it.
 */
export async function explainProjectConflict(options: {
  projectId: string;
  version: number;
  yours: ProjectCreateInput;
  base: Record<string, string> | null;
}): Promise<ProjectConflict> {
  const { projectId, version } = options;
  const [changes, stored] = await Promise.all([
    describeProjectChangesSince({ projectId, version }),
    getProjectForEdit(projectId),
  ]);
  const resolution = resolveProjectConflict({
    current: stored.values,
    yours: options.yours,
    base: options.base,
    changedFields: changes.changedFields,
  });
  return { values: stored.values, changedBy: changes.changedBy, archivedAt: stored.archivedAt, ...resolution };
}
