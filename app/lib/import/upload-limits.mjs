// The size limits of a spreadsheet upload, in plain JavaScript so that the HTTP server (scripts/server.mjs, run by
// Node with no TypeScript step) and the app (app/lib/import/read-upload.server.ts) hold the same numbers.

/** The file as uploaded. A filled template of a few hundred rows is ~30 KB. */
export const SPREADSHEET_MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * What the server lets through to the spreadsheet page: twice the file limit, so that a file somewhat over it still
 * reaches the page and gets its own answer in the reader's language ("the file is larger than 2 MB") instead of the
 * server's plain 413 for every other form.
 */
export const SPREADSHEET_MAX_BODY_BYTES = 2 * SPREADSHEET_MAX_FILE_BYTES;
/** The spreadsheet page (`.data` is the same route fetched by the app's scripts). */
export const SPREADSHEET_PATH = /^\/import(\.data)?$/;
