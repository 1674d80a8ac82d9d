// Requests through the real HTTP server (scripts/server.mjs in development mode, on a loopback port): what
// happens in front of Remix and what a resource route answers on the wire.
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerBeforeBody } from "../../scripts/server.mjs";
import { EVIDENCE_MAX_BODY_BYTES } from "~/lib/evidence/upload-limits.mjs";
import { SPREADSHEET_MAX_BODY_BYTES } from "~/lib/import/upload-limits.mjs";
import { startServer, type RunningServer } from "../helpers/http-server";

const LIMIT = 1024 * 1024;
let running: RunningServer;
let base = "";

beforeAll(async () => {
  process.env.FORM_BODY_MAX_BYTES = String(LIMIT);
  running = await startServer();
  base = running.base;
}, 60_000);

afterAll(() => running.stop());

function post(path: string, body: string, contentType = "application/x-www-form-urlencoded") {
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": contentType },
    body,
  });
}

describe("the language switch (a resource route)", () => {
  it("switches and redirects back, setting the language cookie", async () => {
    const response = await post("/account/language", "locale=kk&redirectTo=%2Flogin");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login");
    const cookieValue = encodeURIComponent(Buffer.from(JSON.stringify("kk")).toString("base64"));
    expect(response.headers.get("set-cookie")).toContain(`qadam_lang=${cookieValue}`);
  });

  it("answers an unknown language with a plain 400 Response, so Remix prints no future-change warning", async () => {
    const warn = vi.spyOn(console, "warn");
    try {
      const response = await post("/account/language", "locale=xx");
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Unknown language.");
      expect(warn.mock.calls.flat().join(" ")).not.toMatch(/REMIX FUTURE CHANGE/);
    } finally {
      warn.mockRestore();
    }
  }, 30_000);
});

/**
 * Streams a chunked body (no Content-Length) of up to `total` bytes, respecting backpressure, until the server
 * answers or closes. Returns the status (if an answer came) and how many bytes the client managed to send.
 */
function streamChunked(path: string, total: number): Promise<{ status: number | null; written: number; body: string }> {
  return new Promise((resolve) => {
    const url = new URL(path, base);
    let written = 0;
    let done = false;
    const finish = (status: number | null, body = "") => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, written, body });
    };
    const request = httpRequest(url, {
      method: "POST",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => finish(response.statusCode ?? null, body));
    });
    request.on("error", () => finish(null));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!done && written < total) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!done) request.end();
    };
    request.write("password=");
    pump();
  });
}

describe("request bodies are limited before Remix reads them", () => {
  it("refuses a form whose declared length is over the limit with 413, in plain words", async () => {
    const response = await post("/login", `email=a%40b.test&password=${"x".repeat(LIMIT)}`);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("The form is too large: Qadam accepts at most 1 MiB per form.");
    expect(response.headers.get("connection")).toBe("close");
  });

  it("stops reading a chunked body at the limit and answers 413", async () => {
    const total = 64 * 1024 * 1024;
    const result = await streamChunked("/login", total);
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/too large/);
    // The server stopped reading: the client could not push the whole 64 MiB through.
    expect(result.written).toBeLessThan(total);
  }, 30_000);

  it("lets a form just under the limit reach the action", async () => {
    const response = await post("/login", `email=a%40b.test&password=${"x".repeat(LIMIT - 100)}`);
    expect(response.status).toBe(400); // the login form's own answer: the password is too long
  }, 30_000);
});

describe("an answer given while the client is still sending its body", () => {
  const LINGER = 1_000;
  const MESSAGE = "The form is too large.";
  let server: Server;
  let port = 0;
  /** Bytes the server read from the last connection after it had answered, once that connection has closed. */
  let readAfterAnswer: Promise<number> = Promise.resolve(-1);

  beforeAll(async () => {
    // Refuses every POST at once, before reading any of its body, as the server does over the limit.
    server = createHttpServer((req, res) => {
      const atAnswer = req.socket.bytesRead;
      readAfterAnswer = new Promise((resolve) =>
        req.socket.once("close", () => resolve(req.socket.bytesRead - atAnswer)),
      );
      answerBeforeBody(req, res, 413, MESSAGE, LINGER);
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A raw client: sends `head`, then body chunks as fast as the socket takes them until `stopAfter` bytes. */
  function rawPost(head: string, stopAfter: number) {
    type Result = { answer: string; sent: number; closedAfterMs: number; reset: boolean };
    return new Promise<Result>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      const chunk = Buffer.alloc(64 * 1024, "a");
      let answer = "";
      let sent = 0;
      let answeredAt = 0;
      let closed = false;
      let reset = false;
      socket.setEncoding("utf8");
      socket.on("data", (text: string) => {
        answer += text;
        if (!answeredAt && answer.endsWith(MESSAGE)) answeredAt = Date.now();
      });
      // A reset: after the linger time, if the client is still sending then.
      socket.on("error", () => (reset = true));
      socket.on("close", () => {
        closed = true;
        resolve({ answer, sent, closedAfterMs: Date.now() - answeredAt, reset });
      });
      const pump = () => {
        while (!closed && sent < stopAfter) {
          sent += chunk.length;
          if (!socket.write(head.includes("chunked") ? `10000\r\n${chunk.toString()}\r\n` : chunk)) {
            return void socket.once("drain", pump);
          }
        }
      };
      socket.write(head);
      pump();
    });
  }

  it("reaches a client that goes on sending, whole, and reads what it sends for the linger time", async () => {
    const head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    const result = await rawPost(head, Number.MAX_SAFE_INTEGER);
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(result.answer.endsWith(`\r\n\r\n${MESSAGE}`)).toBe(true);
    // The server kept reading (and dropping) what came after its answer, and closed after the linger time.
    expect(await readAfterAnswer).toBeGreaterThan(4 * 1024 * 1024);
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(LINGER - 50);
    expect(result.closedAfterMs).toBeLessThan(LINGER + 5_000);
  }, 30_000);

  it("closes as soon as a body that was on its way has arrived, without waiting the linger time", async () => {
    const length = 4 * 1024 * 1024;
    const head = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n`;
    const started = Date.now();
    const result = await rawPost(head, length);
    expect(result.answer.endsWith(MESSAGE)).toBe(true);
    // Closed by the server once the 4 MiB were read (the client never closes on its own here), with no reset.
    expect(result.sent).toBe(length);
    expect(result.reset).toBe(false);
    expect(Date.now() - started).toBeLessThan(LINGER);
  }, 30_000);
});

describe("evidence uploads have their own limit, on the pages that take files", () => {
  const UPLOAD = "/projects/some-project/milestones/some-milestone";

  /** Declares a multipart body of `length` bytes and sends only its first part: the answer comes first or not. */
  function declared(path: string, length: number): Promise<{ status: number | null; body: string }> {
    return new Promise((resolve) => {
      const request = httpRequest(new URL(path, base), {
        method: "POST",
        headers: { origin: base, "content-type": "multipart/form-data; boundary=b0", "content-length": String(length) },
      });
      request.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? null, body });
        });
      });
      request.on("error", () => resolve({ status: null, body: "" }));
      request.write('--b0\r\nContent-Disposition: form-data; name="evidenceFiles"; filename="a.pdf"\r\n\r\n%PDF-');
    });
  }

  it("refuses an upload whose declared length is over the upload limit with 413, before reading it", async () => {
    const result = await declared(UPLOAD, EVIDENCE_MAX_BODY_BYTES + 1);
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/^The form is too large: Qadam accepts at most .* with its files\.$/);
  });

  it("lets a multipart form larger than the form limit reach a page that takes files (here: sign in first)", async () => {
    const parts = [
      '--b0\r\nContent-Disposition: form-data; name="evidenceFiles"; filename="a.pdf"\r\n',
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n",
      "x".repeat(2 * LIMIT),
      "\r\n--b0--\r\n",
    ];
    const response = await post(UPLOAD, parts.join(""), "multipart/form-data; boundary=b0");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
    // Answered before the body was read: the connection ends rather than keep the unread rest.
    expect(response.headers.get("connection")).toBe("close");
  }, 30_000);

  it("keeps the form limit for a multipart form elsewhere", async () => {
    const result = await declared("/account/language", LIMIT + 1);
    expect(result.status).toBe(413);
    expect(result.body).toBe("The form is too large: Qadam accepts at most 1 MiB per form.");
  });
});

describe("the spreadsheet page takes a file larger than a form", () => {
  const multipart = (size: number) =>
    [
      '--b0\r\nContent-Disposition: form-data; name="file"; filename="values.xlsx"\r\n\r\n',
      "x".repeat(size),
      '\r\n--b0\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncheck\r\n--b0--\r\n',
    ].join("");

  it("lets a file of 1.5 MiB (over the 1 MiB form limit, under the 2 MiB file limit) reach the page", async () => {
    const response = await post("/import", multipart(1.5 * LIMIT), "multipart/form-data; boundary=b0");
    // The page's own answer (here: sign in first), not the server's 413 for forms.
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  }, 30_000);

  it("still refuses a body over twice the file limit with 413", async () => {
    const response = await post("/import", multipart(SPREADSHEET_MAX_BODY_BYTES), "multipart/form-data; boundary=b0");
    expect(response.status).toBe(413);
  }, 30_000);
});

describe("a body that is not a form is the client's mistake, not a 500", () => {
  it("refuses JSON sent to a form action with 415", async () => {
    const response = await post("/login", JSON.stringify({ email: "a@b.test", password: "x" }), "application/json");
    expect(response.status).toBe(415);
    expect(await response.text()).toMatch(/forms only/);
  });

  it("refuses a POST without a content type with 415", async () => {
    const response = await fetch(`${base}/login`, { method: "POST", headers: { origin: base } });
    expect(response.status).toBe(415);
  });

  it("refuses multipart with a broken boundary with 400", async () => {
    const body =
      '--wrong-boundary\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.test\r\n--wrong-boundary--\r\n';
    const response = await post("/login", body, "multipart/form-data; boundary=declared-boundary");
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("The request body is not a valid form.");
  });

  it("still accepts a well-formed multipart form", async () => {
    const body = '--b0undary\r\nContent-Disposition: form-data; name="locale"\r\n\r\nru\r\n--b0undary--\r\n';
    const response = await post("/account/language", body, "multipart/form-data; boundary=b0undary");
    expect(response.status).toBe(302);
  });
});
