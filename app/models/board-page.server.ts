import { dayOf } from "~/lib/dates";
import type { LocalizedName } from "~/lib/localized-name";
import type { Actor, Institution } from "~/lib/permissions";
import { projectScopeSql } from "~/lib/permissions.server";
import { cachedPerStateAndScope } from "~/lib/state-cache.server";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";
import { listFrameworkOptions, type AssessedProject } from "./board.server";
import { assessVisibleProjects } from "./portfolio-status.server";

/** Projects listed per page of one colour: the board is a summary and a list, never a wall of every card. */
export const BOARD_PAGE_SIZE = 10;

export type BoardPageQuery = {
  frameworkId?: string;
  institution?: Institution;
  areaId?: string;
  /** Part of a project's name or code, any case. */
  q?: string;
  colour?: StatusColour;
  page?: number;
};

type ColourCounts = Record<StatusColour, number>;
export type AreaRow = {
  id: string;
  name: LocalizedName;
  frameworkCode: string;
  counts: ColourCounts;
  total: number;
};

const zeroCounts = (): ColourCounts => Object.fromEntries(STATUS_COLOURS.map((c) => [c, 0])) as ColourCounts;

/** Board pages kept per state of the database, day, visibility scope and query (each a few kilobytes). */
const BOARD_CACHE_PAGES = 200;

/** What a card shows, and nothing more (the page's hydration data stays small). */
function card(p: AssessedProject) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    institution: p.institution,
    status: p.status,
    agency: p.agency,
    colour: p.colour,
    reasons: p.reasons,
    latestRating: p.latestRating ? { pdoRating: p.latestRating.pdoRating, ipRating: p.latestRating.ipRating } : null,
  };
}

function matchesText(p: AssessedProject, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase();
  return p.name.toLocaleLowerCase().includes(needle) || p.code.toLocaleLowerCase().includes(needle);
}

/**
 * The status board for an actor: counts per colour and per priority area over the filtered projects, and one page
 * of the chosen colour's projects (the first colour that has any, worst first, when none is chosen), by name.
 * Colours and reasons come from the one rule set (app/lib/status-rules.ts) through the exact portfolio cache.
 */
export function getBoardPage(options: { actor: Actor; query: BoardPageQuery; today?: Date }) {
  const { actor, query } = options;
  // Exact: the page depends only on the portfolio (the state of the database and the day), on which projects the
  // actor may see (their scope, as `canViewProject` decides it) and on the query. Filtering and counting a portfolio
  // of 2,000 projects on every visit was most of what the board cost beyond rendering.
  const scope = projectScopeSql(actor, "p");
  const key = JSON.stringify([
    scope.sql,
    scope.args,
    query.frameworkId,
    query.institution,
    query.areaId,
    query.q,
    query.colour,
    query.page,
  ]);
  const today = options.today ?? new Date();
  return cachedPerStateAndScope(
    "board-page",
    key,
    () => computeBoardPage({ actor, query, today }),
    dayOf(today),
    BOARD_CACHE_PAGES,
  );
}

async function computeBoardPage(options: { actor: Actor; query: BoardPageQuery; today?: Date }) {
  const { actor, query } = options;
  // By name already (sorted once per state of the database): every list below keeps that order.
  const [visible, frameworks] = await Promise.all([
    assessVisibleProjects(
      actor,
      { frameworkId: query.frameworkId, institution: query.institution },
      options.today,
      "name",
    ),
    // The filter's choices travel with the page: one read of the chain's head per visit instead of two.
    listFrameworkOptions(),
  ]);
  const searched = visible.filter((p) => matchesText(p, query.q));

  // Per area over every area (so another area can be picked); per colour within the chosen area.
  const areas = new Map<string, AreaRow & { sort: string }>();
  for (const p of searched) {
    const row = areas.get(p.priorityAreaId) ?? {
      id: p.priorityAreaId,
      name: p.areaName,
      frameworkCode: p.frameworkCode,
      counts: zeroCounts(),
      total: 0,
      sort: `${p.frameworkCode}\u0000${p.areaCode}`,
    };
    row.counts[p.colour] += 1;
    row.total += 1;
    areas.set(p.priorityAreaId, row);
  }
  const inArea = query.areaId ? searched.filter((p) => p.priorityAreaId === query.areaId) : searched;
  const counts = zeroCounts();
  for (const p of inArea) counts[p.colour] += 1;

  const colour = query.colour ?? STATUS_COLOURS.find((c) => counts[c] > 0) ?? "RED";
  const ofColour = inArea.filter((p) => p.colour === colour);
  const pages = Math.max(1, Math.ceil(ofColour.length / BOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const from = (page - 1) * BOARD_PAGE_SIZE;
  return {
    frameworks,
    counts,
    total: inArea.length,
    areas: [...areas.values()]
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
      .map(({ sort: _sort, ...row }) => row),
    colour,
    projects: ofColour.slice(from, from + BOARD_PAGE_SIZE).map(card),
    page,
    pages,
    from: ofColour.length === 0 ? 0 : from + 1,
    to: from + Math.min(BOARD_PAGE_SIZE, ofColour.length - from),
    ofColourTotal: ofColour.length,
  };
}

export type BoardPage = Awaited<ReturnType<typeof computeBoardPage>>;
