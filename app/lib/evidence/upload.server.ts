import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { badRequest, readFormData } from "~/lib/http.server";
import { EVIDENCE_FIELD, EVIDENCE_FORM_TEXT_BYTES, EVIDENCE_MAX_FILE_BYTES, EVIDENCE_MAX_FILES } from "./limits";
import { sniffEvidenceFile } from "./sniff.server";
import { BODY_TOO_LARGE } from "./upload-limits.mjs";

/**
 * Reading a form that carries evidence files. Each file is streamed to a private temporary folder while its SHA-256
 * is computed, and reading stops keeping bytes at the size limit (the rest is read and dropped, so the form's other
 * fields still arrive). Nothing is in memory but the text fields. The caller stores the accepted files and then
 * `discard()`s the temporary copies, whatever happened.
 */

export type StagedEvidence = { path: string; name: string; size: number; sha256: string; type: string };

export type EvidenceProblem = "tooLarge" | "tooMany" | "type" | "macros" | "empty";

export type EvidenceUpload = {
  formData: FormData;
  files: StagedEvidence[];
  /** The first thing wrong with the files (the message the form shows), or null. */
  problem: EvidenceProblem | null;
  discard: () => Promise<void>;
};

/** The message key each problem is shown with (app/i18n/locales/<lang>/evidence.ts). */
export const PROBLEM_MESSAGE = {
  tooLarge: "evidence.errors.tooLarge",
  tooMany: "evidence.errors.tooMany",
  type: "evidence.errors.type",
  macros: "evidence.errors.macros",
  empty: "evidence.errors.empty",
} as const satisfies Record<EvidenceProblem, string>;

/** The file name as shown and stored: the last path segment, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "file").slice(0, 200);
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

type Received = { path: string; name: string; size: number; sha256: string; problem: EvidenceProblem | null };

async function drain(data: AsyncIterable<Uint8Array>) {
  for await (const _chunk of data) {
    // read and dropped
  }
}

function fileHandler(folder: string, received: Received[]): UploadHandler {
  return async ({ name, filename, data }) => {
    if (filename === undefined) return undefined;
    if (name !== EVIDENCE_FIELD || filename === "") {
      // A file in another field, or an empty file input: read past it.
      await drain(data);
      return undefined;
    }
    const entry: Received = { path: "", name: cleanFileName(filename), size: 0, sha256: "", problem: null };
    received.push(entry);
    if (received.length > EVIDENCE_MAX_FILES) {
      entry.problem = "tooMany";
      await drain(data);
      return "";
    }
    entry.path = path.join(folder, randomBytes(12).toString("hex"));
    const out = createWriteStream(entry.path, { mode: 0o600 });
    const hash = createHash("sha256");
    for await (const chunk of data) {
      entry.size += chunk.length;
      if (entry.size > EVIDENCE_MAX_FILE_BYTES) {
        entry.problem = "tooLarge";
        continue;
      }
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "close");
    entry.sha256 = hash.digest("hex");
    if (entry.size === 0 && !entry.problem) entry.problem = "empty";
    return "";
  };
}

export async function readEvidenceUpload(request: Request): Promise<EvidenceUpload> {
  const folder = await mkdtemp(path.join(tmpdir(), "qadam-upload-"));
  const discard = () => rm(folder, { recursive: true, force: true });
  const received: Received[] = [];
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(
      request,
      composeUploadHandlers(
        fileHandler(folder, received),
        createMemoryUploadHandler({ maxPartSize: EVIDENCE_FORM_TEXT_BYTES, filter: ({ filename }) => !filename }),
      ),
    );
  } catch (error) {
    await discard();
    if (error instanceof Error && error.message === BODY_TOO_LARGE) {
      throw new Response("The form is too large for Qadam's upload limit.", {
        status: 413,
        headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
      });
    }
    throw badRequest("The request body is not a form");
  }
  formData.delete(EVIDENCE_FIELD);
  const files: StagedEvidence[] = [];
  let problem: EvidenceProblem | null = received.find((file) => file.problem)?.problem ?? null;
  for (const file of received) {
    if (problem) break;
    const sniffed = await sniffEvidenceFile(file.path);
    if (!sniffed.ok) problem = sniffed.reason;
    else files.push({ path: file.path, name: file.name, size: file.size, sha256: file.sha256, type: sniffed.type });
  }
  return { formData, files: problem ? [] : files, problem, discard };
}

/**
 * The form of a route that takes evidence files: multipart forms are streamed as above; a plain form (a submission
 * without files, or another intent of the page) is read as usual and carries none.
 */
export async function readFormWithEvidence(request: Request): Promise<EvidenceUpload> {
  if (isMultipart(request)) return readEvidenceUpload(request);
  return { formData: await readFormData(request), files: [], problem: null, discard: async () => undefined };
}

/** The files' problem as a field error beside the form's own (all are shown at once). */
export function withEvidenceError(
  upload: Pick<EvidenceUpload, "problem">,
  fieldErrors: Record<string, string> = {},
): Record<string, string> | null {
  if (!upload.problem) return null;
  return { ...fieldErrors, [EVIDENCE_FIELD]: PROBLEM_MESSAGE[upload.problem] };
}
