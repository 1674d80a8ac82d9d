// A real SMTP server (the `smtp-server` package) on a loopback port that writes every message it accepts, parsed by
// `mailparser`, as one JSON line to a file: the e2e server starts it beside the app (scripts/e2e-server.mjs), and the
// browser tests read what actually arrived. Plain JavaScript because the e2e server script runs without a compiler.
import { appendFile, rm } from "node:fs/promises";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * @typedef {{ to: string[]; from: string; subject: string; text: string; html: string; language: string | null;
 *   kind: string | null; messageId: string | null; receivedAt: string }} ReceivedMail
 * @param {import("mailparser").ParsedMail} parsed
 * @returns {ReceivedMail}
 */
function toRecord(parsed) {
  const groups = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
  const header = (/** @type {string} */ name) => {
    const value = parsed.headers.get(name);
    return typeof value === "string" ? value : null;
  };
  return {
    to: groups.flatMap((group) => group.value.map((address) => address.address ?? "")),
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    language: header("content-language"),
    kind: header("x-qadam-kind"),
    messageId: parsed.messageId ?? null,
    receivedAt: new Date().toISOString(),
  };
}

/**
 * Starts the mailbox; the file starts empty.
 * @param {{ port: number; file: string }} options
 * @returns {Promise<{ close: () => Promise<void> }>}
 */
export async function startSmtpMailbox(options) {
  await rm(options.file, { force: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => appendFile(options.file, `${JSON.stringify(toRecord(parsed))}\n`))
        .then(() => callback())
        .catch((error) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve(undefined));
  });
  return { close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}
