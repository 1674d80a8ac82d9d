// The evidence vault end to end: an officer attaches a PDF to a milestone update; the manager downloads it from the
// review queue (an attachment, the same bytes); the auditor downloads the project's evidence pack from History and
// the offline check (scripts/verify-evidence-pack.mjs) passes; then the stored file is changed on disk and
// `npm run audit:verify -- --evidence` fails and names it. The e2e server keeps its files in its own folder
// (scripts/e2e-server.mjs: data/e2e-<port>-evidence), so changing one touches no other suite.
import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  addToTeam,
  createDelayedMilestone,
  createOwnProject,
  DEMO_USERS,
  E2E_PORT,
  openE2eDb,
  signedInPage,
} from "./fixtures";

// Four people, a project of the test's own and two command-line checks: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const EVIDENCE_DIR = `./data/e2e-${E2E_PORT}-evidence`;

/** A small, valid one-page PDF saying `text` (objects, cross-reference table with exact offsets, trailer). */
function pdfSaying(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** The stored file of a submission, from the e2e server's database. */
async function storedFile(subjectId: string) {
  const db = openE2eDb();
  try {
    const rows = await db.execute({
      sql: "SELECT id, name, sha256, storageKey FROM EvidenceFile WHERE subjectId = ?",
      args: [subjectId],
    });
    expect(rows.rows).toHaveLength(1);
    const row = rows.rows[0];
    return { id: String(row.id), name: String(row.name), sha256: String(row.sha256), key: String(row.storageKey) };
  } finally {
    db.close();
  }
}

async function latestUpdateId(milestoneId: string): Promise<string> {
  const db = openE2eDb();
  try {
    const rows = await db.execute({
      sql: "SELECT id FROM MilestoneUpdate WHERE milestoneId = ? ORDER BY submittedAt DESC LIMIT 1",
      args: [milestoneId],
    });
    return String(rows.rows[0]?.id ?? "");
  } finally {
    db.close();
  }
}

/** `npm run audit:verify -- --evidence` against this e2e server's database and evidence folder. */
function auditVerifyEvidence() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:./data/e2e-${E2E_PORT}.db`,
    EVIDENCE_DIR,
  };
  delete env.DATABASE_AUTH_TOKEN;
  delete env.EVIDENCE_S3_BUCKET;
  return spawnSync("npm", ["run", "--silent", "audit:verify", "--", "--evidence"], { env, encoding: "utf8" });
}

test("a PDF attached to an update: the manager downloads it, the auditor's pack verifies offline, and a changed file is named", async ({
  browser,
}, testInfo) => {
  const run = randomUUID().slice(0, 8);
  const manager = await signedInPage(browser, "wb.manager");
  const project = await createOwnProject(manager, `Evidence journey (${run})`);
  const admin = await signedInPage(browser, "admin");
  await addToTeam(admin, project.id, DEMO_USERS["wb.officer"].email);
  await admin.context().close();
  const title = `Bridge load test passed (${project.code})`;
  const milestonePath = await createDelayedMilestone(manager, project.id, title);
  const milestoneId = milestonePath.split("/").pop() ?? "";

  // 1. The officer attaches the test report to an update.
  const pdf = pdfSaying(`Load test certificate ${project.code}`);
  const fileName = `Load test certificate ${project.code}.pdf`;
  const officer = await signedInPage(browser, "wb.officer");
  await officer.goto(milestonePath);
  const form = officer.getByTestId("update-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("New status").selectOption("COMPLETED");
  await form.getByLabel("Percent complete (0–100)").fill("100");
  await form.getByLabel("Narrative").fill("The load test passed; the certificate is attached.");
  await form
    .getByLabel("Files", { exact: true })
    .setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
  await expect(form.getByTestId("chosen-files")).toContainText(fileName);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByTestId("flash")).toHaveText("Update submitted for review.");
  await officer.context().close();

  const updateId = await latestUpdateId(milestoneId);
  const stored = await storedFile(updateId);
  expect(stored.name).toBe(fileName);
  expect(stored.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));

  // 2. The manager opens it from the review queue: a download of exactly those bytes, never shown in the page.
  await manager.goto(`/reviews?project=${project.code}`);
  const item = manager.getByTestId("review-item").filter({ hasText: title });
  await expect(item).toHaveCount(1);
  const link = item.getByTestId("evidence-files").getByRole("link", { name: new RegExp(`Download ${fileName}`) });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([manager.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const downloaded = await readFile(await download.path());
  expect(downloaded.equals(pdf)).toBe(true);
  const href = (await link.getAttribute("href")) ?? "";
  const answer = await manager.request.get(href);
  expect(answer.status()).toBe(200);
  const headers = answer.headers();
  expect(headers["content-disposition"]).toMatch(/^attachment;/);
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect((await answer.body()).equals(pdf)).toBe(true);
  await manager.context().close();

  // 3. The auditor downloads the project's evidence pack from History; the offline check passes.
  const auditor = await signedInPage(browser, "auditor");
  await auditor.goto(`/history?project=${project.code}`);
  const packLink = auditor.getByTestId("evidence-pack-link");
  await expect(packLink).toBeVisible();
  const [packDownload] = await Promise.all([auditor.waitForEvent("download"), packLink.click()]);
  const packPath = testInfo.outputPath("evidence-pack.zip");
  await packDownload.saveAs(packPath);
  await auditor.context().close();
  const offline = spawnSync("node", ["scripts/verify-evidence-pack.mjs", packPath], { encoding: "utf8" });
  expect(offline.stdout).toMatch(/^OK \d+ events and 1 files/m);
  expect(offline.status).toBe(0);

  // 4. The stored file changes on disk: audit:verify --evidence fails and names it (the file is put back after).
  const before = auditVerifyEvidence();
  expect(before.stdout).toMatch(/^EVIDENCE OK \d+ files$/m);
  expect(before.status).toBe(0);
  const onDisk = path.join(EVIDENCE_DIR, stored.key);
  const original = await readFile(onDisk);
  expect(original.equals(pdf)).toBe(true);
  try {
    await writeFile(onDisk, Buffer.concat([original, Buffer.from("% a line added after sealing\n", "latin1")]));
    const after = auditVerifyEvidence();
    expect(after.stdout).toContain(`EVIDENCE CHANGED ${fileName} (${stored.id})`);
    expect(after.status).toBe(1);
  } finally {
    await writeFile(onDisk, original);
  }
});
