import { Link } from "@remix-run/react";
import { useFormat } from "~/i18n/format";
import { useRemembered } from "~/i18n/remembered-labels";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";
import type { BoardView } from "~/models/board-view.server";
import { boardLabels } from "./board-labels";

const TILE_CLASS = { RED: "red", AMBER: "amber", GREEN: "green", COMPLETED: "completed" } as const;

/** The board's address with these filters and the given colour, area and page (empty values left out). */
export function boardHref(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `/board?${text}` : "/board";
}

type Filters = { frameworkId?: string; institution?: string; areaId?: string; q?: string };

/** Counts per colour: each tile opens that colour's list. */
export function ColourTiles({ board, filters }: { board: BoardView; filters: Filters }) {
  const labels = useRemembered(boardLabels);
  const format = useFormat();
  return (
    <section aria-labelledby="board-summary" data-testid="board-summary">
      <h2 id="board-summary" className="visually-hidden">
        {labels.summary}
      </h2>
      <ul className="board-tiles">
        {STATUS_COLOURS.map((colour) => (
          <li key={colour}>
            <Link
              to={boardHref({ ...filters, colour })}
              className={`board-tile board-tile-${TILE_CLASS[colour]}`}
              data-colour={colour}
              aria-current={board.colour === colour ? "true" : undefined}
              aria-label={`${labels.colours[colour]}: ${format.number(board.counts[colour])}`}
            >
              <span className="board-tile-count">{format.number(board.counts[colour])}</span>
              <span className="board-tile-label">{labels.colours[colour]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Counts per priority area and colour: every figure opens that area's list of that colour. */
export function AreaTable({ board, filters }: { board: BoardView; filters: Filters }) {
  const labels = useRemembered(boardLabels);
  const format = useFormat();
  if (board.areas.length === 0) return null;
  const cell = (areaId: string, colour: StatusColour, n: number) =>
    n === 0 ? (
      <span className="muted">0</span>
    ) : (
      <Link to={boardHref({ ...filters, areaId, colour })}>{format.number(n)}</Link>
    );
  return (
    <section aria-labelledby="board-areas" className="panel">
      <h2 id="board-areas">{labels.byArea}</h2>
      <div className="table-wrap">
        <table data-testid="board-areas">
          <thead>
            <tr>
              <th scope="col">{labels.area}</th>
              {STATUS_COLOURS.map((c) => (
                <th key={c} scope="col" className="num">
                  {labels.colours[c]}
                </th>
              ))}
              <th scope="col" className="num">
                {labels.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {board.areas.map((area) => (
              <tr key={area.id} data-area-id={area.id} aria-current={filters.areaId === area.id ? "true" : undefined}>
                <th scope="row">
                  <Link to={boardHref({ ...filters, areaId: area.id })}>{area.name}</Link>{" "}
                  <span className="muted">{area.frameworkCode}</span>
                </th>
                {STATUS_COLOURS.map((c) => (
                  <td key={c} className="num">
                    {cell(area.id, c, area.counts[c])}
                  </td>
                ))}
                <td className="num">{format.number(area.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
