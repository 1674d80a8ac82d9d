// Calls Remix loaders and actions directly, the way the server would, and reduces whatever they return or throw
// to an HTTP status (plus the redirect target). Thrown Responses are results, not failures.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
};

export type Outcome = { status: number; location: string | null; error?: string };

const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");

/** Every route module file under app/routes, as "routes/<relative path>" (the keys of ROUTE_ACCESS). */
export function listRouteFiles(): string[] {
  const root = path.join(APP_DIR, "routes");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx?|jsx?)$/.test(name) && !/\.test\.|\.spec\./.test(name))
        out.push(path.relative(APP_DIR, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

export function appFileExists(file: string): boolean {
  try {
    return statSync(path.join(APP_DIR, file)).isFile();
  } catch {
    return false;
  }
}

export async function importRouteModule(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as RouteModule;
}

/** The dynamic segments of a flat-routes file name: "routes/projects.$projectId.tsx" → ["projectId"]. */
export function routeParams(file: string): string[] {
  return segments(file)
    .filter((s) => s.startsWith("$") && s.length > 1)
    .map((s) => s.slice(1));
}

/** The URL a flat-routes file answers, with params filled in. */
export function routeUrlPath(file: string, params: Record<string, string>): string {
  if (!file.startsWith("routes/")) return "/";
  const parts = segments(file)
    .filter((s) => s !== "_index" && !(s.startsWith("_") && s.length > 1))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1)] ?? "missing") : s.replace(/_$/, "")));
  return `/${parts.join("/")}`;
}

function segments(file: string): string[] {
  const base = file
    .replace(/^routes\//, "")
    .replace(/\/route\.(tsx?|jsx?)$/, "")
    .replace(/\.(tsx?|jsx?)$/, "");
  const DOT = "\u0000";
  return base
    .replace(/\[\.\]/g, DOT)
    .split(/[./]/)
    .map((s) => s.replaceAll(DOT, "."));
}

/** Turns a loader/action result (returned or thrown) into a status. Non-Response throws become status 500. */
export async function outcomeOf(run: () => unknown): Promise<Outcome> {
  try {
    return await fromValue(await run());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return fromValue(thrown);
    return { status: 500, location: null, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

type DataWithInit = { type: "DataWithResponseInit"; init: ResponseInit | null };
function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function fromValue(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    // Streamed exports: stop reading so no work continues in the background.
    await value.body?.cancel().catch(() => undefined);
    return { status: value.status, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: headers.get("Location") };
  }
  return { status: 200, location: null };
}

export function getRequest(urlPath: string, cookie: string | null): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(urlPath, "http://localhost"), { headers });
}

/** A form POST with an empty (or minimal) body, from the app's own origin. */
export function postRequest(urlPath: string, cookie: string | null, fields: Record<string, string> = {}): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(urlPath, "http://localhost"), {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}
