import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// A config file turns off Prisma's own .env loading, and without DATABASE_URL the CLI falls back to downloading an
// engine: load .env here and default the URL.
try {
  process.loadEnvFile();
} catch {
  // no .env: the defaults below apply
}
process.env.DATABASE_URL ??= "file:./data/qadam.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaLibSQL({
      url: process.env.DATABASE_URL!,
      authToken: process.env.DATABASE_AUTH_TOKEN,
    });
  },
});
