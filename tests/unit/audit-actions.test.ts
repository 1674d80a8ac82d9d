// The registry of audit actions against the code that writes events and the events the demo seed stores: every
// action written anywhere has an entry, every stored event parses with its entry's schemas, and the writer
// refuses what the registry does not know.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  auditActionSpec,
  auditPayloadProblems,
  currentAuditAction,
  isAuditAction,
  storedAuditActionNames,
  type AuditAction,
} from "~/lib/audit-actions";
import { chainHash, type ChainedFields } from "~/lib/audit-chain.server";
import { db } from "~/lib/db.server";
import { AuditContractError, auditedTransaction, SYSTEM_CONTEXT } from "~/models/audit.server";
import { auditWhereFor } from "~/models/history.server";
import { listHistoryFilterOptions } from "~/models/history-filters.server";
import { seedDatabase } from "../../prisma/seed";

const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  await seedDatabase(db);
}, 120_000);
const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

// ---- Finding the actions the code writes ------------------------------------------------------------------

/** An audit call as written in the source: the names it may write, or why they cannot be told. */
type AuditWrite = { where: string; names: string[]; patterns: RegExp[]; unresolved?: string };

/** Calls that write an event (`audit({`, `record({`, `log({`, `appendAuditEvent(tx, ctx, {`) and chained rows. */
const WRITE_START = /\b(?:audit|record|log|appendAuditEvent)\((?:\s*[\w.]+\s*,)*\s*\{|:\s*ChainedFields\s*=\s*\{/g;

/** The text from `open` (a `{`) to its matching `}`, skipping over string and template literals. */
function objectAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'") {
      i = source.indexOf(c, i + 1);
      continue;
    }
    if (c === "{") depth++;
    if (c === "}" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

/** The expression after the object's top-level `action:` (up to the next top-level comma), or null. */
function actionExpression(object: string): string | null {
  let depth = 0;
  for (let i = 0; i < object.length; i++) {
    const c = object[i];
    if (c === '"' || c === "'" || c === "`") {
      i = object.indexOf(c, i + 1);
      continue;
    }
    if ("{([".includes(c)) depth++;
    if ("})]".includes(c)) depth--;
    if (depth === 1 && /[\s{,]/.test(c) && object.startsWith("action:", i + 1)) {
      const rest = object.slice(i + "action:".length + 1);
      let inner = 0;
      for (let j = 0; j < rest.length; j++) {
        const d = rest[j];
        if (d === '"' || d === "'" || d === "`") {
          j = rest.indexOf(d, j + 1);
          continue;
        }
        if ("{([".includes(d)) inner++;
        if ("})]".includes(d)) inner--;
        if (inner < 0 || (inner === 0 && d === ",")) return rest.slice(0, j).trim();
      }
      return rest.trim();
    }
  }
  return null;
}

/** The branches of a conditional (`state === "X" ? "a.b" : "c.d"`): the condition's literals name no action. */
function branchesOf(expression: string): string {
  const outsideStrings = expression.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, (literal) => " ".repeat(literal.length));
  const question = outsideStrings.indexOf("?");
  return question < 0 ? expression : expression.slice(question + 1);
}

/** `UPDATE_ACTIONS.submit` → the string the file's `const UPDATE_ACTIONS = { submit: "…" }` gives it. */
function resolveConstant(source: string, expression: string): string | null {
  const match = /^(\w+)\.(\w+)$/.exec(expression);
  if (!match) return null;
  const table = new RegExp(`\\b${match[1]}\\s*=\\s*\\{([^}]*)\\}`).exec(source);
  const entry = table && new RegExp(`\\b${match[2]}:\\s*"([^"]+)"`).exec(table[1]);
  return entry ? entry[1] : null;
}

/** Every audit write in one source text (exported shape for the self-test below). */
function scanAuditWrites(source: string, file = "source"): AuditWrite[] {
  const writes: AuditWrite[] = [];
  for (const start of source.matchAll(WRITE_START)) {
    const open = start.index + start[0].length - 1;
    const expression = actionExpression(objectAt(source, open));
    // `record({ ...input, projectId })` passes on an event typed (and found) elsewhere.
    if (expression === null) continue;
    const where = `${file}:${source.slice(0, open).split("\n").length}`;
    const names = [...branchesOf(expression).matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    const patterns = [...expression.matchAll(/`([^`]*)`/g)].map(
      (m) =>
        new RegExp(
          `^${m[1]
            .split(/\$\{[^}]*\}/)
            .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
            .join("[^.]+")}$`,
        ),
    );
    const constant = resolveConstant(source, expression);
    if (constant) names.push(constant);
    writes.push(
      names.length || patterns.length ? { where, names, patterns } : { where, names, patterns, unresolved: expression },
    );
  }
  return writes;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/**
 * Expressions whose type is the registry's `AuditAction`, so the compiler already refuses a name the registry lacks:
 * the large-data generator chains events planned elsewhere in its own files (`PlannedEvent.action`).
 */
const COMPILER_CHECKED = new Set(["planned.action"]);

const WRITES = ["app", "prisma", "scripts"]
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .flatMap((file) => scanAuditWrites(readFileSync(file, "utf8"), path.relative(root, file)));

describe("every action written has a registry entry", () => {
  it("finds the audit calls of app/, prisma/ and scripts/ (the scan is not vacuous)", () => {
    expect(WRITES.length).toBeGreaterThanOrEqual(50);
    expect(WRITES.filter((w) => w.where.startsWith("prisma/")).length).toBeGreaterThanOrEqual(10);
    expect(WRITES.some((w) => w.where.startsWith("scripts/"))).toBe(true);
  });

  it("each call names its action with literals (or a constant of its own file) the registry has", () => {
    const unresolved = WRITES.filter((w) => w.unresolved && !COMPILER_CHECKED.has(w.unresolved));
    expect(unresolved.map((w) => `${w.where}: ${w.unresolved}`)).toEqual([]);
    const unknown = WRITES.flatMap((w) => w.names.filter((n) => !isAuditAction(n)).map((n) => `${w.where}: ${n}`));
    expect(unknown).toEqual([]);
    const unmatched = WRITES.flatMap((w) =>
      w.patterns.filter((p) => !ACTIONS.some((a) => p.test(a))).map((p) => `${w.where}: ${p.source}`),
    );
    expect(unmatched).toEqual([]);
  });

  it("each registry entry is written somewhere (no entry outlives its writer), except retired ones, which nothing writes", () => {
    const written = (action: AuditAction) =>
      WRITES.some((w) => w.names.includes(action) || w.patterns.some((p) => p.test(action)));
    const retired = (action: AuditAction) => auditActionSpec(action).retired === true;
    expect(ACTIONS.filter((a) => !written(a) && !retired(a))).toEqual([]);
    expect(ACTIONS.filter((a) => written(a) && retired(a))).toEqual([]);
    expect(ACTIONS.filter(retired)).toEqual(["user.resetPassword"]);
  });

  it("a new call site with an action the registry lacks is caught, whatever way it names it", () => {
    const source = [
      'await audit({ action: "project.frobnicate", entityType: "Project", entityId: id });',
      "await record({ entityType: 'User', action: ok === 'yes' ? 'auth.login' : 'auth.vanish', entityId: id });",
      'await appendAuditEvent(tx, context, { action: `report.${kind}`, entityType: "Report", entityId: id });',
      'await audit({ action: pickAction(), entityType: "Project", entityId: id });',
    ].join("\n");
    const writes = scanAuditWrites(source);
    expect(writes.map((w) => w.names)).toEqual([["project.frobnicate"], ["auth.login", "auth.vanish"], [], []]);
    expect(writes[2].patterns.map((p) => p.source)).toEqual(["^report\\.[^.]+$"]);
    expect(writes[3].unresolved).toBe("pickAction()");
  });
});

describe("names", () => {
  it("are <entity>.<verb> in camelCase (exports keep their file kind: export.audit_csv)", () => {
    const bad = ACTIONS.filter((a) => !/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(a) && !/^export\.[a-z_]+$/.test(a));
    expect(bad).toEqual([]);
  });

  it("renamed actions are still found under the names their stored events carry", () => {
    expect(currentAuditAction("auth.login_failed")).toBe("auth.loginFailed");
    expect(currentAuditAction("user.changePassword_failed")).toBe("user.changePasswordFailed");
    expect(currentAuditAction("auth.loginFailed")).toBe("auth.loginFailed");
    expect(currentAuditAction("project.frobnicate")).toBeNull();
    expect(storedAuditActionNames("auth.loginFailed")).toEqual(["auth.loginFailed", "auth.login_failed"]);
    expect(storedAuditActionNames("auth.login_failed")).toEqual(["auth.loginFailed", "auth.login_failed"]);
    expect(storedAuditActionNames("project.update")).toEqual(["project.update"]);
    expect(storedAuditActionNames("something.else")).toEqual(["something.else"]);
  });

  it("an old name never collides with a current one", () => {
    const legacy = ACTIONS.flatMap((a) => auditActionSpec(a).legacyNames ?? []);
    expect(legacy.filter((name) => isAuditAction(name))).toEqual([]);
    expect(new Set(legacy).size).toBe(legacy.length);
  });
});

// ---- The demo portfolio's events ---------------------------------------------------------------------------

describe("the events the demo seed stores", () => {
  it("each has a current action name and parses with its action's schemas", async () => {
    const events = await db.auditEvent.findMany({
      orderBy: { seq: "asc" },
      select: { seq: true, action: true, entityType: true, before: true, after: true, reason: true },
    });
    expect(events.length).toBeGreaterThan(500);
    const problems = events.flatMap((event) => {
      if (!isAuditAction(event.action)) return [`#${event.seq}: unknown action ${event.action}`];
      return auditPayloadProblems(event.action, {
        entityType: event.entityType,
        before: event.before === null ? null : (JSON.parse(event.before) as unknown),
        after: event.after === null ? null : (JSON.parse(event.after) as unknown),
        reason: event.reason,
      }).map((problem) => `#${event.seq} ${event.action}: ${problem}`);
    });
    expect(problems).toEqual([]);
    // Creations and both review outcomes of both workflows: the schemas were exercised, not skipped.
    expect(new Set(events.map((e) => e.action))).toEqual(
      new Set([
        "organization.create",
        "user.create",
        "framework.create",
        "priorityArea.create",
        "project.create",
        "member.add",
        "milestone.create",
        "milestoneUpdate.submit",
        "milestoneUpdate.approve",
        "milestoneUpdate.return",
        "indicator.create",
        "indicatorValue.report",
        "indicatorValue.verify",
        "indicatorValue.return",
        "rating.record",
      ]),
    );
  });
});

// ---- The writer ----------------------------------------------------------------------------------------------

describe("appendAuditEvent holds events to the registry", () => {
  /** Runs one audited write and says whether the chain grew. */
  async function attempt(write: Parameters<typeof auditedTransaction>[1]) {
    const before = await db.auditEvent.count();
    const outcome = await auditedTransaction(SYSTEM_CONTEXT, write).then(
      () => null,
      (error: unknown) => error,
    );
    return { outcome, written: (await db.auditEvent.count()) - before };
  }

  it("refuses an action the registry does not know, and writes nothing", async () => {
    const { outcome, written } = await attempt(async (_tx, audit) => {
      // @ts-expect-error -- the type checker refuses it too; this is the check for untyped and cast callers.
      await audit({ action: "project.frobnicate", entityType: "Project", entityId: "p1" });
    });
    expect(outcome).toBeInstanceOf(AuditContractError);
    expect(outcome).toMatchObject({ problems: ["unknown action"] });
    expect(written).toBe(0);
  });

  it("refuses an old name: events are written under the current one", async () => {
    const { outcome, written } = await attempt(async (_tx, audit) => {
      // @ts-expect-error -- old names are for reading stored events only.
      await audit({ action: "auth.login_failed", entityType: "User", entityId: "someone@example.test" });
    });
    expect(outcome).toBeInstanceOf(AuditContractError);
    expect(written).toBe(0);
  });

  it("refuses an entity type other than the action's own", async () => {
    const { outcome, written } = await attempt(async (_tx, audit) => {
      // @ts-expect-error -- auth events are recorded against the User.
      await audit({ action: "auth.login", entityType: "Project", entityId: "p1" });
    });
    expect(outcome).toMatchObject({ problems: ["entityType: User expected, not Project"] });
    expect(written).toBe(0);
  });

  it("refuses (in development and tests) a missing required reason and a snapshot the schema does not describe", async () => {
    const project = await db.project.findFirstOrThrow();
    const noReason = await attempt(async (_tx, audit) => {
      await audit({
        action: "project.archive",
        entityType: "Project",
        entityId: project.id,
        before: project,
        after: project,
      });
    });
    expect(noReason.outcome).toMatchObject({ problems: ["reason: required for this action"] });
    const user = await db.user.findFirstOrThrow();
    const leaked = await attempt(async (_tx, audit) => {
      await audit({ action: "user.create", entityType: "User", entityId: user.id, after: user });
    });
    expect(leaked.outcome).toBeInstanceOf(AuditContractError);
    expect(leaked.outcome).toMatchObject({
      problems: [expect.stringMatching(/^after\.passwordHash: /)],
    });
    expect(noReason.written + leaked.written).toBe(0);
  });

  it("writes an event that matches its entry", async () => {
    const project = await db.project.findFirstOrThrow();
    const { outcome, written } = await attempt(async (_tx, audit) => {
      await audit({
        action: "project.archive",
        entityType: "Project",
        entityId: project.id,
        projectId: project.id,
        before: project,
        after: project,
        reason: "closed early",
      });
    });
    expect(outcome).toBeNull();
    expect(written).toBe(1);
  });
});

// ---- Readers ---------------------------------------------------------------------------------------------------

describe("history reads renamed actions under both names", () => {
  /** An event as it was stored before its action was renamed (the writer no longer accepts the old name). */
  async function storeOldEvent(action: string, entityId: string) {
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const fields: ChainedFields = {
      seq: head.seq + 1,
      occurredAt: new Date(head.occurredAt.getTime() + 1000),
      actorId: null,
      actorEmail: entityId,
      action,
      entityType: "User",
      entityId,
      projectId: null,
      before: null,
      after: null,
      reason: null,
      requestId: null,
      ip: null,
    };
    await db.auditEvent.create({ data: { ...fields, prevHash: head.hash, hash: chainHash(head.hash, fields) } });
  }

  it("a filter for the new or the old name finds the events stored under either", async () => {
    await storeOldEvent("auth.login_failed", "before-rename@example.test");
    await auditedTransaction(SYSTEM_CONTEXT, async (_tx, audit) => {
      await audit({ action: "auth.loginFailed", entityType: "User", entityId: "after-rename@example.test" });
    });
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, include: { organization: true } });
    const actor = { ...admin, organizationKind: admin.organization.kind };
    for (const name of ["auth.loginFailed", "auth.login_failed"]) {
      const found = await db.auditEvent.findMany({
        where: await auditWhereFor(actor, { action: name }),
        orderBy: { seq: "asc" },
        select: { action: true, entityId: true },
      });
      expect(found).toEqual([
        { action: "auth.login_failed", entityId: "before-rename@example.test" },
        { action: "auth.loginFailed", entityId: "after-rename@example.test" },
      ]);
    }
    const { actions } = await listHistoryFilterOptions();
    expect(actions).toContain("auth.loginFailed");
    expect(actions).not.toContain("auth.login_failed");
  });
});
