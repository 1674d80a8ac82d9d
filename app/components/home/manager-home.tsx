import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { boardHref } from "~/components/board/board-summary";
import { ShowingNote } from "~/components/ui/showing-note";
import { useFormat } from "~/i18n/format";
import type { HomeData } from "~/models/home.server";
import { AtRiskList } from "./at-risk-list";
import { MiniBoard } from "./mini-board";

/** A manager's day: the review queue, projects at risk, and the board at a glance. */
export function ManagerHome({ data }: { data: NonNullable<HomeData["manager"]> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="home-grid">
      <section className="panel" aria-labelledby="home-queue" data-testid="review-queue-summary">
        <h2 id="home-queue">{t("home.manager.queue")}</h2>
        <p>
          <strong data-testid="review-queue-count">{data.queueCount}</strong> {t("home.manager.queueCount")}
        </p>
        {data.queueTop.length === 0 ? (
          <p className="muted">{t("home.manager.queueEmpty")}</p>
        ) : (
          <ul className="compact-list">
            {data.queueTop.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <Link to="/reviews">{item.title}</Link> <span className="muted">({item.projectCode})</span>
                <div className="muted">
                  {t(`home.officer.kinds.${item.kind}`)} ·{" "}
                  {t("home.manager.submittedBy", { name: item.authorName, date: format.date(item.submittedAt) })}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Link to="/reviews" className="button">
          {t("home.manager.openQueue")}
        </Link>
      </section>
      <section className="panel" aria-labelledby="home-board">
        <h2 id="home-board">{t("home.manager.board")}</h2>
        <MiniBoard counts={data.counts} />
      </section>
      <section className="panel" aria-labelledby="home-risk">
        <h2 id="home-risk">
          {t("home.manager.atRisk")} <span className="muted">({data.atRisk.total})</span>
        </h2>
        <AtRiskList projects={data.atRisk.items} />
        <ShowingNote
          shown={data.atRisk.items.length}
          total={data.atRisk.total}
          to={data.atRisk.moreColour ? boardHref({ colour: data.atRisk.moreColour }) : "/board"}
          label={t("lists.seeAllOnBoard")}
        />
      </section>
    </div>
  );
}
