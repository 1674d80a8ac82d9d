// Every form action under app/routes meets hostile input (tests/helpers/arbitraries.ts): a valid form, posted by a
// user allowed to send it, with fields replaced by very long or empty strings, control characters, right-to-left
// marks, emoji, NaN, Infinity, huge numbers and impossible dates, fields repeated or missing, wrong intents and
// unknown fields. The answer must be a 4xx with a clear message (an ActionResult whose messages are English i18n
// keys, or a Response with a body), never a 500, and a refused request must leave the database as it was (the row
// count of every table and the audit chain's head). A success (2xx/3xx) is allowed when the mutated form happens to
// be valid. Malformed bodies (JSON, a broken multipart boundary) are a 400 too.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isTranslationKey } from "~/i18n/keys";
import { auditContextFor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { todayIsoDay } from "~/lib/dates";
import { ROUTE_ACCESS } from "~/lib/route-access";
import { createSessionCookie } from "~/lib/session.server";
import { issueLink } from "~/models/account-links.server";
import { createFramework } from "~/models/admin/frameworks.server";
import { createOrganization } from "~/models/admin/organizations.server";
import { createPriorityArea } from "~/models/admin/priority-areas.server";
import { reportIndicatorValue } from "~/models/indicator-value.server";
import { createIndicator } from "~/models/indicator.server";
import { addMember } from "~/models/membership.server";
import { submitMilestoneUpdate } from "~/models/milestone-update.server";
import { createMilestone } from "~/models/milestone.server";
import { toProjectFormValues } from "~/models/project/form.server";
import { createProject } from "~/models/project/write.server";
import { reviewSubmissions } from "~/models/review/decide.server";
import { CreateAreaSchema, CreateFrameworkSchema, CreateOrganizationSchema } from "~/schemas/admin";
import { IndicatorCreateSchema, indicatorValueSchema } from "~/schemas/indicator";
import { MilestoneCreateSchema, milestoneUpdateSchema } from "~/schemas/milestone";
import { ProjectCreateSchema } from "~/schemas/project";
import { itemKey } from "~/schemas/review";
import { cookiePair, createTestUser, TEST_PASSWORD } from "../helpers/auth";
import { formEntries, hostileForm, hostileString, type FormEntries, type FormPlan } from "../helpers/arbitraries";
import { importRouteModule, type RouteModule } from "../helpers/route-harness";

// ---------------------------------------------------------------------------------------------------------------
// Answers

type Answer = { status: number; location: string | null; body: unknown; thrown: string | null };

const REFUSALS = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429]);

function isDataWithInit(
  value: unknown,
): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function answerOf(value: unknown): Promise<Answer> {
  if (value instanceof Response) {
    const body = await value.text();
    return { status: value.status, location: value.headers.get("Location"), body, thrown: null };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: headers.get("Location"), body: value.data, thrown: null };
  }
  return { status: 200, location: null, body: value, thrown: null };
}

async function callAction(
  action: NonNullable<RouteModule["action"]>,
  request: Request,
  params: Record<string, string>,
) {
  try {
    return await answerOf(await action({ request, params, context: {} }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return answerOf(thrown);
    const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    return { status: 500, location: null, body: null, thrown: message };
  }
}

/** The messages of an ActionResult (its message key and field errors); null when the body is not one. */
function actionResultMessages(body: unknown): string[] | null {
  if (!body || typeof body !== "object" || !("intent" in body) || !("status" in body)) return null;
  const messages: string[] = [];
  if ("messageKey" in body && typeof body.messageKey === "string") messages.push(body.messageKey);
  if ("fieldErrors" in body && body.fieldErrors && typeof body.fieldErrors === "object")
    for (const message of Object.values(body.fieldErrors)) messages.push(String(message));
  return messages;
}

/** What is wrong with a refusal's answer (empty when it is a clear 4xx). */
function refusalProblems(answer: Answer): string[] {
  if (answer.thrown) return [`threw ${answer.thrown}`];
  if (!REFUSALS.has(answer.status)) return [`status ${answer.status}`];
  if (typeof answer.body === "string") return answer.body.trim() ? [] : ["an empty body"];
  const messages = actionResultMessages(answer.body);
  if (messages === null) return [`a body that is neither text nor an ActionResult: ${JSON.stringify(answer.body)}`];
  if (answer.status === 409 && (answer.body as { status?: unknown }).status === "conflict") return [];
  if (messages.length === 0) return ["an ActionResult without a message"];
  return messages.filter((m) => !isTranslationKey(m)).map((m) => `message "${m}" is not an English i18n key`);
}

// ---------------------------------------------------------------------------------------------------------------
// The database before and after

type Snapshot = { counts: Record<string, number>; auditHead: string | null };

let countQuery: string | null = null;

/** The row count of every table in one statement (it runs twice per generated request). */
async function snapshot(): Promise<Snapshot> {
  if (countQuery === null) {
    const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
    );
    countQuery = tables.map(({ name }) => `SELECT '${name}' AS name, COUNT(*) AS n FROM "${name}"`).join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<Array<{ name: string; n: number | bigint }>>(countQuery);
  const counts = Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  const head = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  return { counts, auditHead: head?.hash ?? null };
}

/** Tables a recorded refusal may write (a failed sign-in or password check is counted and audited by design). */
const SECURITY_RECORDS = new Set(["AuditEvent", "LoginThrottle", "User"]);

function changes(before: Snapshot, after: Snapshot, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [table, count] of Object.entries(after.counts))
    if (before.counts[table] !== count && !allowed.has(table)) out.push(`${table}: ${before.counts[table]} → ${count}`);
  if (before.auditHead !== after.auditHead && !allowed.has("AuditEvent")) out.push("the audit chain moved");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The records the forms act on

type Signed = { id: string; email: string; cookie: string };

const world = {} as {
  admin: Signed;
  manager: Signed;
  officer: Signed;
  loginUser: Signed;
  target: Signed;
  candidate: Signed;
  bankOrgId: string;
  ministryId: string;
  editableOrgId: string;
  frameworkId: string;
  areaId: string;
  projectId: string;
  archiveProjectId: string;
  milestoneId: string;
  indicatorId: string;
};

async function signedIn(options: Parameters<typeof createTestUser>[1]): Promise<Signed> {
  const user = await createTestUser(db, options);
  const cookie = cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: "vitest" }));
  return { id: user.id, email: user.email, cookie };
}

const adminContext = () => auditContextFor(world.admin);

let codeCounter = 0;
const uniqueCode = (prefix: string) => `${prefix}${String(++codeCounter).padStart(3, "0")}${randomUUID().slice(0, 4)}`;
/** A World Bank P-number no other project of this file has. */
const projectCode = () => `P${String(100_000 + Math.floor(Math.random() * 899_999))}`;

async function newProject(code: string): Promise<string> {
  const projectId = await createProject({
    actor: { ...world.admin, role: "ADMIN", organizationId: world.bankOrgId, organizationKind: "WORLD_BANK" },
    context: adminContext(),
    input: ProjectCreateSchema.parse({
      code,
      name: "Hostile input road",
      description: "",
      institution: "WB",
      instrument: "IPF",
      implementingAgencyId: world.ministryId,
      priorityAreaId: world.areaId,
      sectorCode: "21010",
      status: "ACTIVE",
      approvalDate: "2024-01-15",
      effectivenessDate: "2024-03-01",
      mtrPlannedDate: "",
      mtrActualDate: "",
      closingOriginalDate: "2029-12-31",
      closingRevisedDate: "",
      commitmentUsd: "1000000",
      disbursedUsd: "1000",
      narrative: "",
    }),
  });
  const place = { institution: "WB" as const, implementingAgencyId: world.ministryId };
  for (const [user, capacity] of [
    [world.manager, "TASK_TEAM_LEADER"],
    [world.officer, "PROJECT_OFFICER"],
  ] as const)
    await addMember({ context: adminContext(), projectId, project: place, userId: user.id, capacity });
  return projectId;
}

beforeAll(async () => {
  const bank = { orgKind: "WORLD_BANK" as const, orgCode: "HOSTILE-WB" };
  world.admin = await signedIn({ ...bank, role: "ADMIN" });
  world.manager = await signedIn({ ...bank, role: "MANAGER" });
  world.officer = await signedIn({ ...bank, role: "OFFICER" });
  world.loginUser = await signedIn({ ...bank, role: "OFFICER" });
  world.target = await signedIn({ ...bank, role: "OFFICER" });
  world.candidate = await signedIn({ ...bank, role: "OFFICER" });
  world.bankOrgId = (await db.organization.findUniqueOrThrow({ where: { code: "HOSTILE-WB" } })).id;
  const organization = (code: string) =>
    createOrganization({
      context: adminContext(),
      input: CreateOrganizationSchema.parse({ intent: "create", code, name: `Ministry ${code}`, kind: "MINISTRY" }),
    });
  world.ministryId = (await organization("HOSTILE-MIN")).id;
  world.editableOrgId = (await organization("HOSTILE-EDIT")).id;
  world.frameworkId = (
    await createFramework({
      context: adminContext(),
      input: CreateFrameworkSchema.parse({
        intent: "createFramework",
        code: "HOSTILE-CPF",
        name: "Hostile framework",
        startDate: "2024-01-01",
        endDate: "2030-12-31",
        annualEnvelopeUsd: "1000000000",
      }),
    })
  ).id;
  world.areaId = (
    await createPriorityArea({
      context: adminContext(),
      input: CreateAreaSchema.parse({ intent: "createArea", frameworkId: world.frameworkId, code: "A1", name: "Area" }),
    })
  ).id;
  world.projectId = await newProject(projectCode());
  world.archiveProjectId = await newProject(projectCode());
  world.milestoneId = await createMilestone({
    projectId: world.projectId,
    input: MilestoneCreateSchema.parse({
      title: "Bridge opened",
      baselineDueDate: "2027-06-30",
      ownerId: world.officer.id,
      status: "IN_PROGRESS",
    }),
    context: adminContext(),
  });
  world.indicatorId = await createIndicator({
    projectId: world.projectId,
    input: IndicatorCreateSchema.parse({
      code: "PDO1",
      name: "Travel time",
      type: "PDO",
      unit: "minutes",
      measure: "UNIT",
      ascending: "false",
      baselineValue: "90",
      targetValue: "45",
      frequency: "ANNUAL",
    }),
    context: adminContext(),
  });
}, 60_000);

/** A pending milestone update by the officer (submitted now unless one waits), for the review forms. */
async function pendingMilestoneUpdate(): Promise<{ id: string; version: number }> {
  const waiting = await db.milestoneUpdate.findFirst({
    where: { milestoneId: world.milestoneId, reviewState: "SUBMITTED" },
    select: { id: true, version: true },
  });
  if (waiting) return waiting;
  const milestone = await db.milestone.findUniqueOrThrow({ where: { id: world.milestoneId } });
  await submitMilestoneUpdate({
    milestone: { id: world.milestoneId, projectId: world.projectId },
    authorId: world.officer.id,
    input: milestoneUpdateSchema({ currentDueDate: milestone.currentDueDate.toISOString() }).parse({
      proposedStatus: "IN_PROGRESS",
      proposedPercent: "40",
      narrative: "On track.",
    }),
    context: auditContextFor(world.officer),
  });
  return pendingMilestoneUpdate();
}

/** The officer's update, returned to them by the manager (returned now unless one is), for the resubmit form. */
async function returnedMilestoneUpdate(): Promise<{ id: string; version: number }> {
  const returned = await db.milestoneUpdate.findFirst({
    where: { milestoneId: world.milestoneId, reviewState: "RETURNED", authorId: world.officer.id },
    select: { id: true, version: true },
  });
  if (returned) return returned;
  const pending = await pendingMilestoneUpdate();
  await reviewSubmissions({
    actor: { id: world.manager.id, role: "MANAGER", organizationId: world.bankOrgId, organizationKind: "WORLD_BANK" },
    items: [{ kind: "milestoneUpdate", ...pending }],
    decision: "return",
    comment: "Add the photos.",
    context: auditContextFor(world.manager),
  });
  return returnedMilestoneUpdate();
}

let reportedPeriods = 0;
/** A past year not reported yet (the indicator is annual with no baseline or target date: every past year is open). */
function nextReportedYear(): number {
  return new Date().getUTCFullYear() - 1 - reportedPeriods++;
}
/** A pending indicator value by the officer (a new period each time one is needed). */
async function pendingIndicatorValue(): Promise<{ id: string; version: number }> {
  const waiting = await db.indicatorValue.findFirst({
    where: { indicatorId: world.indicatorId, state: "SUBMITTED" },
    select: { id: true, version: true },
  });
  if (waiting) return waiting;
  const year = nextReportedYear();
  await reportIndicatorValue({
    indicator: { id: world.indicatorId, projectId: world.projectId },
    reporterId: world.officer.id,
    input: indicatorValueSchema({
      frequency: "ANNUAL",
      baselineDate: null,
      targetDate: null,
      today: todayIsoDay(),
    }).parse({ period: String(year), value: "80" }),
    context: auditContextFor(world.officer),
  });
  return pendingIndicatorValue();
}

async function projectForm(projectId: string): Promise<Record<string, string>> {
  const row = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  const { version, ...values } = toProjectFormValues(row);
  return { ...values, version: String(version) };
}

const userVersion = async (id: string) => String((await db.user.findUniqueOrThrow({ where: { id } })).version);
const activeUserVersion = async (id: string) => {
  await db.user.updateMany({ where: { id, active: false }, data: { active: true } });
  return userVersion(id);
};

// ---------------------------------------------------------------------------------------------------------------
// One entry per form an action serves

type FormSpec = {
  /** The route file, as in ROUTE_ACCESS. */
  file: string;
  label: string;
  /** Who posts (a user allowed to), as a session cookie; built per request when the action ends sessions. */
  cookie: () => Promise<string | null>;
  params?: () => Record<string, string>;
  /** A valid form, read fresh before each request (versions move when a mutated form happens to be valid). */
  valid: () => Promise<Record<string, string>>;
  /** Other values worth trying per field; read after the records exist. */
  alternatives?: () => Record<string, readonly string[]>;
  numRuns?: number;
  /** The action signs out: its success is the sign-in page. */
  signsOut?: true;
  /** A refusal that the app records on purpose (failed credentials): security records may change. */
  recorded?: (answer: Answer) => boolean;
};

const as = (who: keyof Pick<typeof world, "admin" | "manager" | "officer">) => async () => world[who].cookie;
const projectParams = () => ({ projectId: world.projectId });
const today = todayIsoDay();

const SPECS: FormSpec[] = [
  {
    file: "routes/login.tsx",
    label: "sign in",
    cookie: async () => null,
    valid: async () => ({ email: world.loginUser.email, password: TEST_PASSWORD, redirectTo: "/projects" }),
    alternatives: () => ({ redirectTo: ["//evil.test", "https://evil.test/", "/\\evil.test", "javascript:alert(1)"] }),
    numRuns: 25,
    recorded: (answer) => answer.status === 401 || answer.status === 429,
  },
  {
    file: "routes/forgot-password.tsx",
    label: "forgot password",
    cookie: async () => null,
    valid: async () => ({ email: `${uniqueCode("forgot").toLowerCase()}@qadam.test` }),
    // Its success is the sign-in page, where the confirmation is shown.
    signsOut: true,
    numRuns: 15,
    // The throttle answers 429 and keeps its counts: a security record like sign-in's.
    recorded: (answer) => answer.status === 429,
  },
  ...(["invite", "reset-password"] as const).map((page): FormSpec => ({
    file: `routes/${page}.tsx`,
    label: `${page} link`,
    cookie: async () => null,
    // A fresh user and link per request: a valid post uses the link up.
    valid: async () => {
      const user = await createTestUser(db, { role: "OFFICER" });
      const purpose = page === "invite" ? "INVITATION" : "PASSWORD_RESET";
      const link = await db.$transaction((tx) => issueLink(tx, { userId: user.id, purpose, createdById: null }));
      return { token: link.token, password: "a long chosen passphrase", confirmPassword: "a long chosen passphrase" };
    },
    numRuns: 15,
  })),
  {
    file: "routes/admin.mail.tsx",
    label: "send a failed message again",
    cookie: as("admin"),
    valid: async () => {
      const row = await db.outboxMessage.create({
        data: {
          idempotencyKey: randomUUID(),
          kind: "invitation",
          toAddress: "someone@qadam.test",
          locale: "en",
          subject: "s",
          text: "t",
          html: "<p>h</p>",
          state: "FAILED",
          attempts: 8,
        },
      });
      return { intent: "retry", id: row.id };
    },
    numRuns: 15,
  },
  {
    file: "routes/logout.tsx",
    label: "sign out",
    signsOut: true,
    cookie: async () => (await signedIn({ orgKind: "WORLD_BANK", orgCode: "HOSTILE-WB", role: "OFFICER" })).cookie,
    valid: async () => ({}),
    numRuns: 15,
  },
  {
    file: "routes/account.language.tsx",
    label: "language",
    cookie: as("officer"),
    valid: async () => ({ locale: "ru", redirectTo: "/projects" }),
    alternatives: () => ({ locale: ["en", "kk", "de", "EN"] }),
  },
  {
    file: "routes/account.password.tsx",
    label: "change password",
    // The officer of each request is new: a valid change ends every session of its user.
    cookie: async () => (await signedIn({ orgKind: "WORLD_BANK", orgCode: "HOSTILE-WB", role: "OFFICER" })).cookie,
    valid: async () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: "another long passphrase",
      confirmPassword: "another long passphrase",
    }),
    numRuns: 25,
    recorded: (answer) => {
      const errors = (answer.body as { fieldErrors?: Record<string, string> } | null)?.fieldErrors;
      const messageKey = (answer.body as { messageKey?: string } | null)?.messageKey;
      return (
        errors?.currentPassword === "auth.password.wrongCurrent" ||
        errors?.currentPassword === "auth.password.throttled" ||
        messageKey === "auth.login.throttled"
      );
    },
  },
  {
    file: "routes/account.notifications.tsx",
    label: "notification settings",
    cookie: as("officer"),
    valid: async () => ({ digest: "DAILY", eventMessages: "on" }),
    alternatives: () => ({ digest: ["WEEKLY", "OFF", "weekly", "HOURLY"], eventMessages: ["", "true", "off"] }),
  },
  {
    file: "routes/notifications.tsx",
    label: "notifications",
    cookie: as("officer"),
    valid: async () => ({ intent: "markAllRead" }),
    alternatives: () => ({ intent: ["markRead", "deleteAll"] }),
  },
  {
    file: "routes/admin._index.tsx",
    label: "run reminders",
    cookie: as("admin"),
    valid: async () => ({ intent: "runReminders" }),
    alternatives: () => ({ intent: ["runreminders", "sendAll"] }),
    // Each valid request runs the whole reminder job: a few are enough.
    numRuns: 5,
  },
  {
    file: "routes/admin.users.new.tsx",
    label: "create user",
    cookie: as("admin"),
    valid: async () => ({
      email: `${uniqueCode("new").toLowerCase()}@qadam.test`,
      name: "New Person",
      organizationId: world.bankOrgId,
      role: "OFFICER",
      locale: "en",
    }),
    alternatives: () => ({ organizationId: ["no-such-org"], role: ["ROOT", "admin"], email: [world.officer.email] }),
    numRuns: 40,
  },
  ...(["update", "sendResetLink", "deactivate"] as const).map((intent): FormSpec => ({
    file: "routes/admin.users.$userId.tsx",
    label: `user ${intent}`,
    cookie: as("admin"),
    params: () => ({ userId: world.target.id }),
    valid: async () => ({
      intent,
      // A mutated form of an earlier run may have deactivated the target (a valid "deactivate"): a reset link for a
      // deactivated account is refused on purpose, so each form starts from an active account.
      version: await activeUserVersion(world.target.id),
      ...(intent === "update"
        ? { name: "Renamed", organizationId: world.bankOrgId, role: "OFFICER", locale: "kk" }
        : {}),
    }),
    alternatives: () => ({
      intent: ["update", "sendResetLink", "deactivate", "reactivate", "delete"],
      organizationId: ["no-such-org"],
      version: ["0", "999999"],
    }),
    numRuns: 30,
  })),
  {
    file: "routes/admin.organizations.tsx",
    label: "create organisation",
    cookie: as("admin"),
    valid: async () => ({
      intent: "create",
      code: uniqueCode("ORG"),
      name: "Ministry",
      nameRu: "",
      nameKk: "",
      kind: "MINISTRY",
    }),
    alternatives: () => ({ intent: ["update"], code: ["HOSTILE-MIN"], kind: ["WORLD_BANK", "PLANET"] }),
    numRuns: 40,
  },
  {
    file: "routes/admin.organizations.tsx",
    label: "update organisation",
    cookie: as("admin"),
    valid: async () => {
      const org = await db.organization.findUniqueOrThrow({ where: { id: world.editableOrgId } });
      return {
        intent: "update",
        id: org.id,
        version: String(org.version),
        code: org.code,
        name: org.name,
        kind: "MINISTRY",
      };
    },
    alternatives: () => ({ id: [world.ministryId, "no-such-org"], code: ["HOSTILE-MIN"], version: ["0", "999999"] }),
    numRuns: 40,
  },
  ...(["createFramework", "updateFramework"] as const).map((intent): FormSpec => ({
    file: "routes/admin.frameworks.tsx",
    label: intent,
    cookie: as("admin"),
    valid: async () => {
      const framework = await db.framework.findUniqueOrThrow({ where: { id: world.frameworkId } });
      const fields = {
        name: "Framework",
        startDate: "2024-01-01",
        endDate: "2030-12-31",
        annualEnvelopeUsd: "1,000,000",
        description: "",
      };
      return intent === "createFramework"
        ? { intent, code: uniqueCode("CPF"), ...fields }
        : { intent, id: framework.id, version: String(framework.version), code: framework.code, ...fields };
    },
    alternatives: () => ({ intent: ["createArea", "moveArea"], id: ["no-such-framework"], code: ["HOSTILE-CPF"] }),
    numRuns: 30,
  })),
  ...(["createArea", "updateArea", "moveArea"] as const).map((intent): FormSpec => ({
    file: "routes/admin.frameworks.tsx",
    label: intent,
    cookie: as("admin"),
    valid: async (): Promise<Record<string, string>> => {
      const area = await db.priorityArea.findUniqueOrThrow({ where: { id: world.areaId } });
      if (intent === "createArea")
        return { intent, frameworkId: world.frameworkId, code: uniqueCode("A"), name: "Area", description: "" };
      if (intent === "moveArea") return { intent, id: area.id, version: String(area.version), direction: "down" };
      return { intent, id: area.id, version: String(area.version), code: area.code, name: "Area", description: "" };
    },
    alternatives: () => ({ frameworkId: ["no-such-framework"], id: ["no-such-area"], direction: ["sideways", "UP"] }),
    numRuns: 30,
  })),
  {
    file: "routes/projects.new.tsx",
    label: "create project",
    cookie: as("manager"),
    valid: async () => {
      const { version: _version, ...form } = await projectForm(world.projectId);
      return { ...form, code: projectCode() };
    },
    alternatives: () => ({
      institution: ["IFC", "JOINT"],
      implementingAgencyId: [world.bankOrgId, "no-such-org"],
      priorityAreaId: ["no-such-area"],
    }),
  },
  {
    file: "routes/projects.$projectId.edit.tsx",
    label: "save project",
    cookie: as("manager"),
    params: projectParams,
    valid: async () => ({ intent: "save", ...(await projectForm(world.projectId)) }),
    alternatives: () => ({
      intent: ["archive", "restore", "delete"],
      version: ["0", "999999"],
      institution: ["IFC", "JOINT"],
      implementingAgencyId: [world.editableOrgId, "no-such-org"],
      priorityAreaId: ["no-such-area"],
    }),
  },
  {
    file: "routes/projects.$projectId.edit.tsx",
    label: "archive project",
    cookie: as("manager"),
    params: () => ({ projectId: world.archiveProjectId }),
    valid: async () => ({ intent: "archive", reason: "Cancelled by the government." }),
    alternatives: () => ({ intent: ["restore", "save"] }),
    numRuns: 40,
  },
  {
    file: "routes/projects.$projectId.milestones._index.tsx",
    label: "create milestone",
    cookie: as("manager"),
    params: projectParams,
    valid: async () => ({
      intent: "create",
      title: "Tender signed",
      description: "",
      baselineDueDate: "2027-01-31",
      ownerId: world.officer.id,
      status: "NOT_STARTED",
    }),
    alternatives: () => ({ ownerId: [world.candidate.id, world.admin.id, "no-such-user"], intent: ["edit"] }),
  },
  {
    file: "routes/projects.$projectId.milestones.$milestoneId.tsx",
    label: "edit milestone",
    cookie: as("manager"),
    params: () => ({ projectId: world.projectId, milestoneId: world.milestoneId }),
    valid: async () => {
      const m = await db.milestone.findUniqueOrThrow({ where: { id: world.milestoneId } });
      return {
        intent: "edit",
        version: String(m.version),
        title: m.title,
        description: m.description ?? "",
        ownerId: world.officer.id,
        status: "IN_PROGRESS",
        percentComplete: "50",
        currentDueDate: "2027-09-30",
        dueDateReason: "Rains.",
      };
    },
    alternatives: () => ({ intent: ["submitUpdate", "resubmit"], ownerId: [world.candidate.id, "no-such-user"] }),
  },
  ...(["submitUpdate", "resubmit"] as const).map((intent): FormSpec => ({
    file: "routes/projects.$projectId.milestones.$milestoneId.tsx",
    label: `milestone ${intent}`,
    cookie: as("officer"),
    params: () => ({ projectId: world.projectId, milestoneId: world.milestoneId }),
    valid: async () => {
      const pending = intent === "resubmit" ? await returnedMilestoneUpdate() : null;
      return {
        intent,
        ...(pending ? { updateId: pending.id, version: String(pending.version) } : {}),
        proposedStatus: "IN_PROGRESS",
        proposedPercent: "60",
        proposedDueDate: "2028-01-31",
        dueDateReason: "Rains.",
        narrative: "Progress.",
        evidenceLinks: "https://example.org/report.pdf",
      };
    },
    alternatives: () => ({ intent: ["edit"], updateId: ["no-such-update"], evidenceLinks: ["javascript:alert(1)"] }),
    numRuns: 40,
  })),
  {
    file: "routes/projects.$projectId.indicators._index.tsx",
    label: "create indicator",
    cookie: as("manager"),
    params: projectParams,
    valid: async () => ({
      intent: "create",
      code: uniqueCode("IND"),
      name: "Households connected",
      type: "INTERMEDIATE",
      unit: "households",
      measure: "UNIT",
      ascending: "true",
      baselineValue: "0",
      baselineDate: "2024-01-01",
      targetValue: "1000",
      targetDate: "2029-12-31",
      frequency: "ANNUAL",
      dataSource: "",
      responsibleAgency: "",
      "targets.0.periodEnd": "2026-12-31",
      "targets.0.value": "500",
    }),
    alternatives: () => ({ code: ["PDO1"], "targets.0.periodEnd": ["2026-02-30"] }),
  },
  {
    file: "routes/projects.$projectId.indicators.$indicatorId.tsx",
    label: "edit indicator",
    cookie: as("manager"),
    params: () => ({ projectId: world.projectId, indicatorId: world.indicatorId }),
    valid: async () => {
      const i = await db.indicator.findUniqueOrThrow({ where: { id: world.indicatorId } });
      return {
        intent: "edit",
        version: String(i.version),
        name: i.name,
        type: "PDO",
        unit: i.unit,
        measure: "UNIT",
        ascending: "false",
        baselineValue: "90",
        targetValue: "40",
        frequency: "ANNUAL",
        revisionNote: "New survey.",
      };
    },
    alternatives: () => ({ intent: ["report", "verify", "return"] }),
  },
  {
    file: "routes/projects.$projectId.indicators.$indicatorId.tsx",
    label: "report indicator value",
    cookie: as("officer"),
    params: () => ({ projectId: world.projectId, indicatorId: world.indicatorId }),
    valid: async () => {
      return { intent: "report", period: String(nextReportedYear()), value: "75", comment: "" };
    },
    alternatives: () => ({ intent: ["verify", "edit"] }),
  },
  ...(["verify", "return"] as const).map((intent): FormSpec => ({
    file: "routes/projects.$projectId.indicators.$indicatorId.tsx",
    label: `indicator value ${intent}`,
    cookie: as("manager"),
    params: () => ({ projectId: world.projectId, indicatorId: world.indicatorId }),
    valid: async () => {
      const value = await pendingIndicatorValue();
      return { intent, kind: "indicatorValue", id: value.id, version: String(value.version), comment: "Checked." };
    },
    alternatives: () => ({ kind: ["milestoneUpdate"], id: ["no-such-value"], version: ["0", "999999999"] }),
    numRuns: 40,
  })),
  {
    file: "routes/projects.$projectId.ratings.tsx",
    label: "record rating",
    cookie: as("manager"),
    params: projectParams,
    valid: async () => ({
      ratedOn: today,
      pdoRating: "MS",
      ipRating: "S",
      riskRating: "M",
      justification: "Works progress but procurement is slow this year.",
    }),
    alternatives: () => ({ ratedOn: ["2999-01-01", "2026-02-30"], pdoRating: ["A", "hs"] }),
  },
  {
    file: "routes/projects.$projectId.team.tsx",
    label: "add member",
    cookie: as("admin"),
    params: projectParams,
    valid: async () => ({ intent: "add", userId: world.candidate.id, capacity: "REVIEWER" }),
    alternatives: () => ({ userId: [world.officer.id, world.admin.id, "no-such-user"], intent: ["remove"] }),
    numRuns: 40,
  },
  {
    file: "routes/projects.$projectId.team.tsx",
    label: "remove member",
    cookie: as("admin"),
    params: projectParams,
    valid: async () => {
      const member = await db.projectMember.findFirst({
        where: { projectId: world.projectId, userId: world.candidate.id },
        select: { id: true },
      });
      return { intent: "remove", memberId: member?.id ?? "no-member" };
    },
    alternatives: () => ({ intent: ["add"], memberId: ["no-such-member"] }),
    numRuns: 40,
  },
  ...(["approve", "return"] as const).map((intent): FormSpec => ({
    file: "routes/reviews.tsx",
    label: `review ${intent}`,
    cookie: as("manager"),
    valid: async () => {
      const update = await pendingMilestoneUpdate();
      return { intent, kind: "milestoneUpdate", id: update.id, version: String(update.version), comment: "Seen." };
    },
    alternatives: () => ({ intent: ["bulkApprove"], kind: ["indicatorValue"], id: ["no-such-update"], version: ["0"] }),
    numRuns: 40,
  })),
  {
    file: "routes/reviews.tsx",
    label: "review bulkApprove",
    cookie: as("manager"),
    valid: async () => {
      const update = await pendingMilestoneUpdate();
      return { intent: "bulkApprove", items: itemKey("milestoneUpdate", update.id, update.version) };
    },
    alternatives: () => ({ items: ["milestoneUpdate:no-such:1", "indicatorValue:x:999999999"] }),
    numRuns: 40,
  },
];

// ---------------------------------------------------------------------------------------------------------------

function postForm(path: string, cookie: string | null, entries: FormEntries): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(path, "http://localhost"), {
    method: "POST",
    headers,
    body: new URLSearchParams(entries).toString(),
  });
}

async function actionOf(file: string) {
  const action = (await importRouteModule(file)).action;
  if (!action) throw new Error(`${file} has no action`);
  return action;
}

describe("every action is driven", () => {
  it("each route with an action has at least one form here", () => {
    const withAction = Object.entries(ROUTE_ACCESS)
      .filter(([, access]) => access.action !== undefined)
      .map(([file]) => file);
    const driven = new Set([...SPECS.map((spec) => spec.file), ...UPLOAD_ROUTES]);
    expect(withAction.filter((file) => !driven.has(file))).toEqual([]);
  });
});

describe("the before/after comparison sees writes", () => {
  it("a new row and a new audit event", async () => {
    const before = await snapshot();
    const input = CreateOrganizationSchema.parse({
      intent: "create",
      code: uniqueCode("SEEN"),
      name: "Seen",
      kind: "MINISTRY",
    });
    await createOrganization({ context: adminContext(), input });
    expect(changes(before, await snapshot(), new Set())).toEqual([
      `AuditEvent: ${before.counts.AuditEvent} → ${before.counts.AuditEvent + 1}`,
      `Organization: ${before.counts.Organization} → ${before.counts.Organization + 1}`,
      "the audit chain moved",
    ]);
  });
});

describe("hostile forms get a clear 4xx and change nothing", () => {
  for (const spec of SPECS) {
    it(`${spec.file} (${spec.label})`, async () => {
      const action = await actionOf(spec.file);
      const fields = Object.keys(await spec.valid());
      // The valid form is valid: the mutations below start from a form that reaches the model.
      const control = await callAction(
        action,
        postForm("/", await spec.cookie(), Object.entries(await spec.valid())),
        spec.params?.() ?? {},
      );
      expect({ status: control.status, body: control.body }).toMatchObject({ status: 302 });
      await fc.assert(
        fc.asyncProperty(hostileForm(fields, { alternatives: spec.alternatives?.() }), async (plan: FormPlan) => {
          const cookie = await spec.cookie();
          const entries = formEntries(plan, await spec.valid());
          const before = await snapshot();
          const answer = await callAction(action, postForm("/", cookie, entries), spec.params?.() ?? {});
          if (answer.status >= 200 && answer.status < 400 && !answer.thrown) {
            // A valid form after all: done. A bounce to the sign-in page would mean the harness lost its session.
            if (!spec.signsOut) expect(answer.location ?? "", "redirected to sign in").not.toMatch(/^\/login/);
            return;
          }
          expect(refusalProblems(answer), JSON.stringify(entries).slice(0, 500)).toEqual([]);
          const allowed = spec.recorded?.(answer) ? SECURITY_RECORDS : new Set<string>();
          expect(changes(before, await snapshot(), allowed), "a refused request changed the database").toEqual([]);
        }),
        { numRuns: spec.numRuns ?? 40 },
      );
    });
  }
});

// Routes that take a file (multipart) and answer a dry run rather than a redirect: driven below with hostile fields
// and bytes; what a hostile file holds (zip bombs, macros, formulas…) is tested on the parser itself.
const UPLOAD_ROUTES = ["routes/import._index.tsx"];

/** A multipart post as a browser sends it, with its length (the upload route refuses a body without one). */
async function multipartPost(path: string, cookie: string, body: FormData): Promise<Request> {
  const encoded = new Response(body);
  const bytes = await encoded.arrayBuffer();
  const headers = new Headers({ Cookie: cookie, Origin: "http://localhost" });
  headers.set("Content-Type", encoded.headers.get("Content-Type") ?? "multipart/form-data");
  headers.set("Content-Length", String(bytes.byteLength));
  return new Request(new URL(path, "http://localhost"), { method: "POST", headers, body: bytes });
}

describe("the spreadsheet upload refuses hostile posts with a clear 4xx and changes nothing", () => {
  it("any intent, check value, file name and bytes; and a form without a file", async () => {
    const action = await actionOf("routes/import._index.tsx");
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const post = fc.record({
      intent: maybe(fc.oneof(fc.constantFrom("check", "apply"), hostileString)),
      checked: maybe(hostileString),
      name: maybe(fc.oneof(fc.constantFrom("values.xlsx", "values.csv", "values.xlsm"), hostileString)),
      bytes: maybe(fc.uint8Array({ maxLength: 4096 })),
    });
    await fc.assert(
      fc.asyncProperty(post, async ({ intent, checked, name, bytes }) => {
        const body = new FormData();
        if (intent !== undefined) body.set("intent", intent);
        if (checked !== undefined) body.set("checked", checked);
        if (bytes !== undefined) body.set("file", new File([bytes], name ?? "values.xlsx"));
        const before = await snapshot();
        const answer = await callAction(action, await multipartPost("/import", world.officer.cookie, body), {});
        expect(refusalProblems(answer), JSON.stringify({ intent, checked, name, size: bytes?.length })).toEqual([]);
        expect(changes(before, await snapshot(), new Set()), "a refused upload changed the database").toEqual([]);
      }),
      { numRuns: 40 },
    );
    // A plain form post (no multipart at all) is refused the same way.
    const plain = await callAction(action, postForm("/import", world.officer.cookie, [["intent", "apply"]]), {});
    expect(refusalProblems(plain)).toEqual([]);
  });
});

describe("evidence files that are not what they claim are refused with a clear 4xx and change nothing", () => {
  it("a milestone update with any file name and bytes that are no accepted type", async () => {
    const action = await actionOf("routes/projects.$projectId.milestones.$milestoneId.tsx");
    const post = fc.record({
      names: fc.array(fc.oneof(fc.constantFrom("report.pdf", "photo.png", "plan.docx", "x.svg"), hostileString), {
        minLength: 1,
        maxLength: 7,
      }),
      // A leading "x" keeps the bytes from ever starting with a PDF, PNG, JPEG or ZIP signature.
      bytes: fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([0x78, ...tail])),
    });
    await fc.assert(
      fc.asyncProperty(post, async ({ names, bytes }) => {
        const body = new FormData();
        for (const [key, value] of Object.entries({
          intent: "submitUpdate",
          proposedStatus: "IN_PROGRESS",
          proposedPercent: "60",
          narrative: "Progress.",
        }))
          body.set(key, value);
        for (const name of names) body.append("evidenceFiles", new File([bytes], name || "report.pdf"));
        const before = await snapshot();
        const path = `/projects/${world.projectId}/milestones/${world.milestoneId}`;
        const answer = await callAction(action, await multipartPost(path, world.officer.cookie, body), {
          projectId: world.projectId,
          milestoneId: world.milestoneId,
        });
        expect(refusalProblems(answer), JSON.stringify({ names, size: bytes.length })).toEqual([]);
        expect(changes(before, await snapshot(), new Set()), "a refused upload changed the database").toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("hostile route params get a 4xx and change nothing", () => {
  // One form per route with params; each param in turn (or all at once) replaced by a hostile string.
  const withParams = SPECS.filter(
    (spec, index) => spec.params && SPECS.findIndex((other) => other.file === spec.file) === index,
  );
  for (const spec of withParams) {
    it(spec.file, async () => {
      const action = await actionOf(spec.file);
      const names = Object.keys(spec.params?.() ?? {});
      const hostileParams = fc.record(
        Object.fromEntries(names.map((name) => [name, fc.option(hostileString, { nil: undefined })])),
      );
      await fc.assert(
        fc.asyncProperty(hostileParams, async (replaced) => {
          const params = { ...spec.params?.() };
          for (const [name, value] of Object.entries(replaced)) if (value !== undefined) params[name] = value;
          const before = await snapshot();
          const request = postForm("/", await spec.cookie(), Object.entries(await spec.valid()));
          const answer = await callAction(action, request, params);
          if (answer.status < 400 && !answer.thrown) return;
          expect(refusalProblems(answer), JSON.stringify(params).slice(0, 300)).toEqual([]);
          expect(changes(before, await snapshot(), new Set())).toEqual([]);
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe("malformed bodies are a 400 and change nothing", () => {
  const bodies: Array<[string, string, string]> = [
    ["JSON", "application/json", JSON.stringify({ intent: "save", version: 1 })],
    ["a broken multipart boundary", "multipart/form-data; boundary=----x", "------y\r\nnot a part\r\n"],
    ["multipart without a boundary", "multipart/form-data", "--\r\n"],
  ];
  const files = [...new Set(SPECS.map((spec) => spec.file))].filter((file) => file !== "routes/logout.tsx");
  for (const file of files) {
    it(file, async () => {
      const spec = SPECS.find((s) => s.file === file);
      if (!spec) throw new Error(file);
      const action = await actionOf(file);
      for (const [label, type, body] of bodies) {
        const cookie = await spec.cookie();
        const headers = new Headers({ "Content-Type": type, Origin: "http://localhost" });
        if (cookie) headers.set("Cookie", cookie);
        const before = await snapshot();
        const request = new Request("http://localhost/", { method: "POST", headers, body });
        const answer = await callAction(action, request, spec.params?.() ?? {});
        expect({ label, status: answer.status, thrown: answer.thrown }).toEqual({ label, status: 400, thrown: null });
        expect(changes(before, await snapshot(), new Set())).toEqual([]);
      }
    });
  }
});
