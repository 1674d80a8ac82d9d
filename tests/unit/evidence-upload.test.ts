// The upload limits of evidence files, on a real multipart request read by the app's upload reader: a file over
// 10 MiB, a sixth file and a file whose content is not what its name says are each refused with the sentence the
// form shows (nothing is kept: the temporary copies are gone); an accepted file arrives with its size, SHA-256, the
// type found from its bytes and a name without its path. A body over the server's upload limit answers 413.
import { createHash } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en";
import { EVIDENCE_FIELD, EVIDENCE_MAX_FILE_BYTES, EVIDENCE_MAX_FILES } from "~/lib/evidence/limits";
import { BODY_TOO_LARGE } from "~/lib/evidence/upload-limits.mjs";
import {
  PROBLEM_MESSAGE,
  readEvidenceUpload,
  withEvidenceError,
  type EvidenceUpload,
} from "~/lib/evidence/upload.server";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

function formRequest(files: Array<{ name: string; bytes: Buffer; type?: string }>): Request {
  const form = new FormData();
  form.set("intent", "submit");
  form.set("narrative", "Works completed.");
  for (const file of files) {
    form.append(
      EVIDENCE_FIELD,
      new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/pdf" }),
    );
  }
  return new Request("http://127.0.0.1/projects/p/milestones/m", { method: "POST", body: form });
}

async function upload(files: Array<{ name: string; bytes: Buffer; type?: string }>) {
  const result = await readEvidenceUpload(formRequest(files));
  const folders = new Set([...result.files.map((file) => path.dirname(file.path))]);
  return { result, folders };
}

async function exists(file: string) {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The English sentence the form shows for an upload's problem. */
function message(result: EvidenceUpload): string {
  const key = withEvidenceError(result)?.[EVIDENCE_FIELD] ?? "";
  const errors: Record<string, string> = en.evidence.errors;
  return errors[key.replace("evidence.errors.", "")] ?? key;
}

describe("evidence upload limits", () => {
  it("accepts a PDF: size, SHA-256 and type from its bytes, the name without its path; the text fields arrive", async () => {
    const { result } = await upload([{ name: "../../reports/Acceptance act.pdf", bytes: PDF, type: "text/html" }]);
    try {
      expect(result.problem).toBeNull();
      expect(result.formData.get("narrative")).toBe("Works completed.");
      expect(result.formData.get(EVIDENCE_FIELD)).toBeNull();
      expect(result.files).toHaveLength(1);
      const [file] = result.files;
      expect(file.name).toBe("Acceptance act.pdf");
      expect(file.size).toBe(PDF.length);
      // The browser's claim (text/html) counts for nothing: the type is the content's.
      expect(file.type).toBe("application/pdf");
      expect(file.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
      expect((await readFile(file.path)).equals(PDF)).toBe(true);
    } finally {
      await result.discard();
    }
    expect(await exists(result.files[0].path)).toBe(false);
  });

  it("refuses a file over 10 MiB with a sentence that says the limit and what to do", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_FILE_BYTES + 1 - PDF.length, 0x20)]);
    const { result } = await upload([{ name: "survey.pdf", bytes: big }]);
    await result.discard();
    expect(result.problem).toBe("tooLarge");
    expect(result.files).toEqual([]);
    expect(withEvidenceError(result, { narrative: "x" })).toEqual({
      narrative: "x",
      [EVIDENCE_FIELD]: PROBLEM_MESSAGE.tooLarge,
    });
    expect(message(result)).toBe("A file is larger than 10 MB. Choose a smaller file, or share it as a link.");
  });

  it("takes a file of exactly 10 MiB", async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_FILE_BYTES - PDF.length, 0x20)]);
    const { result } = await upload([{ name: "exact.pdf", bytes: exact }]);
    await result.discard();
    expect(result.problem).toBeNull();
    expect(result.files.map((file) => file.size)).toEqual([EVIDENCE_MAX_FILE_BYTES]);
  });

  it(`refuses more than ${EVIDENCE_MAX_FILES} files`, async () => {
    const files = Array.from({ length: EVIDENCE_MAX_FILES + 1 }, (_, i) => ({ name: `page-${i + 1}.pdf`, bytes: PDF }));
    const { result } = await upload(files);
    await result.discard();
    expect(result.problem).toBe("tooMany");
    expect(result.files).toEqual([]);
    expect(message(result)).toMatch(/^At most 5 files go with one submission/);
  });

  it("refuses by content: a web page or an SVG named .pdf, and an empty file", async () => {
    for (const bytes of [
      Buffer.from("<!doctype html><script>alert(1)</script>"),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ]) {
      const { result } = await upload([{ name: "certificate.pdf", bytes }]);
      await result.discard();
      expect(result.problem).toBe("type");
      expect(result.files).toEqual([]);
      expect(message(result)).toMatch(/^Only PDF, PNG or JPEG pictures/);
    }
    const { result } = await upload([{ name: "blank.pdf", bytes: Buffer.alloc(0) }]);
    await result.discard();
    expect(result.problem).toBe("empty");
    expect(result.files).toEqual([]);
  });

  it("answers 413 in plain words when the server's counter stops a body over the upload limit", async () => {
    // What scripts/server.mjs does past EVIDENCE_MAX_BODY_BYTES: the body stream fails with BODY_TOO_LARGE.
    const head = Buffer.from('--x\r\nContent-Disposition: form-data; name="evidenceFiles"; filename="a.pdf"\r\n\r\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
        controller.enqueue(PDF);
        controller.error(new Error(BODY_TOO_LARGE));
      },
    });
    const request = new Request("http://127.0.0.1/projects/p/milestones/m", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    });
    const refused: unknown = await readEvidenceUpload(request).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    if (!(refused instanceof Response)) return;
    expect(refused.status).toBe(413);
    expect(await refused.text()).toMatch(/too large/);
  });
});
