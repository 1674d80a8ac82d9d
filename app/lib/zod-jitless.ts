// Zod compiles object schemas with `new Function` when it may, and probes for that when a schema is created. The
// page's Content-Security-Policy forbids eval, so in the browser the probe is reported as a violation (and then
// falls back anyway): turn compilation off there. The root route imports this module first, so it runs before any
// route module creates a schema. The server keeps compiled parsing (no CSP applies to it).
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
