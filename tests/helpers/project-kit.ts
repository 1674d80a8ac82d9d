// Shared by the project*, rating* and membership* tests: demo users with real session cookies, and a way to call a
// route's loader or action directly and read back the status, the redirect and the JSON it answered with.
import { db } from "~/lib/db.server";
import type { Actor } from "~/lib/permissions";
import { createSessionCookie } from "~/lib/session.server";
import { toProjectFormValues } from "~/models/project/form.server";
import { cookiePair } from "./auth";

export type DemoKey =
  | "admin"
  | "wb.manager"
  | "wb.officer"
  | "ifc.manager"
  | "ifc.officer"
  | "transport.manager"
  | "transport.officer"
  | "water.officer"
  | "auditor";

export type Demo = Actor & { email: string; name: string; cookie: string };

/** Loads a demo user (seeded) with a fresh session cookie. */
export async function demo(key: DemoKey): Promise<Demo> {
  const user = await db.user.findUniqueOrThrow({
    where: { email: `${key}@qadam.test` },
    include: { organization: true },
  });
  const cookie = cookiePair(await createSessionCookie(user.id, { ip: null, userAgent: "vitest" }));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: user.organization.kind,
    cookie,
  };
}

export async function projectByCode(code: string) {
  return db.project.findUniqueOrThrow({ where: { code } });
}

export async function orgId(code: string) {
  return (await db.organization.findUniqueOrThrow({ where: { code } })).id;
}

export async function areaId(code: string) {
  return (await db.priorityArea.findFirstOrThrow({ where: { code } })).id;
}

export async function auditCount() {
  return db.auditEvent.count();
}

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

export type RouteResult = { status: number; location: string | null; data: unknown; setCookie: string | null };

async function reduce(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return {
      status: value.status,
      location: value.headers.get("Location"),
      data,
      setCookie: value.headers.get("Set-Cookie"),
    };
  }
  if (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const v = value as { data: unknown; init: ResponseInit | null };
    const headers = new Headers(v.init?.headers);
    return {
      status: v.init?.status ?? 200,
      location: headers.get("Location"),
      data: v.data,
      setCookie: headers.get("Set-Cookie"),
    };
  }
  return { status: 200, location: null, data: value, setCookie: null };
}

/** Calls a loader or action as the server would; thrown Responses are results like returned ones. */
export async function call(
  handler: Handler | undefined,
  options: { user: Demo | null; path: string; params?: Record<string, string>; form?: Record<string, string> },
): Promise<RouteResult> {
  if (!handler) throw new Error("no handler");
  const headers = new Headers();
  if (options.user) headers.set("Cookie", options.user.cookie);
  const url = new URL(options.path, "http://localhost");
  let request: Request;
  if (options.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    headers.set("Origin", "http://localhost");
    request = new Request(url, { method: "POST", headers, body: new URLSearchParams(options.form).toString() });
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

/** The edit form of a stored project, as strings, the way the browser would post it. */
export async function editFormOf(projectId: string): Promise<Record<string, string>> {
  const row = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  const values = toProjectFormValues(row);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}
