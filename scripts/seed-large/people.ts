// Organisations and people of the large portfolio: the seed's World Bank, IFC and ministries, plus regional
// akimats and national agencies, with thousands of staff in realistic proportions of roles.
import type { Actor, PlannedEvent, Reference, Row } from "./model";
import type { Random } from "./random";
import { EXTRA_ORGANIZATIONS, FIRST_NAMES, LAST_NAMES } from "./vocabulary";

export type Person = { id: string; email: string; organizationId: string; role: string };

/** Staff by organisation and role, for building project teams. */
export type Staff = {
  byOrganization: Map<string, { managers: Person[]; officers: Person[] }>;
  agencies: string[];
  wb: string;
  ifc: string;
};

const DAY = 86_400_000;

export function planPeople(
  ref: Reference,
  count: number,
  random: Random,
  newId: () => string,
  start: number,
): { organizations: Row[]; users: Row[]; events: PlannedEvent[]; staff: Staff } {
  const events: PlannedEvent[] = [];
  const system: Actor = { id: null, email: "system" };
  const organizations: Row[] = [];
  const existingCodes = new Set(ref.organizations.map((o) => o.code));
  let at = start;
  for (const extra of EXTRA_ORGANIZATIONS.filter((o) => !existingCodes.has(o.code))) {
    at += 3_600_000;
    const row: Row = {
      id: newId(),
      code: extra.code,
      name: extra.name,
      nameRu: extra.nameRu,
      nameKk: extra.nameKk,
      kind: "MINISTRY",
      version: 1,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    };
    organizations.push(row);
    events.push(event(at, system, "organization.create", "Organization", row));
  }
  const all = [
    ...ref.organizations,
    ...organizations.map((o) => ({ id: String(o.id), code: String(o.code), kind: "MINISTRY" })),
  ];
  const wb = all.find((o) => o.code === "WB");
  const ifc = all.find((o) => o.code === "IFC");
  if (!wb || !ifc) throw new Error("the demo seed's WB and IFC organisations are missing");
  const agencies = all.filter((o) => o.kind === "MINISTRY").map((o) => o.id);

  const staff: Staff = { byOrganization: new Map(), agencies, wb: wb.id, ifc: ifc.id };
  const teamOf = (orgId: string) => {
    let team = staff.byOrganization.get(orgId);
    if (!team) staff.byOrganization.set(orgId, (team = { managers: [], officers: [] }));
    return team;
  };
  for (const [email, user] of ref.demo) {
    const person = { id: user.id, email, organizationId: user.organizationId, role: "" };
    if (email.includes(".manager@")) teamOf(user.organizationId).managers.push({ ...person, role: "MANAGER" });
    if (email.includes(".officer@")) teamOf(user.organizationId).officers.push({ ...person, role: "OFFICER" });
  }

  const users: Row[] = [];
  const userSpan = 4 * 365 * DAY;
  for (let i = 0; i < count; i++) {
    const r = random.next();
    const orgId = r < 0.25 ? wb.id : r < 0.35 ? ifc.id : agencies[i % agencies.length];
    const q = random.next();
    const role = q < 0.004 ? "ADMIN" : q < 0.024 ? "AUDITOR" : q < 0.15 ? "MANAGER" : "OFFICER";
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const domain = orgId === wb.id ? "worldbank.test" : orgId === ifc.id ? "ifc.test" : "gov.kz.test";
    const email = `${first}.${last}.${i + 1}@${domain}`.toLowerCase();
    const createdAt = new Date(start + (userSpan * i) / count);
    const row: Row = {
      id: newId(),
      email,
      name: `${first} ${last}`,
      organizationId: orgId,
      role,
      locale: random.pick(["en", "ru", "ru", "kk"]),
      active: !random.chance(0.03),
      passwordHash: ref.passwordHash,
      mustChangePassword: false,
      failedLoginCount: 0,
      lastFailedLoginAt: null,
      lockedUntil: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    users.push(row);
    // The snapshot never carries the password hash.
    const { passwordHash: _hash, ...snapshot } = row;
    events.push({ ...event(createdAt.getTime(), ref.admin, "user.create", "User", row), after: snapshot });
    if (!row.active) continue;
    const person: Person = { id: String(row.id), email, organizationId: orgId, role };
    if (role === "MANAGER") teamOf(orgId).managers.push(person);
    if (role === "OFFICER") teamOf(orgId).officers.push(person);
  }
  return { organizations, users, events, staff };
}

export function event(
  at: number,
  actor: Actor,
  action: PlannedEvent["action"],
  entityType: PlannedEvent["entityType"],
  after: Row,
  projectId: string | null = null,
): PlannedEvent {
  return { at, actor, action, entityType, entityId: String(after.id), projectId, before: null, after, reason: null };
}
