// A real SMTP server on a loopback port (the `smtp-server` package) that keeps every message it accepted, parsed by
// `mailparser`: tests assert on what actually arrived. It can be stopped and started again on the same port to play
// a mail server that is down for a while.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  language: string | undefined;
  raw: ParsedMail;
};

export type SmtpCatcher = {
  port: number;
  url: string;
  messages: CaughtMail[];
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<CaughtMail[]>;
};

function toMail(parsed: ParsedMail): CaughtMail {
  const recipients = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
  const language = parsed.headers.get("content-language");
  return {
    to: recipients.flatMap((group) => group.value.map((address) => address.address ?? "")),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    messageId: parsed.messageId,
    language: typeof language === "string" ? language : undefined,
    raw: parsed,
  };
}

export async function startSmtpCatcher(port = 0): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;
  let boundPort = port;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const instance = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((parsed) => {
              messages.push(toMail(parsed));
              for (const wake of waiters) wake();
              callback();
            })
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
        },
      });
      instance.on("error", reject);
      instance.listen(boundPort, "127.0.0.1", () => {
        boundPort = (instance.server.address() as AddressInfo).port;
        server = instance;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const instance = server;
      server = null;
      if (!instance) return resolve();
      instance.close(() => resolve());
    });

  const waitFor = (count: number, timeoutMs = 10_000) =>
    new Promise<CaughtMail[]>((resolve, reject) => {
      const check = () => {
        if (messages.length < count) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(messages.slice(0, count));
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`expected ${count} messages, ${messages.length} arrived`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  await start();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    messages,
    stop,
    start,
    waitFor,
  };
}
