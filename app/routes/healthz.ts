import { db } from "~/lib/db.server";

/** Liveness and readiness: 200 when the database answers, 503 when it does not. No session needed. */
export async function loader() {
  const started = Date.now();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json(
      { status: "ok", database: "up", latencyMs: Date.now() - started },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
