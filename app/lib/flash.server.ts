import { createCookie, redirect } from "@remix-run/node";
import { getEnv } from "./env.server";

/**
 * One-shot confirmations ("Saved.") carried across the post/redirect/get hop in a signed cookie and
 * cleared by the root loader that shows them.
 */
export type Flash = { kind: "success" | "error"; key: string; values?: Record<string, string | number> };

const flashCookie = createCookie("qadam_flash", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 60,
  secrets: [getEnv().SESSION_SECRET],
  secure: getEnv().NODE_ENV === "production" && getEnv().COOKIE_SECURE !== "false",
});

export async function redirectWithFlash(url: string, flash: Flash, init?: ResponseInit) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await flashCookie.serialize(flash));
  return redirect(url, { ...init, headers });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clearCookie: string | null }> {
  const value = (await flashCookie.parse(request.headers.get("Cookie"))) as Flash | null;
  if (!value || typeof value.key !== "string") return { flash: null, clearCookie: null };
  return { flash: value, clearCookie: await flashCookie.serialize("", { maxAge: 0 }) };
}
