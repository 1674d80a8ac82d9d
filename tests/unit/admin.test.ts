// Administration on a small directory of organisations, users and one framework: only ADMIN reaches any admin loader or action; users are created with an
// initial password they must change, e-mail is unique whatever its case, deactivation and role/organisation changes
// end sessions, and every change is audited without the password hash.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { login, requireUser } from "~/lib/auth.server";
import type { Role } from "~/lib/permissions";
import { createSessionCookie } from "~/lib/session.server";
import { cookiePair, TEST_PASSWORD } from "../helpers/auth";
import { createActor, createFramework, createOrganization, createProject, createUser, day } from "../helpers/factories";
import { getRequest, importRouteModule, postRequest, type RouteModule } from "../helpers/route-harness";
import { insideServerRequest } from "../helpers/request";

type Result = { status: number; location: string | null; body: unknown };

/** Calls a loader or action and reduces what it returns or throws to status, redirect and body. */
async function run(fn: () => unknown): Promise<Result> {
  let value: unknown;
  try {
    value = await fn();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    return { status: value.status, location: value.headers.get("Location"), body: text };
  }
  if (typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, location: new Headers(d.init?.headers).get("Location"), body: d.data };
  }
  if (value instanceof Error) throw value;
  return { status: 200, location: null, body: value };
}

const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const route = (file: string) => importRouteModule(file);
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function callAction(file: string, path: string, cookie: string, fields: Record<string, string>, params = {}) {
  const mod: RouteModule = await route(file);
  return run(() => mod.action!(args(postRequest(path, cookie, fields), params)));
}
async function callLoader(file: string, path: string, cookie: string, params = {}) {
  const mod: RouteModule = await route(file);
  return run(() => mod.loader!(args(getRequest(path, cookie), params)));
}

const auditCount = () => db.auditEvent.count();
const sessionCount = (userId: string) => db.session.count({ where: { userId } });

/**
 * What administration acts on: an administrator and the four other roles it must refuse (signed in), three officers
 * whose accounts the tests change, the transport ministry (staffed and implementing a project), the justice ministry
 * with its Russian and Kazakh names, and the 2026–2031 framework with four priority areas.
 */
async function buildDirectory() {
  const worldBank = await createOrganization({ code: "WB", name: "World Bank", kind: "WORLD_BANK" });
  const ifc = await createOrganization({ code: "IFC", name: "International Finance Corporation", kind: "IFC" });
  const mot = await createOrganization({ code: "MOT", name: "Ministry of Transport", kind: "MINISTRY" });
  const water = await createOrganization({ code: "MWR", name: "Ministry of Water Resources", kind: "MINISTRY" });
  await createOrganization({
    code: "MOJ",
    name: "Ministry of Justice",
    nameRu: "Министерство юстиции",
    nameKk: "Әділет министрлігі",
    kind: "MINISTRY",
  });
  const framework = await createFramework(
    {
      code: "CPF-2026-2031",
      name: "Country Partnership Framework 2026–2031",
      startDate: day("2025-07-01"),
      endDate: day("2031-06-30"),
      annualEnvelopeMinor: 100_000_000_000n,
    },
    4,
  );
  await createProject({ implementingAgencyId: mot.id, priorityAreaId: framework.areas[0].id });

  const signedIn: [email: string, role: Role, organizationId: string][] = [
    ["admin@qadam.test", "ADMIN", worldBank.id],
    ["wb.manager@qadam.test", "MANAGER", worldBank.id],
    ["wb.officer@qadam.test", "OFFICER", worldBank.id],
    ["auditor@qadam.test", "AUDITOR", worldBank.id],
    ["transport.manager@qadam.test", "MANAGER", mot.id],
  ];
  for (const [email, role, organizationId] of signedIn) {
    const actor = await createActor(role, { email, organizationId });
    cookies[email] = actor.cookie;
    ids[email] = actor.id;
  }
  await createUser({ email: "ifc.officer@qadam.test", role: "OFFICER", organizationId: ifc.id });
  await createUser({ email: "transport.officer@qadam.test", role: "OFFICER", organizationId: mot.id });
  await createUser({ email: "water.officer@qadam.test", role: "OFFICER", organizationId: water.id });
}

beforeAll(async () => {
  await buildDirectory();
}, 60_000);

async function orgId(code: string) {
  return (await db.organization.findUniqueOrThrow({ where: { code } })).id;
}

describe("only administrators reach administration", () => {
  const NON_ADMINS = [
    "wb.manager@qadam.test",
    "wb.officer@qadam.test",
    "auditor@qadam.test",
    "transport.manager@qadam.test",
  ];

  it("every admin loader answers 403 to other roles and 200 to the admin", async () => {
    const target = ids["wb.officer@qadam.test"];
    const loaders: [string, string, Record<string, string>][] = [
      ["routes/admin.tsx", "/admin", {}],
      ["routes/admin._index.tsx", "/admin", {}],
      ["routes/admin.users._index.tsx", "/admin/users", {}],
      ["routes/admin.users.new.tsx", "/admin/users/new", {}],
      ["routes/admin.users.$userId.tsx", `/admin/users/${target}`, { userId: target }],
      ["routes/admin.organizations.tsx", "/admin/organizations", {}],
      ["routes/admin.frameworks.tsx", "/admin/frameworks", {}],
    ];
    for (const [file, path, params] of loaders) {
      for (const email of NON_ADMINS) {
        const r = await callLoader(file, path, cookies[email], params);
        expect(r.status, `${file} loader as ${email}`).toBe(403);
      }
      expect((await callLoader(file, path, cookies["admin@qadam.test"], params)).status, `${file} as admin`).toBe(200);
    }
  });

  it("every admin action answers 403 to other roles and writes nothing", async () => {
    const target = ids["wb.officer@qadam.test"];
    const officer = await db.user.findUniqueOrThrow({ where: { id: target } });
    const framework = await db.framework.findFirstOrThrow({ include: { priorityAreas: true } });
    const mot = await db.organization.findUniqueOrThrow({ where: { code: "MOT" } });
    const actions: [string, string, Record<string, string>, Record<string, string>][] = [
      [
        "routes/admin.users.new.tsx",
        "/admin/users/new",
        {
          email: "intruder@qadam.test",
          name: "Intruder",
          organizationId: mot.id,
          role: "ADMIN",
          locale: "en",
          password: "long-enough-password",
        },
        {},
      ],
      [
        "routes/admin.users.$userId.tsx",
        `/admin/users/${target}`,
        { intent: "deactivate", version: String(officer.version) },
        { userId: target },
      ],
      [
        "routes/admin.users.$userId.tsx",
        `/admin/users/${target}`,
        {
          intent: "update",
          version: String(officer.version),
          name: "X",
          organizationId: officer.organizationId,
          role: "ADMIN",
          locale: "en",
        },
        { userId: target },
      ],
      ["routes/admin.users.$userId.tsx", `/admin/users/${target}`, { intent: "sendResetLink" }, { userId: target }],
      [
        "routes/admin.organizations.tsx",
        "/admin/organizations",
        { intent: "create", code: "EVIL", name: "Evil", kind: "MINISTRY" },
        {},
      ],
      [
        "routes/admin.organizations.tsx",
        "/admin/organizations",
        { intent: "update", id: mot.id, version: String(mot.version), code: "MOT", name: "Renamed", kind: "MINISTRY" },
        {},
      ],
      [
        "routes/admin.frameworks.tsx",
        "/admin/frameworks",
        {
          intent: "updateFramework",
          id: framework.id,
          version: String(framework.version),
          code: framework.code,
          name: "Hijacked",
          startDate: "2020-01-01",
          endDate: "2025-12-31",
          annualEnvelopeUsd: "1",
          description: "",
        },
        {},
      ],
      [
        "routes/admin.frameworks.tsx",
        "/admin/frameworks",
        { intent: "createArea", frameworkId: framework.id, code: "X9", name: "X" },
        {},
      ],
      [
        "routes/admin.frameworks.tsx",
        "/admin/frameworks",
        {
          intent: "moveArea",
          id: framework.priorityAreas[1].id,
          version: String(framework.priorityAreas[1].version),
          direction: "up",
        },
        {},
      ],
    ];
    const before = await auditCount();
    for (const [file, path, fields, params] of actions) {
      for (const email of NON_ADMINS) {
        const r = await callAction(file, path, cookies[email], fields, params);
        expect(r.status, `${file} ${fields.intent ?? "create"} as ${email}`).toBe(403);
      }
    }
    expect(await auditCount()).toBe(before);
    expect(await db.user.findUnique({ where: { email: "intruder@qadam.test" } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: target } })).active).toBe(true);
    expect((await db.organization.findUniqueOrThrow({ where: { id: mot.id } })).name).toBe(mot.name);
  });
});

describe("creating users", () => {
  const fields = async (overrides: Record<string, string> = {}) => ({
    email: "New.Person@Qadam.test",
    name: "New Person",
    organizationId: await orgId("MOT"),
    role: "OFFICER",
    locale: "ru",
    ...overrides,
  });

  it("creates a user and invites them in their language (no typed password), audited without the hash", async () => {
    const outboxBefore = await db.outboxMessage.count();
    const r = await callAction(
      "routes/admin.users.new.tsx",
      "/admin/users/new",
      cookies["admin@qadam.test"],
      await fields({ password: "ignored-initial-password" }),
    );
    expect(r.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.person@qadam.test" } });
    expect(r.location).toBe(`/admin/users/${user.id}`);
    expect(user).toMatchObject({
      name: "New Person",
      role: "OFFICER",
      locale: "ru",
      active: true,
      mustChangePassword: false,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(event.actorEmail).toBe("admin@qadam.test");
    expect(event.after).toContain("new.person@qadam.test");
    expect(event.after).not.toMatch(/passwordHash|argon2/);
    expect(await db.auditEvent.count({ where: { action: "user.invite", entityId: user.id } })).toBe(1);

    // The invitation is in the outbox (in Russian); no password, typed or not, signs the user in before it is used.
    expect(await db.outboxMessage.count()).toBe(outboxBefore + 1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id } });
    expect(mail).toMatchObject({ kind: "invitation", locale: "ru", state: "PENDING", toAddress: user.email });
    expect(mail.text).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}/);
    const result = await login(
      { email: "NEW.PERSON@qadam.test", password: "ignored-initial-password" },
      new Request("http://localhost/login"),
    );
    expect(result.ok).toBe(false);
  });

  it("refuses a duplicate e-mail in another case with a field error and writes nothing", async () => {
    const users = await db.user.count();
    const events = await auditCount();
    const r = await callAction(
      "routes/admin.users.new.tsx",
      "/admin/users/new",
      cookies["admin@qadam.test"],
      await fields({ email: "WB.Manager@QADAM.test", name: "Impostor" }),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ fieldErrors: { email: "admin.errors.emailTaken" } });
    expect(await db.user.count()).toBe(users);
    expect(await auditCount()).toBe(events);
  });

  it("refuses an unknown organisation and writes nothing, nor sends anything", async () => {
    const outboxBefore = await db.outboxMessage.count();
    const org = await callAction(
      "routes/admin.users.new.tsx",
      "/admin/users/new",
      cookies["admin@qadam.test"],
      await fields({ email: "noorg@qadam.test", organizationId: "does-not-exist" }),
    );
    expect(org.status).toBe(400);
    expect(org.body).toMatchObject({ fieldErrors: { organizationId: "admin.errors.organizationRequired" } });
    expect(await db.user.count({ where: { email: { in: ["noorg@qadam.test"] } } })).toBe(0);
    expect(await db.outboxMessage.count()).toBe(outboxBefore);
  });
});

describe("deactivation, role and organisation changes", () => {
  async function userWithSessions(email: string, count = 2) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const setCookies: string[] = [];
    for (let i = 0; i < count; i++)
      setCookies.push(await createSessionCookie(user.id, { ip: null, userAgent: `device ${i}` }));
    return { user, cookie: cookiePair(setCookies[0]) };
  }
  const userPage = (id: string) => ["routes/admin.users.$userId.tsx", `/admin/users/${id}`] as const;

  it("deactivation deletes every session and the user can no longer sign in; reactivation lets them back", async () => {
    const { user, cookie } = await userWithSessions("ifc.officer@qadam.test");
    expect(await sessionCount(user.id)).toBeGreaterThanOrEqual(2);
    const [file, path] = userPage(user.id);
    const r = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      { intent: "deactivate", version: String(user.version) },
      { userId: user.id },
    );
    expect(r.status).toBe(302);
    expect(await sessionCount(user.id)).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    expect((await run(() => requireUser(getRequest("/", cookie)))).location).toMatch(/^\/login/);
    const attempt = await login({ email: user.email, password: TEST_PASSWORD }, new Request("http://localhost/login"));
    expect(attempt.ok).toBe(false);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.deactivate", entityId: user.id } });
    expect(JSON.parse(event.before!)).toMatchObject({ active: true });
    expect(JSON.parse(event.after!)).toMatchObject({ active: false });

    const current = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const back = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      { intent: "reactivate", version: String(current.version) },
      { userId: user.id },
    );
    expect(back.status).toBe(302);
    expect(
      (await login({ email: user.email, password: TEST_PASSWORD }, new Request("http://localhost/login"))).ok,
    ).toBe(true);
  });

  it("a role change ends the user's sessions; a name change does not", async () => {
    const { user } = await userWithSessions("transport.officer@qadam.test");
    const [file, path] = userPage(user.id);
    const base = {
      intent: "update",
      name: user.name,
      organizationId: user.organizationId,
      role: user.role,
      locale: user.locale,
    };

    const renamed = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      { ...base, name: "Dana S.", version: String(user.version) },
      { userId: user.id },
    );
    expect(renamed.status).toBe(302);
    expect(await sessionCount(user.id)).toBeGreaterThanOrEqual(2);

    const v = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).version;
    const promoted = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      { ...base, role: "MANAGER", version: String(v) },
      { userId: user.id },
    );
    expect(promoted.status).toBe(302);
    expect(await sessionCount(user.id)).toBe(0);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.role).toBe("MANAGER");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.update", entityId: user.id },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(event.before!)).toMatchObject({ role: "OFFICER" });
    expect(JSON.parse(event.after!)).toMatchObject({ role: "MANAGER", sessionsEnded: true });
    // The History page shows a reason as a person wrote it: no English sentence from the code goes there.
    expect(event.reason).toBeNull();
    const renameEvent = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.update", entityId: user.id, after: { contains: "Dana S." } },
      orderBy: { seq: "asc" },
    });
    expect(renameEvent.reason).toBeNull();
    expect(JSON.parse(renameEvent.after!)).not.toHaveProperty("sessionsEnded");
  });

  it("an organisation change ends the user's sessions", async () => {
    const { user } = await userWithSessions("water.officer@qadam.test");
    const [file, path] = userPage(user.id);
    const r = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      {
        intent: "update",
        name: user.name,
        organizationId: await orgId("MOT"),
        role: user.role,
        locale: user.locale,
        version: String(user.version),
      },
      { userId: user.id },
    );
    expect(r.status).toBe(302);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("a stale version is a 409 with the current record and changes nothing", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "wb.officer@qadam.test" } });
    const [file, path] = userPage(user.id);
    const r = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      {
        intent: "update",
        name: "Stale",
        organizationId: user.organizationId,
        role: user.role,
        locale: user.locale,
        version: String(user.version - 1 || 99),
      },
      { userId: user.id },
    );
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ intent: "update", status: "conflict", current: { id: user.id, name: user.name } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });

  it("an admin cannot deactivate themselves or change their own role", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@qadam.test" } });
    const [file, path] = userPage(admin.id);
    const events = await auditCount();
    const off = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      { intent: "deactivate", version: String(admin.version) },
      { userId: admin.id },
    );
    expect(off.status).toBe(400);
    expect(off.body).toMatchObject({ fieldErrors: { _form: "admin.errors.ownDeactivation" } });
    const demote = await callAction(
      file,
      path,
      cookies["admin@qadam.test"],
      {
        intent: "update",
        name: admin.name,
        organizationId: admin.organizationId,
        role: "MANAGER",
        locale: admin.locale,
        version: String(admin.version),
      },
      { userId: admin.id },
    );
    expect(demote.status).toBe(400);
    expect(demote.body).toMatchObject({ fieldErrors: { role: "admin.errors.ownRole" } });
    const after = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after).toMatchObject({ active: true, role: "ADMIN" });
    expect(await auditCount()).toBe(events);
  });

  it("an unknown user is a 404", async () => {
    const r = await callLoader("routes/admin.users.$userId.tsx", "/admin/users/nope", cookies["admin@qadam.test"], {
      userId: "nope",
    });
    expect(r.status).toBe(404);
  });

  it("no user snapshot in the audit log contains a password hash", async () => {
    const events = await db.auditEvent.findMany({ where: { entityType: "User" } });
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(`${e.before ?? ""}${e.after ?? ""}`).not.toMatch(/passwordHash|\$argon2/);
    }
  });
});

describe("organisations and frameworks", () => {
  it("creates an organisation, refuses a duplicate code, and edits with the version", async () => {
    const admin = cookies["admin@qadam.test"];
    const created = await callAction("routes/admin.organizations.tsx", "/admin/organizations", admin, {
      intent: "create",
      code: "mtri",
      name: "Ministry of Trade and Integration",
      kind: "MINISTRY",
    });
    expect(created.status).toBe(302);
    const org = await db.organization.findUniqueOrThrow({ where: { code: "MTRI" } });
    const dup = await callAction("routes/admin.organizations.tsx", "/admin/organizations", admin, {
      intent: "create",
      code: "MTRI",
      name: "Again",
      kind: "MINISTRY",
    });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ fieldErrors: { code: "admin.errors.codeTaken" } });
    const edited = await callAction("routes/admin.organizations.tsx", "/admin/organizations", admin, {
      intent: "update",
      id: org.id,
      version: String(org.version),
      code: "MTRI",
      name: "Ministry of Trade",
      kind: "MINISTRY",
    });
    expect(edited.status).toBe(302);
    const stale = await callAction("routes/admin.organizations.tsx", "/admin/organizations", admin, {
      intent: "update",
      id: org.id,
      version: String(org.version),
      code: "MTRI",
      name: "Lost update",
      kind: "MINISTRY",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ status: "conflict", itemId: org.id, current: { name: "Ministry of Trade" } });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Ministry of Trade");
    expect(await db.auditEvent.count({ where: { entityType: "Organization", entityId: org.id } })).toBe(2);
  });

  it("saves Russian and Kazakh names of an organisation and a priority area, audited; a blank one is stored as null", async () => {
    const admin = cookies["admin@qadam.test"];
    const org = await db.organization.findUniqueOrThrow({ where: { code: "MOJ" } });
    const saved = await callAction("routes/admin.organizations.tsx", "/admin/organizations", admin, {
      intent: "update",
      id: org.id,
      version: String(org.version),
      code: org.code,
      name: org.name,
      nameRu: "  Министерство юстиции РК ",
      nameKk: "",
      kind: org.kind,
    });
    expect(saved.status).toBe(302);
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ nameRu: "Министерство юстиции РК", nameKk: null, version: org.version + 1 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "organization.update", entityId: org.id },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(event.before!)).toMatchObject({ nameRu: "Министерство юстиции", nameKk: "Әділет министрлігі" });
    expect(JSON.parse(event.after!)).toMatchObject({ nameRu: "Министерство юстиции РК", nameKk: null });

    const tooLong = await callAction("routes/admin.organizations.tsx", "/admin/organizations", admin, {
      intent: "update",
      id: org.id,
      version: String(after.version),
      code: org.code,
      name: org.name,
      nameRu: "я".repeat(201),
      nameKk: "",
      kind: org.kind,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ fieldErrors: { nameRu: "admin.errors.tooLong" } });

    const area = await db.priorityArea.findFirstOrThrow({ where: { code: "PA4" } });
    const areaSaved = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "updateArea",
      id: area.id,
      version: String(area.version),
      code: area.code,
      name: area.name,
      nameRu: "Развитие финансовых рынков",
      nameKk: "Қаржы нарықтарын дамыту",
      description: area.description,
    });
    expect(areaSaved.status).toBe(302);
    expect(await db.priorityArea.findUniqueOrThrow({ where: { id: area.id } })).toMatchObject({
      nameRu: "Развитие финансовых рынков",
      nameKk: "Қаржы нарықтарын дамыту",
    });
    const areaEvent = await db.auditEvent.findFirstOrThrow({
      where: { action: "priorityArea.update", entityId: area.id },
    });
    expect(JSON.parse(areaEvent.after!)).toMatchObject({ nameRu: "Развитие финансовых рынков" });
  });

  it("refuses a kind change while the organisation has users or implements projects; an empty one may change", async () => {
    const admin = cookies["admin@qadam.test"];
    const file = "routes/admin.organizations.tsx";
    const events = await auditCount();
    // MOT (a ministry) has staff and implements projects: turned into WORLD_BANK its staff would see every WB
    // project, and its projects would no longer have a ministry as implementing agency.
    const mot = await db.organization.findUniqueOrThrow({ where: { code: "MOT" } });
    expect(await db.project.count({ where: { implementingAgencyId: mot.id } })).toBeGreaterThan(0);
    const refused = await callAction(file, "/admin/organizations", admin, {
      intent: "update",
      id: mot.id,
      version: String(mot.version),
      code: mot.code,
      name: mot.name,
      kind: "WORLD_BANK",
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ fieldErrors: { kind: "admin.errors.kindInUse" } });
    expect(await db.organization.findUniqueOrThrow({ where: { id: mot.id } })).toMatchObject({
      kind: "MINISTRY",
      version: mot.version,
    });

    // Users alone (no project) are enough to refuse.
    const staffed = await db.organization.create({
      data: { code: "STAFFED", name: "Staffed ministry", kind: "MINISTRY" },
    });
    await db.user.create({
      data: {
        email: "staff@staffed.test",
        name: "Staff",
        organizationId: staffed.id,
        role: "OFFICER",
        passwordHash: "x",
      },
    });
    const refusedUsers = await callAction(file, "/admin/organizations", admin, {
      intent: "update",
      id: staffed.id,
      version: String(staffed.version),
      code: staffed.code,
      name: staffed.name,
      kind: "IFC",
    });
    expect(refusedUsers.status).toBe(400);
    expect(refusedUsers.body).toMatchObject({ fieldErrors: { kind: "admin.errors.kindInUse" } });
    expect(await auditCount()).toBe(events);

    // Renaming an organisation in use (same kind) is still fine.
    const renamed = await callAction(file, "/admin/organizations", admin, {
      intent: "update",
      id: mot.id,
      version: String(mot.version),
      code: mot.code,
      name: `${mot.name} (renamed)`,
      kind: "MINISTRY",
    });
    expect(renamed.status).toBe(302);

    const empty = await db.organization.create({ data: { code: "EMPTYORG", name: "Empty", kind: "MINISTRY" } });
    const changed = await callAction(file, "/admin/organizations", admin, {
      intent: "update",
      id: empty.id,
      version: String(empty.version),
      code: empty.code,
      name: empty.name,
      kind: "WORLD_BANK",
    });
    expect(changed.status).toBe(302);
    expect((await db.organization.findUniqueOrThrow({ where: { id: empty.id } })).kind).toBe("WORLD_BANK");
  });

  it("refuses a framework envelope too large to store with a field error (400), writing nothing", async () => {
    const admin = cookies["admin@qadam.test"];
    const fw = await db.framework.findUniqueOrThrow({ where: { code: "CPF-2026-2031" } });
    const events = await auditCount();
    const fields = {
      code: fw.code,
      name: fw.name,
      startDate: "2025-07-01",
      endDate: "2031-06-30",
      annualEnvelopeUsd: "999999999999999999999999",
      description: "",
    };
    const updated = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "updateFramework",
      id: fw.id,
      version: String(fw.version),
      ...fields,
    });
    expect(updated.status).toBe(400);
    expect(updated.body).toMatchObject({ fieldErrors: { annualEnvelopeUsd: "admin.errors.amountTooLarge" } });
    const created = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "createFramework",
      ...fields,
      code: "CPF-HUGE",
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ fieldErrors: { annualEnvelopeUsd: "admin.errors.amountTooLarge" } });
    expect(await db.framework.findUniqueOrThrow({ where: { id: fw.id } })).toMatchObject({
      version: fw.version,
      annualEnvelopeMinor: fw.annualEnvelopeMinor,
    });
    expect(await db.framework.findUnique({ where: { code: "CPF-HUGE" } })).toBeNull();
    expect(await auditCount()).toBe(events);
  });

  it("edits a framework's envelope in US dollars (stored as cents) and reorders its areas", async () => {
    const admin = cookies["admin@qadam.test"];
    const fw = await db.framework.findUniqueOrThrow({
      where: { code: "CPF-2026-2031" },
      include: { priorityAreas: { orderBy: { sortOrder: "asc" } } },
    });
    const r = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "updateFramework",
      id: fw.id,
      version: String(fw.version),
      code: fw.code,
      name: fw.name,
      startDate: "2025-07-01",
      endDate: "2031-06-30",
      annualEnvelopeUsd: "1,200,000,000.50",
      description: fw.description,
    });
    expect(r.status).toBe(302);
    const saved = await db.framework.findUniqueOrThrow({ where: { id: fw.id } });
    expect(saved.annualEnvelopeMinor).toBe(120_000_000_050n);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "framework.update", entityId: fw.id } });
    expect(JSON.parse(event.before!)).toMatchObject({ annualEnvelopeMinor: "100000000000" });
    expect(JSON.parse(event.after!)).toMatchObject({ annualEnvelopeMinor: "120000000050" });

    const badDates = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "updateFramework",
      id: fw.id,
      version: String(saved.version),
      code: fw.code,
      name: fw.name,
      startDate: "2031-07-01",
      endDate: "2025-06-30",
      annualEnvelopeUsd: "abc",
      description: "",
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body).toMatchObject({
      fieldErrors: { endDate: "admin.errors.endBeforeStart", annualEnvelopeUsd: "admin.errors.amountInvalid" },
    });

    const second = fw.priorityAreas[1];
    const moved = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "moveArea",
      id: second.id,
      version: String(second.version),
      direction: "up",
    });
    expect(moved.status).toBe(302);
    const order = await db.priorityArea.findMany({ where: { frameworkId: fw.id }, orderBy: { sortOrder: "asc" } });
    expect(order.map((a) => a.code).slice(0, 3)).toEqual([
      second.code,
      fw.priorityAreas[0].code,
      fw.priorityAreas[2].code,
    ]);
    expect(await db.auditEvent.count({ where: { action: "priorityArea.reorder" } })).toBe(2);

    const created = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "createArea",
      frameworkId: fw.id,
      code: "pa7",
      name: "Railway modernisation",
      description: "",
    });
    expect(created.status).toBe(302);
    const last = await db.priorityArea.findFirstOrThrow({
      where: { frameworkId: fw.id },
      orderBy: { sortOrder: "desc" },
    });
    expect(last.code).toBe("PA7");
    const dupArea = await callAction("routes/admin.frameworks.tsx", "/admin/frameworks", admin, {
      intent: "createArea",
      frameworkId: fw.id,
      code: "PA7",
      name: "Again",
      description: "",
    });
    expect(dupArea.status).toBe(400);
    expect(dupArea.body).toMatchObject({
      intent: "createArea",
      itemId: fw.id,
      status: "fieldErrors",
      fieldErrors: { code: "admin.errors.codeTaken" },
    });
  });
});

describe("the users list", () => {
  it("sends each organisation's name in the reader's language only", async () => {
    const justice = await db.organization.findFirstOrThrow({ where: { name: "Ministry of Justice" } });
    const reader = await createActor("ADMIN", { locale: "ru" });
    const loaded = await callLoader(
      "routes/admin.users._index.tsx",
      `/admin/users?organizationId=${justice.id}`,
      reader.cookie,
    );
    expect(loaded.status).toBe(200);
    const body = JSON.stringify(loaded.body);
    expect(justice.nameRu).toBeTruthy();
    expect(body).toContain(JSON.stringify(justice.nameRu));
    // Neither the English nor the Kazakh name travels with the page (the filter's choices included).
    expect(body).not.toContain("Ministry of Justice");
    expect(body).not.toContain(JSON.stringify(justice.nameKk));
    expect(body).not.toContain("nameRu");
  });

  it("pages the accounts with how many match in all; a page past the end shows the last one", async () => {
    const { listUsers } = await import("~/models/admin/users.server");
    const total = await db.user.count();
    const first = await listUsers({ filters: {}, page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total, page: 1, pages: Math.ceil(total / 2), from: 1, to: 2 });
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      seen.push(...(await listUsers({ filters: {}, page, pageSize: 2 })).users.map((u) => u.id));
    }
    expect(new Set(seen).size).toBe(total);
    const past = await listUsers({ filters: {}, page: 999, pageSize: 2 });
    expect(past.page).toBe(first.pages);
    const loaded = await callLoader(
      "routes/admin.users._index.tsx",
      "/admin/users?page=1",
      cookies["admin@qadam.test"],
    );
    expect(loaded.body).toMatchObject({ total, page: 1 });
    const bad = await callLoader("routes/admin.users._index.tsx", "/admin/users?page=0", cookies["admin@qadam.test"]);
    expect(bad.status).toBe(400);
  });

  it("keeps the count and the organisations per state of the database: an audited write shows on the next request", async () => {
    const { createUser, listOrganizationChoices, listUsers } = await import("~/models/admin/users.server");
    const { SYSTEM_CONTEXT } = await import("~/models/audit.server");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@qadam.test" } });
    const filters = { organizationId: admin.organizationId };
    const before = await insideServerRequest(() => listUsers({ filters }));
    expect(before.total).toBe(await db.user.count({ where: filters }));
    const organizations = await insideServerRequest(() => listOrganizationChoices());
    expect(organizations).toBe(await insideServerRequest(() => listOrganizationChoices()));
    expect(organizations.map((o) => o.id)).toEqual(
      (await db.organization.findMany({ orderBy: { name: "asc" }, select: { id: true } })).map((o) => o.id),
    );
    await createUser({
      context: SYSTEM_CONTEXT,
      input: {
        email: "cache.count@qadam.test",
        name: "Cache Count",
        organizationId: admin.organizationId,
        role: "OFFICER",
        locale: "en",
      },
    });
    const after = await insideServerRequest(() => listUsers({ filters }));
    expect(after.total).toBe(before.total + 1);
    expect(await insideServerRequest(() => listOrganizationChoices())).not.toBe(organizations);
  });

  it("filters by search text in any Latin case, organisation, role and status; a wildcard is a character", async () => {
    const { listUsers } = await import("~/models/admin/users.server");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@qadam.test" } });
    const byEmail = await listUsers({ filters: { q: "ADMIN@QADAM" } });
    expect(byEmail.users.map((u) => u.email)).toContain("admin@qadam.test");
    const byName = await listUsers({ filters: { q: admin.name.toUpperCase() } });
    expect(byName.users.map((u) => u.id)).toContain(admin.id);
    // Prisma's `contains` sent "%" as a wildcard and listed everyone; it is a character to find.
    const everyone = await db.user.findMany({ select: { email: true, name: true } });
    expect((await listUsers({ filters: { q: "%" } })).total).toBe(
      everyone.filter((u) => u.email.includes("%") || u.name.includes("%")).length,
    );
    const scoped = await listUsers({
      filters: { organizationId: admin.organizationId, role: admin.role, active: admin.active ? "true" : "false" },
    });
    expect(scoped.total).toBe(
      await db.user.count({
        where: { organizationId: admin.organizationId, role: admin.role, active: admin.active },
      }),
    );
    expect(scoped.users.every((u) => u.organizationId === admin.organizationId && u.role === admin.role)).toBe(true);
    const row = scoped.users.find((u) => u.id === admin.id);
    expect(row).toMatchObject({ email: "admin@qadam.test", sessionCount: expect.any(Number) });
  });
});
