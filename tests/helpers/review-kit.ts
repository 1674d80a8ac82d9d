// Shared by the milestone*, indicator* and review* tests: call a workflow route's action or loader with a demo user's
// real session (repeated form keys allowed, e.g. the bulk selection), and read the database back.
import type { ActionResult } from "~/lib/action-result";
import { db } from "~/lib/db.server";
import { dayOrNull } from "~/lib/dates";
import * as indicatorRoute from "~/routes/projects.$projectId.indicators.$indicatorId";
import type { Demo } from "./project-kit";

export { demo, projectByCode, type Demo } from "./project-kit";

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

export type Result = { status: number; location: string | null; data: unknown };

async function reduce(value: unknown): Promise<Result> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: value.status, location: value.headers.get("Location"), data };
  }
  if (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const v = value as { data: unknown; init: ResponseInit | null };
    return { status: v.init?.status ?? 200, location: new Headers(v.init?.headers).get("Location"), data: v.data };
  }
  return { status: 200, location: null, data: value };
}

export async function run(
  handler: Handler | undefined,
  options: { user: Demo; path: string; params?: Record<string, string>; form?: Record<string, string | string[]> },
): Promise<Result> {
  if (!handler) throw new Error("no handler");
  const headers = new Headers({ Cookie: options.user.cookie });
  const url = new URL(options.path, "http://localhost");
  let request: Request;
  if (options.form) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    headers.set("Origin", "http://localhost");
    request = new Request(url, { method: "POST", headers, body: body.toString() });
  } else {
    request = new Request(url, { headers });
  }
  try {
    return await reduce(await handler({ request, params: options.params ?? {}, context: {} }));
  } catch (thrown) {
    if (thrown instanceof Response) return reduce(thrown);
    throw thrown;
  }
}

/** An action's answer (every workflow action answers an ActionResult when it does not redirect). */
export const answerOf = (r: Result) => r.data as ActionResult;
export const fieldErrors = (r: Result) => {
  const answer = answerOf(r);
  return answer.status === "fieldErrors" ? answer.fieldErrors : null;
};
/** The message key of a refusal (a message for the whole form), else null. */
export const formError = (r: Result) => {
  const answer = answerOf(r);
  return answer.status === "refused" ? answer.messageKey : null;
};

/** Counts that must not move when a request is refused. */
export async function snapshotCounts() {
  return {
    events: await db.auditEvent.count(),
    updates: await db.milestoneUpdate.count(),
    values: await db.indicatorValue.count(),
    milestones: await db.milestone.count(),
    indicators: await db.indicator.count(),
  };
}

export async function milestoneOf(projectCode: string, title: string) {
  return db.milestone.findFirstOrThrow({ where: { title, project: { code: projectCode } } });
}

export async function indicatorOf(projectCode: string, code: string) {
  return db.indicator.findFirstOrThrow({ where: { code, project: { code: projectCode } } });
}

export async function eventsAfter(seq: number) {
  return db.auditEvent.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" } });
}

export async function lastSeq() {
  return (await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
}

/** The indicator page's loader (no form) or action (a form), as `user`. */
export function onIndicator(
  user: Demo,
  projectId: string,
  indicatorId: string,
  form?: Record<string, string | string[]>,
) {
  return run(form ? indicatorRoute.action : indicatorRoute.loader, {
    user,
    path: `/projects/${projectId}/indicators/${indicatorId}`,
    params: { projectId, indicatorId },
    form,
  });
}

type StoredIndicator = Awaited<ReturnType<typeof db.indicator.findFirstOrThrow>> & {
  targets: { periodEnd: Date; value: number }[];
};

/** The edit form exactly as the page would post it for the indicator as stored (saving it changes nothing). */
export function indicatorEditForm(ind: StoredIndicator): Record<string, string> {
  const form: Record<string, string> = {
    intent: "edit",
    version: String(ind.version),
    name: ind.name,
    type: ind.type,
    unit: ind.unit,
    measure: ind.measure,
    ascending: String(ind.ascending),
    baselineValue: ind.baselineValue === null ? "" : String(ind.baselineValue),
    baselineDate: dayOrNull(ind.baselineDate) ?? "",
    targetValue: ind.targetValue === null ? "" : String(ind.targetValue),
    targetDate: dayOrNull(ind.targetDate) ?? "",
    frequency: ind.frequency,
    dataSource: ind.dataSource,
    responsibleAgency: ind.responsibleAgency,
    revisionNote: "",
  };
  ind.targets.forEach((t, i) => {
    form[`targets.${i}.periodEnd`] = dayOrNull(t.periodEnd) ?? "";
    form[`targets.${i}.value`] = String(t.value);
  });
  return form;
}
