import { ENTITY_KIND, NameBook, emptyIds, idsMentioned, type IdsByKind, type NameRows } from "~/lib/audit-render/names";
import { describeAuditEvent, type StoredEvent } from "~/lib/audit-render/renderers";
import type { EventLine, EventView } from "~/lib/audit-render/types";
import type { Row } from "@libsql/client";
import { cell, jsonList, readRows } from "~/lib/sql.server";

/** Rows of `table` whose id is in `ids` (none read when empty), mapped by id. */
async function rowsById<T>(table: string, columns: string, ids: Set<string>, map: (row: Row) => T) {
  const byId = new Map<string, T>();
  if (!ids.size) return byId;
  const rows = await readRows(`SELECT id, ${columns} FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`, [
    jsonList([...ids]),
  ]);
  for (const row of rows) byId.set(cell.text(row, "id"), map(row));
  return byId;
}

const localized = (row: Row) => ({
  name: cell.text(row, "name"),
  nameRu: cell.textOrNull(row, "nameRu"),
  nameKk: cell.textOrNull(row, "nameKk"),
});

/**
 * Names for a page of audit events: every id the page mentions, read with one query per kind of record (seven at
 * most, whatever the number of events), never one per event. Plain SQL (lib/sql.server.ts): read on every page.
 */
export async function loadNames(ids: IdsByKind): Promise<NameBook> {
  const [project, user, organization, framework, priorityArea, milestone, indicator] = await Promise.all([
    rowsById("Project", "name, code", ids.project, (row) => ({
      name: cell.text(row, "name"),
      code: cell.text(row, "code"),
    })),
    rowsById("User", "name, email", ids.user, (row) => ({
      name: cell.text(row, "name"),
      email: cell.text(row, "email"),
    })),
    rowsById("Organization", "name, nameRu, nameKk", ids.organization, localized),
    rowsById("Framework", "code, name, nameRu, nameKk", ids.framework, (row) => ({
      ...localized(row),
      code: cell.text(row, "code"),
    })),
    rowsById("PriorityArea", "code, frameworkId, name, nameRu, nameKk", ids.priorityArea, (row) => ({
      ...localized(row),
      code: cell.text(row, "code"),
      frameworkId: cell.text(row, "frameworkId"),
    })),
    rowsById("Milestone", "title, projectId", ids.milestone, (row) => ({
      title: cell.text(row, "title"),
      projectId: cell.text(row, "projectId"),
    })),
    rowsById("Indicator", "name, code, projectId", ids.indicator, (row) => ({
      name: cell.text(row, "name"),
      code: cell.text(row, "code"),
      projectId: cell.text(row, "projectId"),
    })),
  ]);
  const rows: NameRows = { project, user, organization, framework, priorityArea, milestone, indicator };
  return new NameBook(rows);
}

/** Stored events as History shows them: names resolved in one batch; `stored`: the reader may open the stored record. */
export async function describeAuditEvents(rows: StoredEvent[], options: { stored: boolean }): Promise<EventView[]> {
  const ids = emptyIds();
  for (const row of rows) idsMentioned(ids, row);
  const names = await loadNames(ids);
  return rows.map((row) => describeAuditEvent(row, names, options));
}

/** An event's line as History's list carries it (its details are read when opened). */
export function lineOf(view: EventView): EventLine {
  const { changes: _changes, creation: _creation, reason: _reason, ...line } = view;
  return line;
}

/** The record an `entityType` + `entityId` filter names (null when it has no name of its own, or is gone). */
export async function namedRecord(entityType: string | undefined, entityId: string | undefined) {
  const kind = entityType ? ENTITY_KIND[entityType] : undefined;
  if (!kind || !entityId) return null;
  const ids = emptyIds();
  ids[kind].add(entityId);
  return (await loadNames(ids))[kind](entityId);
}
