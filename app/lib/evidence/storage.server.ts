import { createReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getEnv } from "~/lib/env.server";

/**
 * Where evidence files are kept: one small interface, a folder on disk by default and an S3-compatible bucket when
 * EVIDENCE_S3_BUCKET is set. No other code knows which one it talks to. Keys are chosen by Qadam (random, never a
 * user's file name), so a key cannot climb out of the folder or the prefix.
 */
export interface EvidenceStorage {
  /** Stores the file at `sourcePath` under `key` (a new key: objects are never overwritten by the app). */
  put(key: string, sourcePath: string, type: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  open(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9-]{7,80}$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not an evidence storage key: ${key}`);
  return key;
}

export function diskStorage(dir: string): EvidenceStorage {
  const root = path.resolve(dir);
  const at = (key: string) => path.join(root, checkedKey(key));
  return {
    async put(key, sourcePath) {
      await mkdir(root, { recursive: true });
      // Copied beside its final name and renamed: a reader never sees half a file.
      const partial = `${at(key)}.partial`;
      await copyFile(sourcePath, partial);
      await rename(partial, at(key));
    },
    async open(key) {
      const file = at(key);
      try {
        if (!(await stat(file)).isFile()) return null;
      } catch {
        return null;
      }
      return createReadStream(file);
    },
    async remove(key) {
      await rm(at(key), { force: true });
    },
  };
}

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix: string;
};

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);
}

export function s3Storage(settings: S3Settings): EvidenceStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where S3 requires them: by default the SDK sends a streamed body as `aws-chunked` with a
    // trailing checksum, which S3-compatible stores that do not speak it keep as part of the object (its bytes
    // and SHA-256 would no longer be the file's). Integrity is Qadam's own: the sealed SHA-256, re-hashed by
    // audit:verify --evidence.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
  });
  const objectKey = (key: string) => `${settings.prefix}${checkedKey(key)}`;
  return {
    async put(key, sourcePath, type) {
      const { size } = await stat(sourcePath);
      await client.send(
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: objectKey(key),
          Body: createReadStream(sourcePath),
          ContentLength: size,
          ContentType: type,
        }),
      );
    },
    async open(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
        // In Node the SDK's body is a readable stream (an IncomingMessage with the SDK's helpers mixed in).
        return answer.Body instanceof Readable ? answer.Body : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
    },
  };
}

let configured: EvidenceStorage | undefined;

/** The storage this installation is configured with (.env.example, "Evidence files"). */
export function evidenceStorage(): EvidenceStorage {
  if (configured) return configured;
  const env = getEnv();
  configured = env.EVIDENCE_S3_BUCKET
    ? s3Storage({
        bucket: env.EVIDENCE_S3_BUCKET,
        region: env.EVIDENCE_S3_REGION,
        endpoint: env.EVIDENCE_S3_ENDPOINT,
        accessKeyId: env.EVIDENCE_S3_ACCESS_KEY_ID,
        secretAccessKey: env.EVIDENCE_S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.EVIDENCE_S3_FORCE_PATH_STYLE === "true",
        prefix: env.EVIDENCE_S3_PREFIX,
      })
    : diskStorage(env.EVIDENCE_DIR);
  return configured;
}
