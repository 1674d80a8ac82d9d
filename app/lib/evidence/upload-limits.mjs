// The numbers of evidence uploads, in plain JavaScript so that the HTTP server (scripts/server.mjs, run by Node with
// no TypeScript step) and the app (app/lib/evidence/limits.ts) hold the same limits.

export const EVIDENCE_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;
/** Room for the form's text fields next to the files, in an upload's body. */
export const EVIDENCE_FORM_TEXT_BYTES = 1024 * 1024;
/** The largest body an upload route accepts: every file at its limit, the multipart framing and the text fields. */
export const EVIDENCE_MAX_BODY_BYTES = EVIDENCE_MAX_FILES * (EVIDENCE_MAX_FILE_BYTES + 4096) + EVIDENCE_FORM_TEXT_BYTES;
/** The message of the error the server's body counter raises past that limit (the app answers 413). */
export const BODY_TOO_LARGE = "QADAM_BODY_TOO_LARGE";
/**
 * The pages whose forms may carry evidence files (a milestone's page, an indicator's page; `.data` is the same
 * route fetched by the app's scripts): only there a multipart body streams to the app under this limit.
 */
export const UPLOAD_PATH = /^\/projects\/[^/]+\/(milestones|indicators)\/[^/.]+(\.data)?$/;
