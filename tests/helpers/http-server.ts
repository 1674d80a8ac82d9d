// Starts the real HTTP server (scripts/server.mjs in development mode) on a loopback port for a test file.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createServer } from "../../scripts/server.mjs";

export type RunningServer = { base: string; stop: () => Promise<void> };

export async function startServer(): Promise<RunningServer> {
  process.env.LOG_LEVEL = "warn"; // no access-log line per request in the test output
  const created = await createServer({ mode: "development" });
  const server: Server = created.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The first request makes Vite compile the whole server build (≈20 s on a busy 2-core machine): it is paid here,
  // inside the setup's budget, rather than by whichever test happens to run first.
  await (await fetch(`${base}/healthz`)).arrayBuffer();
  const stop = async () => {
    await new Promise((resolve) => server.close(resolve));
    await created.close();
  };
  return { base, stop };
}
