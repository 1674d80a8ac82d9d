import type { LocalizedName } from "~/lib/localized-name";
import type { RecordKind, RecordRef } from "./types";

/**
 * The names of the records a page of events mentions. The server gathers every id the page's events name
 * (`idsMentioned`), reads each kind of record in one query (never one query per event), and the renderers look
 * names up here. A record deleted since keeps the name its event stored (`fallback`).
 */

export type NamedKind = Exclude<RecordKind, "email">;
export type IdsByKind = Record<NamedKind, Set<string>>;

export type NameRows = {
  project: Map<string, { name: string; code: string }>;
  user: Map<string, { name: string; email: string }>;
  organization: Map<string, LocalizedName>;
  framework: Map<string, LocalizedName & { code: string }>;
  priorityArea: Map<string, LocalizedName & { code: string; frameworkId: string }>;
  milestone: Map<string, { title: string; projectId: string }>;
  indicator: Map<string, { name: string; code: string; projectId: string }>;
};

export function emptyIds(): IdsByKind {
  return {
    project: new Set(),
    user: new Set(),
    organization: new Set(),
    framework: new Set(),
    priorityArea: new Set(),
    milestone: new Set(),
    indicator: new Set(),
  };
}

/** Snapshot fields that hold the id of another record, and the kind of that record. */
const ID_FIELDS: Readonly<Partial<Record<string, NamedKind>>> = {
  projectId: "project",
  userId: "user",
  authorId: "user",
  reviewerId: "user",
  ownerId: "user",
  reporterId: "user",
  verifierId: "user",
  organizationId: "organization",
  implementingAgencyId: "organization",
  frameworkId: "framework",
  priorityAreaId: "priorityArea",
  milestoneId: "milestone",
  indicatorId: "indicator",
};

/** The kind of record an event's entity is, when it is one that has a name of its own. */
export const ENTITY_KIND: Readonly<Partial<Record<string, NamedKind>>> = {
  Project: "project",
  User: "user",
  Organization: "organization",
  Framework: "framework",
  PriorityArea: "priorityArea",
  Milestone: "milestone",
  Indicator: "indicator",
};

function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? { ...value } : {};
  } catch {
    return {};
  }
}

/** Adds to `ids` every record one stored event names (its actor, project, entity and the ids in its snapshots). */
export function idsMentioned(
  ids: IdsByKind,
  event: {
    actorId: string | null;
    projectId: string | null;
    entityType: string;
    entityId: string;
    before: string | null;
    after: string | null;
  },
) {
  if (event.actorId) ids.user.add(event.actorId);
  if (event.projectId) ids.project.add(event.projectId);
  const entityKind = ENTITY_KIND[event.entityType];
  if (entityKind) ids[entityKind].add(event.entityId);
  for (const snapshot of [parseObject(event.before), parseObject(event.after)]) {
    for (const [field, value] of Object.entries(snapshot)) {
      const kind = ID_FIELDS[field];
      if (kind && typeof value === "string" && value) ids[kind].add(value);
    }
  }
}

const historyOf = (params: Record<string, string>) => `/history?${new URLSearchParams(params).toString()}`;

/** Looks names up, with the link each kind of record opens at. */
export class NameBook {
  constructor(private readonly rows: NameRows) {}

  project(id: string | null | undefined, fallback?: { name: string; code?: string }): RecordRef | null {
    if (!id) return null;
    const row = this.rows.project.get(id);
    if (row) return { kind: "project", name: row.name, code: row.code, href: `/projects/${id}` };
    return fallback ? { kind: "project", name: fallback.name, code: fallback.code ?? null, href: null } : null;
  }

  user(id: string | null | undefined, fallback?: { name: string }): RecordRef | null {
    if (!id) return null;
    const row = this.rows.user.get(id);
    // A person's own page is for administrators; everyone who reads history can open what the person did.
    if (row) return { kind: "user", name: row.name, href: historyOf({ actor: row.email }) };
    return fallback ? { kind: "user", name: fallback.name, href: null } : null;
  }

  /**
   * A person named by an account id or by an e-mail typed at sign-in: the account when one has it, else the address
   * as typed; null for the id of an account that no longer exists (an id is never shown as a name).
   */
  userOrEmail(idOrEmail: string): RecordRef | null {
    const byId = this.user(idOrEmail);
    if (byId) return byId;
    for (const [, row] of this.rows.user) {
      if (row.email === idOrEmail) return { kind: "user", name: row.name, href: historyOf({ actor: row.email }) };
    }
    return idOrEmail.includes("@") ? { kind: "email", name: idOrEmail, href: null } : null;
  }

  organization(id: string | null | undefined, fallback?: LocalizedName): RecordRef | null {
    if (!id) return null;
    const row = this.rows.organization.get(id) ?? fallback;
    if (!row) return null;
    const href = this.rows.organization.has(id) ? historyOf({ entity: "Organization", entityId: id }) : null;
    return { kind: "organization", name: row.name, nameRu: row.nameRu, nameKk: row.nameKk, href };
  }

  framework(id: string | null | undefined, fallback?: LocalizedName & { code: string }): RecordRef | null {
    if (!id) return null;
    const row = this.rows.framework.get(id) ?? fallback;
    if (!row) return null;
    const href = this.rows.framework.has(id) ? `/frameworks/${id}` : null;
    return { kind: "framework", name: row.name, nameRu: row.nameRu, nameKk: row.nameKk, code: row.code, href };
  }

  priorityArea(
    id: string | null | undefined,
    fallback?: LocalizedName & { code: string; frameworkId: string },
  ): RecordRef | null {
    if (!id) return null;
    const stored = this.rows.priorityArea.get(id);
    const row = stored ?? fallback;
    if (!row) return null;
    const href = stored ? `/frameworks/${stored.frameworkId}` : null;
    return { kind: "priorityArea", name: row.name, nameRu: row.nameRu, nameKk: row.nameKk, code: row.code, href };
  }

  milestone(id: string | null | undefined, fallback?: { title: string }): RecordRef | null {
    if (!id) return null;
    const row = this.rows.milestone.get(id);
    if (row) return { kind: "milestone", name: row.title, href: `/projects/${row.projectId}/milestones/${id}` };
    return fallback ? { kind: "milestone", name: fallback.title, href: null } : null;
  }

  indicator(id: string | null | undefined, fallback?: { name: string; code: string }): RecordRef | null {
    if (!id) return null;
    const row = this.rows.indicator.get(id);
    if (row) {
      return {
        kind: "indicator",
        name: row.name,
        code: row.code,
        href: `/projects/${row.projectId}/indicators/${id}`,
      };
    }
    return fallback ? { kind: "indicator", name: fallback.name, code: fallback.code, href: null } : null;
  }
}
