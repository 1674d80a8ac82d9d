/**
 * What may be attached as evidence, shared by the form (a first check before anything is sent) and the server (the
 * check that counts: a file's type is found from its content, never from its name or the browser's claim).
 */

export {
  EVIDENCE_FORM_TEXT_BYTES,
  EVIDENCE_MAX_BODY_BYTES,
  EVIDENCE_MAX_FILE_BYTES,
  EVIDENCE_MAX_FILES,
} from "./upload-limits.mjs";

/** The form field that carries the files. */
export const EVIDENCE_FIELD = "evidenceFiles";

/** The types accepted, as found from the content; each is served with exactly this type. */
export const EVIDENCE_TYPES = {
  "application/pdf": { label: "PDF", extension: "pdf" },
  "image/png": { label: "PNG", extension: "png" },
  "image/jpeg": { label: "JPEG", extension: "jpg" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word", extension: "docx" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel", extension: "xlsx" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    label: "PowerPoint",
    extension: "pptx",
  },
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export function isEvidenceType(type: string): type is EvidenceType {
  return Object.hasOwn(EVIDENCE_TYPES, type);
}

/** The file picker's `accept`: a hint for the person choosing (the server decides by content). */
export const EVIDENCE_ACCEPT = [
  ...Object.keys(EVIDENCE_TYPES),
  ...Object.values(EVIDENCE_TYPES).map((t) => `.${t.extension}`),
  ".jpeg",
].join(",");

/** A file as a submission's audit event records it (and the pages show it). */
export type EvidenceFileRecord = { id: string; name: string; size: number; type: string; sha256: string };
