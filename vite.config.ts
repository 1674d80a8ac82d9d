import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // Vite pre-bundling follows imports into *.server.ts; the native argon2 binding must stay out.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  plugins: [
    remix({
      // The e2e server builds into its own folder so parallel runs on one machine do not collide.
      buildDirectory: process.env.QADAM_BUILD_DIR ?? "build",
      ignoredRouteFiles: ["**/*.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
