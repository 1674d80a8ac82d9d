// Qadam's HTTP server: Express in front of the Remix request handler.
// It owns what Remix has no hook for: a request id, the client IP, the CSRF origin check on every
// non-GET request, security headers (with the per-request CSP nonce), a size limit and a shape check on request bodies, and one structured
// access-log line per request.
import { randomBytes, randomUUID } from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import process from "node:process";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, createRequestHandler } from "@remix-run/node";
import express from "express";
import pino from "pino";
import { parseEnv } from "../app/lib/env-schema.server.mjs";
import { BODY_TOO_LARGE, EVIDENCE_MAX_BODY_BYTES, UPLOAD_PATH } from "../app/lib/evidence/upload-limits.mjs";
import { SPREADSHEET_MAX_BODY_BYTES, SPREADSHEET_PATH } from "../app/lib/import/upload-limits.mjs";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must carry an Origin header naming this site (or one listed in ALLOWED_ORIGINS).
 * Browsers always send Origin on cross-site and same-site POSTs, so a missing header means a non-browser or a
 * stripped request: refused too.
 */
export function isAllowedOrigin({ method, origin, host, protocol, allowedOrigins }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin || origin === "null") return false;
  if (allowedOrigins.includes(origin)) return true;
  return origin === `${protocol}://${host}`;
}

const CLIENT_REQUEST_ID_MAX = 64;

/**
 * A client's own X-Request-Id, for the access log only (correlating with a proxy's or a caller's log): printable
 * ASCII, at most 64 characters, anything else dropped; `undefined` when nothing is left.
 */
export function clientRequestIdOf(header) {
  if (typeof header !== "string") return undefined;
  const printable = header
    .replace(/[^\x20-\x7e]/g, "")
    .trim()
    .slice(0, CLIENT_REQUEST_ID_MAX);
  return printable === "" ? undefined : printable;
}

/**
 * The Content-Security-Policy of a page. Scripts run only from this origin, or inline with this request's nonce
 * (Remix's hydration and scroll-restoration scripts, React's streaming scripts): an injected inline script or
 * event handler does not run. Style sheets come only from this origin (`style-src-elem`); style *attributes* are
 * allowed (`style-src-attr 'unsafe-inline'`) because React renders `style={...}` props (chart sizes, progress bars)
 * as attributes — a style attribute cannot run code. Browsers without the -elem/-attr split read `style-src`.
 * Development adds what Vite's dev server needs: its HMR WebSocket and the inline styles of its error overlay.
 */
export function contentSecurityPolicy(nonce, { development = false } = {}) {
  const directives = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["style-src-elem", "'self'", ...(development ? ["'unsafe-inline'"] : [])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Powerful browser features no page of Qadam uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/**
 * Whether an answer carries Strict-Transport-Security. Never in development (it would pin localhost to https).
 * In production: by default when the request came over HTTPS (`req.secure`, which honours TRUST_PROXY and the
 * proxy's X-Forwarded-Proto); `HSTS=true` sends it on every answer (a TLS proxy that does not forward the
 * protocol), `HSTS=false` never (e.g. while sibling subdomains still serve plain http). Browsers ignore it over http.
 */
export function sendsHsts({ production, secure, setting }) {
  if (!production || setting === "false") return false;
  return setting === "true" || secure;
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Reads a request body, stopping as soon as it grows past `limit` bytes: the answer is then `null` and the rest
 * is never read. A declared Content-Length over the limit is refused before reading anything.
 */
export function readLimitedBody(req, limit) {
  const declared = Number(req.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * The body a state-changing request may carry to Remix: a form (URL-encoded or multipart) within the size limit.
 * Anything else is answered here, before any action reads it: 413 over the limit, 415 for other content types
 * (JSON, text, none), 400 for a form that does not parse (e.g. multipart with a broken boundary).
 */
async function checkFormBody(req, limit) {
  const contentType = req.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.has(mediaType)) {
    return {
      ok: false,
      status: 415,
      message: "Qadam accepts forms only (application/x-www-form-urlencoded or multipart/form-data).",
    };
  }
  const body = await readLimitedBody(req, limit);
  if (body === null) {
    return {
      ok: false,
      status: 413,
      message: `The form is too large: Qadam accepts at most ${formatBytes(limit)} per form.`,
    };
  }
  try {
    await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, message: "The request body is not a valid form." };
  }
  return { ok: true, body };
}

/**
 * A form with evidence files, on the pages that take them (UPLOAD_PATH): not read here but streamed to the app,
 * which writes each file to disk as it arrives (app/lib/evidence/upload.server.ts). A declared Content-Length over
 * the upload limit is refused before reading; otherwise the bytes are counted on the way and the stream fails with
 * BODY_TOO_LARGE past the limit (the app answers 413).
 */
export function uploadBody(req, limit = EVIDENCE_MAX_BODY_BYTES) {
  const contentType = (req.get("content-type") ?? "").toLowerCase();
  if (!contentType.startsWith("multipart/form-data") || !UPLOAD_PATH.test(req.path)) return null;
  const declared = Number(req.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    return {
      ok: false,
      status: 413,
      message: `The form is too large: Qadam accepts at most ${formatBytes(limit)} with its files.`,
    };
  }
  let size = 0;
  const counted = new Transform({
    transform(chunk, _encoding, callback) {
      size += chunk.length;
      if (size > limit) callback(new Error(BODY_TOO_LARGE));
      else callback(null, chunk);
    },
  });
  req.pipe(counted);
  return { ok: true, body: createReadableStreamFromReadable(counted) };
}

function formatBytes(bytes) {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Remix's Request for an Express request, as @remix-run/express builds it, but over the body already read and
 * checked above (that adapter streams `req` itself, which has been consumed by then).
 */
function remixRequest(req, res, body) {
  // req.hostname honours "trust proxy" but drops the port: take the port from the header it came from.
  const hostHeader = req.get("x-forwarded-host") ?? req.get("host") ?? "";
  const port = Number.parseInt(hostHeader.split(":")[1] ?? "", 10);
  const url = new URL(
    `${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`,
  );
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  // Loaders and actions stop when the client goes away before the answer is written.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  // A streamed body (an upload) needs `duplex: "half"` in Node's fetch Request.
  const streamed = body instanceof ReadableStream;
  return new Request(url, {
    method: req.method,
    headers,
    body,
    signal: controller.signal,
    ...(streamed ? { duplex: "half" } : {}),
  });
}

async function sendRemixResponse(res, response) {
  setRemixHead(res, response);
  if (response.headers.get("content-type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

function setRemixHead(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  // Everything the app renders is about someone's portfolio (pages, data, exports): no browser or proxy keeps a
  // copy. Only the static files above are cached.
  res.setHeader("Cache-Control", "no-store");
}

/**
 * How long a client may go on sending a body Qadam has already answered before the connection is cut: time for the
 * answer to reach a phone on a slow link, and for the phone to stop sending.
 */
export const LINGER_MS = 5_000;

/**
 * Answers a request whose body the client is still sending (a form over the limit, an upload refused early), then
 * closes the connection without losing the answer. Closing at once would leave the unsent rest of the body unread
 * in the kernel, which then answers the client with a TCP reset; a client still sending can read that reset before
 * the answer and show "connection reset" instead of the refusal (nodejs/node#21026, seen here on a loaded CI
 * machine). So the answer goes out whole, with its length, and what the client still sends is read and dropped
 * until its body ends or it hangs up, for at most `lingerMs`; only then does the connection close.
 */
export function answerBeforeBody(req, res, status, message, lingerMs = LINGER_MS) {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  writeThenLinger(req, res, Buffer.from(message), lingerMs);
}

/** The same for an answer of the app's (a redirect to sign in, a refusal, a 413): small, so read whole first. */
async function sendRemixAnswerBeforeBody(req, res, response) {
  setRemixHead(res, response);
  writeThenLinger(req, res, Buffer.from(await response.arrayBuffer()));
}

function writeThenLinger(req, res, bytes, lingerMs = LINGER_MS) {
  res.setHeader("Content-Length", bytes.length);
  res.setHeader("Connection", "close");
  res.write(bytes);
  let timer;
  const end = () => {
    clearTimeout(timer);
    req.off("end", end);
    if (!res.writableEnded) res.end();
  };
  if (req.readableEnded) return end();
  timer = setTimeout(end, lingerMs);
  res.once("close", () => clearTimeout(timer));
  req.once("end", end);
  // A client hanging up while it is still sending is expected here, not an error of ours.
  req.on("error", () => {});
  // Whatever still reads the body (the upload's byte counter) lets go of it; with no reader left the rest is dropped.
  req.unpipe();
  req.resume();
}

/**
 * Writes a response body to the socket at the pace the client reads it. Remix's own writer ignores what
 * `res.write` answers, so a body produced faster than the client takes it (a million-row export) piled up in the
 * socket's buffer — gigabytes of memory. Here the next chunk is read only once the last one has drained, and a
 * client that goes away cancels the body, which stops the producer (an export stops reading the database).
 */
export async function writeBody(body, res) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !res.destroyed) await drainedOrClosed(res);
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  } finally {
    reader.releaseLock();
  }
}

/** Resolves when the socket can take more, or is gone (listeners removed either way: a long body waits often). */
function drainedOrClosed(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * The files of `public/` (the favicon) as the build copied them. Their names are read once at start, so a page's path
 * goes straight to Remix instead of first being looked up on disk (a file-system call for every page).
 */
function publicFiles(dir) {
  const names = new Set(readdirSync(dir).filter((name) => name !== "assets"));
  const serve = express.static(dir, { maxAge: "1h" });
  return (req, res, next) => (names.has(req.path.split("/")[1] ?? "") ? serve(req, res, next) : next());
}

// The same store the app reads (app/lib/request.server.ts), registered on globalThis.
const STORE_KEY = Symbol.for("qadam.request-store");
globalThis[STORE_KEY] ??= new AsyncLocalStorage();
const requestStore = globalThis[STORE_KEY];

/**
 * The Express app in front of Remix. Its configuration is the environment validated by the app's own schema
 * (app/lib/env-schema.server.mjs): a bad value stops the server here with the message the app would give.
 */
export async function createServer(options = {}) {
  const env = parseEnv(process.env);
  const mode = options.mode ?? (env.NODE_ENV === "production" ? "production" : "development");
  // Under the supervisor every line names its worker, so a crash or a slow request can be traced to one process.
  const logger = pino({
    level: env.LOG_LEVEL,
    base: cluster.isWorker ? { worker: Number(process.env.QADAM_WORKER_ID) } : undefined,
  });
  const allowedOrigins = env.ALLOWED_ORIGINS.split(",")
    .map((o) => o.trim())
    .filter(Boolean);

  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);

  app.use((req, res, next) => {
    // The request id goes into the audit chain: only the server chooses it. A client's own id is only logged.
    const requestId = randomUUID();
    const clientRequestId = clientRequestIdOf(req.get("x-request-id"));
    const started = process.hrtime.bigint();
    // A fresh nonce per request: the app reads it from the store to mark its inline scripts (app/entry.server.tsx).
    const cspNonce = randomBytes(16).toString("base64");
    const store = { requestId, ip: req.ip ?? null, userId: null, cspNonce };
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(cspNonce, { development: mode !== "production" }));
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    if (sendsHsts({ production: mode === "production", secure: req.secure, setting: env.HSTS })) {
      res.setHeader("Strict-Transport-Security", HSTS_VALUE);
    }
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.on("finish", () => {
      // Never the query string's secrets or any body: path, status, timing and who.
      logger.info({
        requestId,
        clientRequestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: store.userId,
        ip: store.ip,
      });
    });
    const allowed = isAllowedOrigin({
      method: req.method,
      origin: req.get("origin"),
      host: req.get("host"),
      protocol: req.protocol,
      allowedOrigins,
    });
    if (!allowed) {
      res.status(403).type("text/plain").send("Cross-site request refused (Origin missing or foreign).");
      return;
    }
    requestStore.run(store, next);
  });

  let build;
  let viteDevServer;
  if (mode === "production") {
    const buildDir = env.QADAM_BUILD_DIR;
    app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
    app.use(publicFiles(`${buildDir}/client`));
    build = await import(new URL(`../${buildDir}/server/index.js`, import.meta.url).href);
  } else {
    const vite = await import("vite");
    viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteDevServer.middlewares);
    build = () => viteDevServer.ssrLoadModule("virtual:remix/server-build");
  }
  const handleRequest = createRequestHandler(build, mode);
  app.all("*", async (req, res, next) => {
    try {
      let body;
      if (!SAFE_METHODS.has(req.method)) {
        // The spreadsheet page takes a file larger than a form's limit (and answers one over its own limit itself).
        const formLimit = SPREADSHEET_PATH.test(req.path)
          ? Math.max(SPREADSHEET_MAX_BODY_BYTES, env.FORM_BODY_MAX_BYTES)
          : env.FORM_BODY_MAX_BYTES;
        const checked = uploadBody(req) ?? (await checkFormBody(req, formLimit));
        if (!checked.ok) {
          // Over the limit the rest of the body is not read into memory: the connection ends with the answer.
          if (checked.status === 413) answerBeforeBody(req, res, checked.status, checked.message);
          else res.status(checked.status).type("text/plain").send(checked.message);
          return;
        }
        body = checked.body;
      }
      const response = await handleRequest(remixRequest(req, res, body));
      // A streamed upload may be answered before the app reads all of it (not signed in, refused, over the limit).
      if (body instanceof ReadableStream && !req.complete) await sendRemixAnswerBeforeBody(req, res, response);
      else await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  // In development Vite watches files; `close` lets a test (or a caller) stop it with the server.
  const close = async () => viteDevServer?.close();
  return { app, logger, env, close };
}

/** Serves the app from this process until SIGINT/SIGTERM. */
async function serveHere() {
  try {
    const { app, logger, env } = await createServer();
    const server = app.listen(env.PORT, env.HOST, () =>
      logger.info(
        `Qadam is listening on http://localhost:${env.PORT}${cluster.isWorker ? ` (worker ${process.env.QADAM_WORKER_ID}, pid ${process.pid})` : ""}`,
      ),
    );
    // Finish the requests in flight, then exit (a normal exit also lets --cpu-prof write its profile).
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.once(signal, () => {
        server.close(() => process.exit(0));
        setTimeout(() => process.exit(0), 5_000).unref();
      });
    }
  } catch (error) {
    console.error(`Qadam cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  try {
    process.loadEnvFile(); // variables already set (e.g. by npm start or the platform) win over .env
  } catch {
    // no .env: the environment alone configures the server
  }
  // Like remix-serve, a server started without NODE_ENV serves the production build; the app must then see
  // production too (Secure cookies, the strict secret check), so the default is set for both here.
  process.env.NODE_ENV ??= "production";
  // Production runs under the supervisor (scripts/cluster.mjs): WEB_CONCURRENCY workers, one per core by default.
  // Development serves from this process (Vite's dev server and its HMR socket exist once), and so does
  // `--single-process`: the drills, which kill or measure the server's own process.
  const supervised =
    cluster.isPrimary && process.env.NODE_ENV === "production" && !process.argv.includes("--single-process");
  if (supervised) {
    let env;
    try {
      env = parseEnv(process.env);
    } catch (error) {
      console.error(`Qadam cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    const { superviseWorkers, workerCount } = await import("./cluster.mjs");
    superviseWorkers({
      count: workerCount(env.WEB_CONCURRENCY),
      logger: pino({ level: env.LOG_LEVEL, base: undefined }),
    });
  } else {
    // Unsupervised, this process is the only one: it runs what must run once.
    if (cluster.isPrimary) process.env.QADAM_PRIMARY_WORKER ??= "1";
    await serveHere();
  }
}
