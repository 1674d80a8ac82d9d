// Test support for the history and export tests: appends many correctly chained audit events quickly through
// libSQL directly (one multi-row INSERT per batch, inside a transaction), continuing the chain already in the
// database. Used to test exports and the verifier on tens of thousands of events without minutes of Prisma calls.
import { Readable } from "node:stream";
import { createClient } from "@libsql/client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { createSessionCookie } from "~/lib/session.server";
import { chainHash, GENESIS_HASH, type ChainedFields } from "~/lib/audit-chain.server";

export type SyntheticEventOptions = {
  url: string;
  count: number;
  /** Project ids to spread the events over (null = events without a project). */
  projectIds: Array<string | null>;
  actors: Array<{ id: string; email: string }>;
  startAt?: Date;
  stepMs?: number;
  batchSize?: number;
};

/** Stored the way the Prisma driver adapter stores DateTime (ISO-8601 with an explicit +00:00 offset). */
function storedDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export async function appendSyntheticEvents(
  options: SyntheticEventOptions,
): Promise<{ firstSeq: number; lastSeq: number }> {
  const client = createClient({ url: options.url });
  try {
    const head = await client.execute('SELECT seq, hash, occurredAt FROM "AuditEvent" ORDER BY seq DESC LIMIT 1');
    let seq = head.rows.length ? Number(head.rows[0].seq) : 0;
    let prevHash = head.rows.length ? String(head.rows[0].hash) : GENESIS_HASH;
    const firstSeq = seq + 1;
    let time =
      options.startAt?.getTime() ??
      (head.rows.length ? new Date(String(head.rows[0].occurredAt)).getTime() + 1 : Date.UTC(2024, 0, 1));
    const step = options.stepMs ?? 1000;
    const batchSize = options.batchSize ?? 500;
    const actions = [
      "milestone.update",
      "indicatorValue.report",
      "project.edit",
      "rating.record",
      "milestoneUpdate.review",
    ];
    const entityTypes = ["Milestone", "IndicatorValue", "Project", "Rating", "MilestoneUpdate"];
    let remaining = options.count;
    while (remaining > 0) {
      const n = Math.min(batchSize, remaining);
      const values: string[] = [];
      const args: Array<string | number | null> = [];
      for (let i = 0; i < n; i++) {
        seq++;
        const kind = seq % actions.length;
        const actor = options.actors[seq % options.actors.length];
        const fields: ChainedFields = {
          seq,
          occurredAt: new Date(time),
          actorId: actor.id,
          actorEmail: actor.email,
          action: actions[kind],
          entityType: entityTypes[kind],
          entityId: `synthetic-${seq % 977}`,
          projectId: options.projectIds[seq % options.projectIds.length],
          before: JSON.stringify({ percentComplete: seq % 100 }),
          after: JSON.stringify({ percentComplete: (seq + 1) % 100 }),
          reason: seq % 3 === 0 ? `synthetic change ${seq}` : null,
          requestId: null,
          ip: null,
        };
        const hash = chainHash(prevHash, fields);
        values.push("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        args.push(
          fields.seq,
          storedDate(fields.occurredAt),
          fields.actorId,
          fields.actorEmail,
          fields.action,
          fields.entityType,
          fields.entityId,
          fields.projectId,
          fields.before,
          fields.after,
          fields.reason,
          fields.requestId,
          fields.ip,
          prevHash,
          hash,
        );
        prevHash = hash;
        time += step;
      }
      await client.execute({
        sql: `INSERT INTO "AuditEvent" (seq, occurredAt, actorId, actorEmail, action, entityType, entityId, projectId, "before", "after", reason, requestId, ip, prevHash, hash) VALUES ${values.join(",")}`,
        args,
      });
      remaining -= n;
    }
    return { firstSeq, lastSeq: seq };
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Calling route loaders the way Remix does, with a real session.

/** A Cookie header for a fresh session of the demo user with this e-mail. */
export async function sessionCookieFor(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const setCookie = await createSessionCookie(user.id, { ip: null, userAgent: "vitest" });
  return setCookie.split(";")[0];
}

type Loader = (args: LoaderFunctionArgs) => unknown;

/** Runs a loader; a thrown Response (403, 404, redirect) is returned like a normal one. */
export async function callLoader(
  loader: Loader,
  path: string,
  options: { cookie?: string; params?: Record<string, string> } = {},
): Promise<Response> {
  const request = new Request(`http://qadam.test${path}`, {
    headers: options.cookie ? { Cookie: options.cookie } : {},
  });
  try {
    const result = await loader({ request, params: options.params ?? {}, context: {} });
    if (result instanceof Response) return result;
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Parses an XLSX response body back with exceljs. */
export async function readXlsx(response: Response): Promise<import("exceljs").Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  // Read as a stream: exceljs declares its own global `Buffer` type, which Node's Buffer does not satisfy.
  await workbook.xlsx.read(Readable.from([Buffer.from(await response.arrayBuffer())]));
  // Text cells are inline strings, which exceljs reads back as rich text: compare them by the text they show.
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value: unknown = cell.value;
        if (typeof value === "object" && value !== null && "richText" in value) cell.value = cell.text;
      }),
    ),
  );
  return workbook;
}
