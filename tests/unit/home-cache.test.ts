// The home page's cache (per state of the database, day and viewer): exact, per viewer, bounded.
import { describe, expect, it } from "vitest";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import { getHomeData, homeDataFor } from "~/models/home.server";
import { createActor, createOrganization } from "../helpers/factories";

/** A computation that counts how often it ran. */
function counted(value: string) {
  const runs = { count: 0 };
  const compute = async () => {
    runs.count += 1;
    return `${value}#${runs.count}`;
  };
  return { runs, compute };
}

describe("cachedPerStateAndScope", () => {
  it("computes once per state, day and scope, and again after a write", async () => {
    const a = counted("a");
    const b = counted("b");
    expect(await cachedPerStateAndScope("test-exact", "a", a.compute, "2026-12-02", 10)).toBe("a#1");
    expect(await cachedPerStateAndScope("test-exact", "a", a.compute, "2026-12-02", 10)).toBe("a#1");
    expect(await cachedPerStateAndScope("test-exact", "b", b.compute, "2026-12-02", 10)).toBe("b#1");
    // Another day, another value.
    expect(await cachedPerStateAndScope("test-exact", "a", a.compute, "2026-12-03", 10)).toBe("a#2");
    // Every write appends an audit event: the chain's head moves and the next read recomputes.
    await createOrganization();
    expect(await cachedPerStateAndScope("test-exact", "b", b.compute, "2026-12-02", 10)).toBe("b#2");
  });

  it("keeps at most maxScopes scopes per name, dropping the least recently used", async () => {
    const runs: Record<string, number> = {};
    const get = (scope: string) =>
      cachedPerStateAndScope(
        "test-bounded",
        scope,
        async () => {
          runs[scope] = (runs[scope] ?? 0) + 1;
          return scope;
        },
        "",
        2,
      );
    await get("x");
    await get("y");
    await get("x"); // x is now the most recent
    await get("z"); // drops y
    await get("x");
    expect(runs).toEqual({ x: 1, y: 1, z: 1 });
    await get("y");
    expect(runs.y).toBe(2);
  });
});

describe("homeDataFor", () => {
  it("answers what getHomeData computes, for each viewer, and follows a write", async () => {
    const today = new Date("2026-12-02T10:00:00Z");
    const org = await createOrganization({ kind: "WORLD_BANK" });
    const manager = await createActor("MANAGER", { organizationId: org.id });
    const auditor = await createActor("AUDITOR", { organizationId: org.id });
    for (const actor of [manager, auditor]) {
      expect(await homeDataFor(actor, today)).toEqual(await getHomeData({ actor, today }));
    }
    const before = await homeDataFor(auditor, today);
    expect(await homeDataFor(auditor, today)).toBe(before);
    await createOrganization();
    const after = await homeDataFor(auditor, today);
    expect(after).not.toBe(before);
    expect(after).toEqual(await getHomeData({ actor: auditor, today }));
  });
});
