import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { withoutUnusedBytes } from "~/lib/render-stream.server";
import { startMailWorker } from "~/lib/mail/deliver.server";
import { NonceContext } from "~/lib/nonce";
import { currentRequest } from "~/lib/request.server";
import { startReminderSchedule } from "~/models/notify/scheduler.server";

// Validate the configuration as soon as the server bundle loads: production refuses to start without it.
getEnv();
// The outbox is delivered by the server process itself (with SMTP_URL set; without it messages wait in the outbox).
startMailWorker();
// Reminders run on a schedule in every server process; a lease in the database lets one of them run each time.
startReminderSchedule();

const ABORT_DELAY = 5_000;

export const handleError: HandleErrorFunction = (error, { request }) => {
  // 404s, 403s and other thrown Responses are answers, not faults: the access log has them.
  if (request.signal.aborted || isRouteErrorResponse(error) || error instanceof Response) return;
  const { requestId } = currentRequest();
  const err =
    error instanceof Error ? { message: error.message, stack: error.stack } : { message: JSON.stringify(error) };
  logger.error({ requestId, err }, "unhandled error");
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // The server's Content-Security-Policy allows inline scripts carrying this request's nonce only: Remix's (the
  // layout's <Scripts>, <ScrollRestoration>, the streamed data) and React's own streaming scripts.
  const nonce = currentRequest().cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared once everything is rendered: a pending timer keeps the whole render (the page's data with it) in
    // memory for its 5 seconds, which at a hundred pages a second held tens of megabytes of finished pages.
    const abortTimer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(abortTimer);
          if (waitForAll) sendShell();
        },
        onShellReady() {
          if (!waitForAll) sendShell();
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (!shellRendered) return;
          // A reader who left mid-page (closed the tab, lost the connection) stops the render: not a fault.
          if (request.signal.aborted) logger.info({ err: String(error) }, "render stopped: the client went away");
          else logger.error({ err: String(error) }, "render error");
        },
      },
    );
    function sendShell() {
      shellRendered = true;
      const body = withoutUnusedBytes();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    }
  });
}
