// The per-state caches (exact, bounded, only inside a request) and the home page kept per state, day and viewer.
import { describe, expect, it } from "vitest";
import { cachedPerState, cachedPerStateAndScope } from "~/lib/state-cache.server";
import { getHomeData, homeDataFor } from "~/models/home.server";
import { createActor, createOrganization } from "../helpers/factories";
import { insideServerRequest } from "../helpers/request";

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
    const get = (scope: string, compute: () => Promise<string>, day: string) =>
      insideServerRequest(() => cachedPerStateAndScope("test-exact", scope, compute, day, 10));
    expect(await get("a", a.compute, "2026-12-02")).toBe("a#1");
    expect(await get("a", a.compute, "2026-12-02")).toBe("a#1");
    expect(await get("b", b.compute, "2026-12-02")).toBe("b#1");
    // Another day, another value.
    expect(await get("a", a.compute, "2026-12-03")).toBe("a#2");
    // Every write appends an audit event: the chain's head moves and the next read recomputes.
    await createOrganization();
    expect(await get("b", b.compute, "2026-12-02")).toBe("b#2");
  });

  it("keeps nothing outside a request of our server, where writes may bypass the audit chain", async () => {
    const a = counted("a");
    expect(await cachedPerStateAndScope("test-outside", "a", a.compute, "", 10)).toBe("a#1");
    expect(await cachedPerStateAndScope("test-outside", "a", a.compute, "", 10)).toBe("a#2");
    expect(await cachedPerState("test-outside-single", a.compute)).toBe("a#3");
    expect(await cachedPerState("test-outside-single", a.compute)).toBe("a#4");
  });

  it("keeps one entry per name for cachedPerState: another key replaces it", async () => {
    const a = counted("a");
    const get = (key: string) => insideServerRequest(() => cachedPerState("test-single", a.compute, key));
    expect(await get("one")).toBe("a#1");
    expect(await get("one")).toBe("a#1");
    expect(await get("two")).toBe("a#2");
    expect(await get("one")).toBe("a#3");
  });

  it("does not keep a computation that failed", async () => {
    let runs = 0;
    const flaky = async () => {
      runs += 1;
      if (runs === 1) throw new Error("first read failed");
      return runs;
    };
    const get = () => insideServerRequest(() => cachedPerState("test-flaky", flaky));
    await expect(get()).rejects.toThrow("first read failed");
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
  });

  it("keeps at most maxScopes scopes per name, dropping the least recently used", async () => {
    const runs: Record<string, number> = {};
    const get = (scope: string) =>
      insideServerRequest(() =>
        cachedPerStateAndScope(
          "test-bounded",
          scope,
          async () => {
            runs[scope] = (runs[scope] ?? 0) + 1;
            return scope;
          },
          "",
          2,
        ),
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
    const before = await insideServerRequest(() => homeDataFor(auditor, today));
    expect(await insideServerRequest(() => homeDataFor(auditor, today))).toBe(before);
    await createOrganization();
    const after = await insideServerRequest(() => homeDataFor(auditor, today));
    expect(after).not.toBe(before);
    expect(after).toEqual(await getHomeData({ actor: auditor, today }));
  });
});

describe("the home page's names", () => {
  it("travel in the reader's language only: the agencies of the visible projects and the reader's organisation", async () => {
    const { getRequest, importRouteModule } = await import("../helpers/route-harness");
    const { createProject } = await import("../helpers/factories");
    const ministry = await createOrganization({
      kind: "MINISTRY",
      name: "Ministry of Tests",
      nameRu: "Министерство испытаний",
      nameKk: "Сынақ министрлігі",
    });
    const project = await createProject({ implementingAgencyId: ministry.id });
    const reader = await createActor("OFFICER", { organizationId: ministry.id, locale: "kk" });
    const home = await importRouteModule("routes/_index.tsx");
    if (!home.loader) throw new Error("the home route has a loader");
    const data: unknown = await home.loader({ request: getRequest("/", reader.cookie), params: {}, context: {} });
    expect(data).toMatchObject({
      user: { organizationName: "Сынақ министрлігі" },
      projects: {
        items: expect.arrayContaining([expect.objectContaining({ code: project.code, agency: "Сынақ министрлігі" })]),
      },
    });
    const sent = JSON.stringify(data);
    expect(sent).not.toContain("Министерство испытаний");
    expect(sent).not.toContain("Ministry of Tests");
  });
});
