import type { LoaderFunctionArgs } from "@remix-run/node";
import { titled } from "~/lib/meta";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BoardFilters } from "~/components/board/board-filters";
import { ProjectCard } from "~/components/board/project-card";
import { requireUser } from "~/lib/auth.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { STATUS_COLOURS } from "~/lib/status-rules";
import { parseSearchParams } from "~/lib/validation.server";
import { getStatusBoard, listFrameworkOptions } from "~/models/board.server";
import { ErrorPanel } from "~/root";

export const meta = titled("common.nav.board");

const BoardSearchSchema = z.object({
  frameworkId: z.string().max(64).optional(),
  institution: z.enum(["WB", "IFC", "JOINT"]).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "portfolio.view");
  const filters = parseSearchParams(BoardSearchSchema, new URL(request.url));
  const [groups, frameworks] = await Promise.all([getStatusBoard({ actor: user, filters }), listFrameworkOptions()]);
  return { groups, frameworks, filters };
}

const COLUMN_CLASS = { RED: "red", AMBER: "amber", GREEN: "green", COMPLETED: "completed" } as const;

export default function BoardPage() {
  const { t } = useTranslation();
  const { groups, frameworks, filters } = useLoaderData<typeof loader>();
  const total = STATUS_COLOURS.reduce((n, c) => n + groups[c].length, 0);
  return (
    <div>
      <h1>{t("portfolio.board.title")}</h1>
      <p className="muted">{t("portfolio.board.intro")}</p>
      <BoardFilters frameworks={frameworks} selected={filters} />
      {total === 0 ? (
        <p className="panel muted" data-testid="board-empty">
          {t("portfolio.board.empty")}
        </p>
      ) : (
        <div className="board" data-testid="status-board">
          {STATUS_COLOURS.map((colour) => (
            <section
              key={colour}
              className={`board-column board-column-${COLUMN_CLASS[colour]}`}
              aria-labelledby={`board-${colour}`}
              data-colour={colour}
            >
              <h2 id={`board-${colour}`}>
                {t(`portfolio.colours.${colour}`)} <span className="muted">({groups[colour].length})</span>
              </h2>
              {groups[colour].length === 0 ? (
                <p className="muted">{t("portfolio.board.columnEmpty")}</p>
              ) : (
                groups[colour].map((project) => <ProjectCard key={project.id} project={project} />)
              )}
            </section>
          ))}
        </div>
      )}
      <details className="panel board-rules">
        <summary>{t("portfolio.board.rulesTitle")}</summary>
        <ul>
          {(["r1", "r2", "r3", "r4", "a1", "a2", "a3", "a4", "a5", "completed", "pipeline", "trajectory"] as const).map(
            (k) => (
              <li key={k}>{t(`portfolio.rules.${k}`)}</li>
            ),
          )}
        </ul>
      </details>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
