import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { boardLabels } from "~/components/board/board-labels";
import { BoardFilters } from "~/components/board/board-filters";
import { AreaTable, boardHref, ColourTiles } from "~/components/board/board-summary";
import { ProjectCard } from "~/components/board/project-card";
import { useFormat } from "~/i18n/format";
import { useRemembered } from "~/i18n/remembered-labels";
import { requireUser } from "~/lib/auth.server";
import { pageLocale } from "~/lib/page-locale.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { STATUS_COLOURS } from "~/lib/status-rules";
import { parseSearchParams } from "~/lib/validation.server";
import { getBoardPage } from "~/models/board-page.server";
import { boardViewFor } from "~/models/board-view.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.board");

const BoardSearchSchema = z.object({
  frameworkId: z.string().max(64).optional(),
  institution: z.enum(["WB", "IFC", "JOINT"]).optional(),
  areaId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  colour: z.enum(STATUS_COLOURS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const query = parseSearchParams(BoardSearchSchema, new URL(request.url));
  const [page, locale] = await Promise.all([getBoardPage({ actor: user, query }), pageLocale(request, user.locale)]);
  const { colour: _colour, page: _page, ...filters } = query;
  // Names and card lines in the reader's language only (written once per cached page and language).
  return { board: boardViewFor(page, locale), filters };
}

const COLUMN_CLASS = { RED: "red", AMBER: "amber", GREEN: "green", COMPLETED: "completed" } as const;

export default function BoardPage() {
  const { t } = useTranslation();
  const labels = useRemembered(boardLabels);
  const format = useFormat();
  const { board, filters } = useLoaderData<typeof loader>();
  const colourName = labels.colours[board.colour];
  const pageHref = (page: number) => boardHref({ ...filters, colour: board.colour, page });
  return (
    <div>
      <h1>{labels.title}</h1>
      <p className="muted">{labels.intro}</p>
      <BoardFilters frameworks={board.frameworks} areas={board.areas} selected={filters} />
      {board.total === 0 ? (
        <p className="panel muted" data-testid="board-empty">
          {labels.empty}
        </p>
      ) : (
        <>
          <ColourTiles board={board} filters={filters} />
          <section
            className={`board-list board-column-${COLUMN_CLASS[board.colour]}`}
            aria-labelledby="board-list-title"
            data-testid="status-board"
            data-colour={board.colour}
          >
            <h2 id="board-list-title">
              {colourName} <span className="muted">({format.number(board.ofColourTotal)})</span>
            </h2>
            {board.projects.length === 0 ? (
              <p className="muted">{labels.columnEmpty}</p>
            ) : (
              <>
                <p className="muted" data-testid="board-range">
                  {t("lists.showingRange", { from: board.from, to: board.to, total: board.ofColourTotal })}
                </p>
                <div className="board-cards">
                  {board.projects.map((project) => (
                    <ProjectCard key={project.id} project={project} noIssues={labels.noIssues} />
                  ))}
                </div>
              </>
            )}
            {board.pages > 1 ? (
              <nav className="pager" aria-label={labels.pagination}>
                {board.page > 1 ? <Link to={pageHref(board.page - 1)}>{labels.previous}</Link> : null}
                <span>{t("lists.pageOf", { page: board.page, pages: board.pages })}</span>
                {board.page < board.pages ? <Link to={pageHref(board.page + 1)}>{labels.next}</Link> : null}
              </nav>
            ) : null}
          </section>
          <AreaTable board={board} filters={filters} />
        </>
      )}
      <details className="panel board-rules">
        <summary>{labels.rulesTitle}</summary>
        <ul>
          {labels.rules.map(({ key, text }) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
