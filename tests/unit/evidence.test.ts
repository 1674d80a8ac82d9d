// Evidence files end to end below the browser: content sniffing (not extensions), the download header, a submission
// that stores its files and seals their SHA-256 in its audit event, `audit:verify --evidence` finding a changed file
// by name, and an evidence pack that the offline verifier (Node only) accepts — and refuses once a file is changed.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { db } from "~/lib/db.server";
import { attachmentDisposition } from "~/lib/evidence/content-disposition";
import { sniffEvidenceFile } from "~/lib/evidence/sniff.server";
import type { StagedEvidence } from "~/lib/evidence/upload.server";
import { evidencePackStream } from "~/models/evidence-pack.server";
import { verifyEvidenceFiles } from "~/models/evidence-verify.server";
import { planAuditExport } from "~/models/export-audit.server";
import { submitMilestoneUpdate } from "~/models/milestone-update.server";
import { verifyEvidencePack } from "../../scripts/verify-evidence-pack.mjs";
import { addMember, createActor, createMilestone, createProject } from "../helpers/factories";

let work: string;

async function fileOf(name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, bytes);
  return file;
}

async function zipOf(name: string, entries: string[]): Promise<string> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from("<x/>"), entry);
  zip.end();
  const file = path.join(work, name);
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "qadam-evidence-test-"));
});

describe("a file's type is found from its content", () => {
  it("accepts PDF, PNG, JPEG and Office documents by their bytes, whatever their name", async () => {
    expect(await sniffEvidenceFile(await fileOf("a.txt", "%PDF-1.7\n%%EOF\n"))).toEqual({
      ok: true,
      type: "application/pdf",
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await sniffEvidenceFile(await fileOf("b", png))).toEqual({ ok: true, type: "image/png" });
    const docx = await zipOf("c.bin", ["[Content_Types].xml", "word/document.xml"]);
    expect(await sniffEvidenceFile(docx)).toMatchObject({ ok: true, type: expect.stringContaining("wordprocessing") });
    const xlsx = await zipOf("d.bin", ["[Content_Types].xml", "xl/workbook.xml"]);
    expect(await sniffEvidenceFile(xlsx)).toMatchObject({ ok: true, type: expect.stringContaining("spreadsheetml") });
  });

  it("refuses HTML or SVG named .pdf, a plain ZIP, and macro-enabled documents", async () => {
    expect(await sniffEvidenceFile(await fileOf("x.pdf", "<html><script>alert(1)</script></html>"))).toEqual({
      ok: false,
      reason: "type",
    });
    expect(await sniffEvidenceFile(await fileOf("y.png", '<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      ok: false,
      reason: "type",
    });
    expect(await sniffEvidenceFile(await zipOf("z.docx", ["readme.txt"]))).toEqual({ ok: false, reason: "type" });
    const macro = await zipOf("m.xlsx", ["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"]);
    expect(await sniffEvidenceFile(macro)).toEqual({ ok: false, reason: "macros" });
  });
});

describe("downloads are attachments with a safe name", () => {
  it("keeps ASCII names, encodes others per RFC 5987 and drops path and control characters", () => {
    expect(attachmentDisposition("report.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(attachmentDisposition("Отчёт 2026.pdf")).toBe(
      `attachment; filename="_____ 2026.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%202026.pdf`,
    );
    expect(attachmentDisposition('../a"b\r\n.pdf')).toBe(
      `attachment; filename=".._a_b__.pdf"; filename*=UTF-8''.._a%22b__.pdf`,
    );
  });
});

describe("a submission seals its files in the audit chain", () => {
  it("stores the file, records its SHA-256 in the event, verifies, packs, and names a changed file", async () => {
    const officer = await createActor("OFFICER", { orgKind: "WORLD_BANK" });
    const auditor = await createActor("AUDITOR", { orgKind: "WORLD_BANK" });
    const project = await createProject({ institution: "WB" });
    await addMember(project.id, officer.id);
    const milestone = await createMilestone(project.id);
    const bytes = Buffer.from("%PDF-1.4\nsite inspection report\n%%EOF\n");
    const staged: StagedEvidence = {
      path: await fileOf("inspection.pdf", bytes),
      name: "Inspection report.pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      type: "application/pdf",
    };
    const updateId = await submitMilestoneUpdate({
      milestone: { id: milestone.id, projectId: project.id },
      authorId: officer.id,
      input: {
        proposedStatus: "IN_PROGRESS",
        proposedPercent: 40,
        proposedDueDate: undefined,
        dueDateReason: "",
        narrative: "Works started",
        evidenceLinks: [],
      },
      evidence: [staged],
      context: { actorId: officer.id, actorEmail: officer.email, requestId: null, ip: null },
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: updateId, action: "milestoneUpdate.submit" },
    });
    const sealed = JSON.parse(event.after ?? "{}") as { evidenceFiles: Array<{ name: string; sha256: string }> };
    expect(sealed.evidenceFiles).toEqual([
      expect.objectContaining({ name: "Inspection report.pdf", sha256: staged.sha256, type: "application/pdf" }),
    ]);
    expect(await verifyEvidenceFiles(db)).toEqual({ checked: 1, problems: [] });

    const plan = await planAuditExport({
      actor: { ...auditor, role: "AUDITOR" },
      query: { project: project.code },
    });
    const packFile = path.join(work, "pack.zip");
    await pipeline(evidencePackStream(plan), createWriteStream(packFile));
    const verdict = await verifyEvidencePack(packFile);
    expect(verdict).toMatchObject({ status: "ok", files: 1 });

    // Someone changes the stored file: both checks name it.
    const dir = process.env.EVIDENCE_DIR ?? "";
    const [stored] = (await readdir(dir)).filter((name) => name.startsWith("ev-"));
    await writeFile(path.join(dir, stored), "%PDF-1.4\nforged\n%%EOF\n");
    const after = await verifyEvidenceFiles(db);
    expect(after.problems).toEqual([expect.objectContaining({ name: "Inspection report.pdf", problem: "changed" })]);
    const forgedPack = path.join(work, "forged.zip");
    await pipeline(evidencePackStream(plan), createWriteStream(forgedPack));
    const forged = await verifyEvidencePack(forgedPack);
    expect(forged.status).toBe("broken");
    expect(forged.problems.join("\n")).toContain("Inspection report.pdf");
  }, 30_000);
});
