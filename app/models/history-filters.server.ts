import { currentAuditAction } from "~/lib/audit-actions";
import { db } from "~/lib/db.server";
import { canSeeEverything, type Actor } from "~/lib/permissions";
import { projectWhereForActor } from "~/lib/permissions.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import { readerScope } from "./history.server";

// What History's filter form and the audit export's form offer: projects, people, actions and kinds of record.

/** The projects an actor may filter history by (code and name), for the filter form. */
export async function listHistoryProjects(actor: Actor) {
  return db.project.findMany({
    where: projectWhereForActor(actor),
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
}

/** The history filter's pickers offer at most this many projects and people; beyond it they suggest and take typing. */
export const PICKER_LIMIT = 100;

/**
 * A picker that takes typing suggests this many of its first choices: each one is an option in the page and in its
 * hydration data (two hundred of them were 44 KB of the manager's page on a large portfolio), and typing finds the rest.
 */
export const SUGGESTION_LIMIT = 20;

export type PickerChoices<T> = { items: T[]; total: number };

/** Scopes whose pickers are kept at once (one entry each: an auditor and a manager no longer evict each other). */
const PICKER_SCOPES_KEPT = 50;

/** All choices when the picker can list them; the first few as suggestions when it becomes a field to type in. */
function pickerChoices<T>(items: T[], total: number, limit: number): PickerChoices<T> {
  return { items: total > limit ? items.slice(0, Math.min(limit, SUGGESTION_LIMIT)) : items, total };
}

/** The first projects (by code) the project filter offers, and how many the actor may filter by. */
export async function listHistoryProjectChoices(
  actor: Actor,
  limit = PICKER_LIMIT,
): Promise<PickerChoices<{ code: string; name: string }>> {
  // The same for every reader with the same scope until the next write: kept per state of the database (exact).
  return cachedPerStateAndScope(
    "history.projectChoices",
    readerScope(actor),
    () => readHistoryProjectChoices(actor, limit),
    String(limit),
    PICKER_SCOPES_KEPT,
  );
}

async function readHistoryProjectChoices(
  actor: Actor,
  limit: number,
): Promise<PickerChoices<{ code: string; name: string }>> {
  const where = projectWhereForActor(actor);
  const [items, total] = await Promise.all([
    db.project.findMany({ where, orderBy: { code: "asc" }, take: limit, select: { code: true, name: true } }),
    db.project.count({ where }),
  ]);
  return pickerChoices(items, total, limit);
}

/**
 * The people the person filter offers (name, and the e-mail the URL keeps), the first `limit` by name: everyone for
 * those who read the whole log; for a manager, the members of the projects they can see, and themselves.
 */
export async function listHistoryPeople(
  actor: Actor,
  limit = PICKER_LIMIT,
): Promise<PickerChoices<{ name: string; email: string }>> {
  // A manager's list holds themselves, so their id is part of the key; kept per state of the database (exact).
  const scope = canSeeEverything(actor) ? "all" : `${readerScope(actor)}:${actor.id}`;
  return cachedPerStateAndScope(
    "history.people",
    scope,
    () => readHistoryPeople(actor, limit),
    String(limit),
    PICKER_SCOPES_KEPT,
  );
}

async function readHistoryPeople(actor: Actor, limit: number): Promise<PickerChoices<{ name: string; email: string }>> {
  const where = canSeeEverything(actor)
    ? {}
    : { OR: [{ id: actor.id }, { memberships: { some: { project: projectWhereForActor(actor) } } }] };
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: limit,
      select: { name: true, email: true },
    }),
    db.user.count({ where }),
  ]);
  return pickerChoices(items, total, limit);
}

let optionsCache: { at: number; actions: string[]; entityTypes: string[] } | null = null;
const OPTIONS_TTL_MS = 5 * 60_000;

/**
 * Distinct actions and entity types for the filter form's suggestions. GROUP BY walks a covering index
 * (~30 ms on a million events), so the answer is kept for a few minutes.
 */
export async function listHistoryFilterOptions(): Promise<{ actions: string[]; entityTypes: string[] }> {
  if (optionsCache && Date.now() - optionsCache.at < OPTIONS_TTL_MS) return optionsCache;
  const [actions, entityTypes] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  optionsCache = {
    at: Date.now(),
    // Old names of renamed actions are offered as today's name (the filter finds both).
    actions: [...new Set(actions.map((a) => currentAuditAction(a.action) ?? a.action))].sort(),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
  return optionsCache;
}
