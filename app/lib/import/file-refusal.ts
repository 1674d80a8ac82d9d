import { DomainError, type MessageValues } from "~/lib/errors";

/**
 * Why an uploaded spreadsheet is refused before any row is read: the whole file, not a row, is wrong. The message
 * key lives in the `import.refused` namespace; the status is the HTTP answer the route gives (always a 4xx).
 */
export type FileRefusalReason =
  | "noFile"
  | "tooBig"
  | "wrongType"
  | "notXlsx"
  | "zipBomb"
  | "macros"
  | "externalLinks"
  | "tooManyRows"
  | "wrongColumns"
  | "noSheets"
  | "changedSinceCheck";

const STATUS: Record<FileRefusalReason, 400 | 409 | 413 | 415 | 422> = {
  noFile: 400,
  tooBig: 413,
  wrongType: 415,
  notXlsx: 415,
  zipBomb: 413,
  macros: 415,
  externalLinks: 422,
  tooManyRows: 413,
  wrongColumns: 422,
  noSheets: 422,
  changedSinceCheck: 409,
};

export class FileRefusedError extends DomainError {
  readonly status: 400 | 409 | 413 | 415 | 422;
  constructor(
    readonly reason: FileRefusalReason,
    readonly values?: MessageValues,
  ) {
    super(`file refused: ${reason}`);
    this.status = STATUS[reason];
  }
  get messageKey(): `import.refused.${FileRefusalReason}` {
    return `import.refused.${this.reason}`;
  }
}
