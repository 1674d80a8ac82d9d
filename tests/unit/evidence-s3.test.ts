// The S3-compatible evidence storage against a real S3 server (s3rver) on a loopback port: what is put comes back
// byte for byte and hashes to the SHA-256 computed at upload, a missing object reads as none (the download answers
// 404 and audit:verify --evidence names it), and a removed object is gone. The same calls as the disk storage.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskStorage, s3Storage, type EvidenceStorage, type S3Settings } from "~/lib/evidence/storage.server";

let work: string;
let server: S3rver;
let s3: EvidenceStorage;
let settings: S3Settings;

async function bytesOf(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "qadam-s3-test-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(work, "s3"),
    configureBuckets: [{ name: "qadam-evidence" }],
  });
  const { port } = await server.run();
  settings = {
    bucket: "qadam-evidence",
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    // s3rver's fixed development credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
    prefix: "evidence/",
  };
  s3 = s3Storage(settings);
});

afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe("evidence in an S3-compatible bucket", () => {
  it("puts a file and gets the same bytes back, which hash to the SHA-256 sealed at upload", async () => {
    // 3 MB of random bytes: more than one chunk on the way in and out.
    const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(3 * 1024 * 1024)]);
    const source = path.join(work, "report.pdf");
    await writeFile(source, bytes);
    await s3.put("ev-0123456789abcdef", source, "application/pdf");
    const back = await bytesOf(await s3.open("ev-0123456789abcdef"));
    expect(back?.length).toBe(bytes.length);
    expect(back && sha256(back)).toBe(sha256(bytes));
  });

  it("reads a key with nothing stored as none, and a removed object is gone", async () => {
    expect(await s3.open("ev-nothing-stored-here")).toBeNull();
    const source = path.join(work, "photo.png");
    await writeFile(source, Buffer.from("\x89PNG\r\n\x1a\nrest", "latin1"));
    await s3.put("ev-fedcba9876543210", source, "image/png");
    expect(await bytesOf(await s3.open("ev-fedcba9876543210"))).not.toBeNull();
    await s3.remove("ev-fedcba9876543210");
    expect(await s3.open("ev-fedcba9876543210")).toBeNull();
  });

  it("keeps objects under its prefix: the same key under another prefix is another object", async () => {
    const source = path.join(work, "prefixed.pdf");
    await writeFile(source, Buffer.from("%PDF-1.4\nprefixed\n"));
    await s3.put("ev-prefix-0000000001", source, "application/pdf");
    const elsewhere = s3Storage({ ...settings, prefix: "elsewhere/" });
    expect(await elsewhere.open("ev-prefix-0000000001")).toBeNull();
    expect(await bytesOf(await s3.open("ev-prefix-0000000001"))).toEqual(Buffer.from("%PDF-1.4\nprefixed\n"));
  });

  it("refuses a key that is not one Qadam makes, before any request (disk and S3 alike)", async () => {
    const disk = diskStorage(path.join(work, "disk"));
    for (const storage of [s3, disk]) {
      await expect(storage.open("../../etc/passwd")).rejects.toThrow(/not an evidence storage key/);
      await expect(storage.put("a/b", path.join(work, "report.pdf"), "application/pdf")).rejects.toThrow(
        /not an evidence storage key/,
      );
    }
  });
});
