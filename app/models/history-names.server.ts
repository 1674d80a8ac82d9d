import { ENTITY_KIND, NameBook, emptyIds, idsMentioned, type IdsByKind, type NameRows } from "~/lib/audit-render/names";
import { describeAuditEvent, type StoredEvent } from "~/lib/audit-render/renderers";
import type { EventView } from "~/lib/audit-render/types";
import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";
import { db } from "~/lib/db.server";

/**
 * Names for a page of audit events: every id the page mentions, read with one query per kind of record (seven at
 * most, whatever the number of events), never one per event.
 */
export async function loadNames(ids: IdsByKind): Promise<NameBook> {
  const inIds = (set: Set<string>) => ({ id: { in: [...set] } });
  const [projects, users, organizations, frameworks, areas, milestones, indicators] = await Promise.all([
    ids.project.size
      ? db.project.findMany({ where: inIds(ids.project), select: { id: true, name: true, code: true } })
      : [],
    ids.user.size ? db.user.findMany({ where: inIds(ids.user), select: { id: true, name: true, email: true } }) : [],
    ids.organization.size
      ? db.organization.findMany({ where: inIds(ids.organization), select: { id: true, ...LOCALIZED_NAME_SELECT } })
      : [],
    ids.framework.size
      ? db.framework.findMany({
          where: inIds(ids.framework),
          select: { id: true, code: true, ...LOCALIZED_NAME_SELECT },
        })
      : [],
    ids.priorityArea.size
      ? db.priorityArea.findMany({
          where: inIds(ids.priorityArea),
          select: { id: true, code: true, frameworkId: true, ...LOCALIZED_NAME_SELECT },
        })
      : [],
    ids.milestone.size
      ? db.milestone.findMany({ where: inIds(ids.milestone), select: { id: true, title: true, projectId: true } })
      : [],
    ids.indicator.size
      ? db.indicator.findMany({
          where: inIds(ids.indicator),
          select: { id: true, name: true, code: true, projectId: true },
        })
      : [],
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const rows: NameRows = {
    project: byId(projects),
    user: byId(users),
    organization: byId(organizations),
    framework: byId(frameworks),
    priorityArea: byId(areas),
    milestone: byId(milestones),
    indicator: byId(indicators),
  };
  return new NameBook(rows);
}

/** Stored events as History shows them: names resolved in one batch; `stored`: the reader may open the stored record. */
export async function describeAuditEvents(rows: StoredEvent[], options: { stored: boolean }): Promise<EventView[]> {
  const ids = emptyIds();
  for (const row of rows) idsMentioned(ids, row);
  const names = await loadNames(ids);
  return rows.map((row) => describeAuditEvent(row, names, options));
}

/** The record an `entityType` + `entityId` filter names (null when it has no name of its own, or is gone). */
export async function namedRecord(entityType: string | undefined, entityId: string | undefined) {
  const kind = entityType ? ENTITY_KIND[entityType] : undefined;
  if (!kind || !entityId) return null;
  const ids = emptyIds();
  ids[kind].add(entityId);
  return (await loadNames(ids))[kind](entityId);
}
