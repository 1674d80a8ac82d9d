import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { ColourBadge, colourWords } from "~/components/board/status-badge";
import { useRemembered } from "~/i18n/remembered-labels";
import { useFormat } from "~/i18n/format";
import { ShowingNote } from "~/components/ui/showing-note";
import type { Capped, WorldBankProject } from "~/models/home.server";

/** The World Bank view: active projects with their latest ISR ratings and disbursement, worst first. */
export function WorldBankView({ projects: list }: { projects: Capped<WorldBankProject> }) {
  const projects = list.items;
  const { t } = useTranslation();
  const colours = useRemembered(colourWords);
  const codeLabel = useLabel();
  const format = useFormat();
  return (
    <section aria-labelledby="home-wb" data-testid="org-view-world-bank">
      <h2 id="home-wb">{t("home.wb.title")}</h2>
      {projects.length === 0 ? (
        <p className="panel muted">{t("home.wb.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("home.columns.name")}</th>
                <th>{t("home.wb.pdo")}</th>
                <th>{t("home.wb.ip")}</th>
                <th>{t("home.wb.risk")}</th>
                <th>{t("home.wb.ratedOn")}</th>
                <th className="num">{t("home.wb.commitment")}</th>
                <th className="num">{t("home.wb.disbursed")}</th>
                <th>{t("home.wb.board")}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-project-code={p.code}>
                  <td>
                    <Link to={`/projects/${p.id}`}>{p.name}</Link> <span className="muted">{p.code}</span>
                  </td>
                  <td title={p.latestRating ? codeLabel("domain.rating", p.latestRating.pdoRating) : undefined}>
                    {p.latestRating?.pdoRating ?? "—"}
                  </td>
                  <td title={p.latestRating ? codeLabel("domain.rating", p.latestRating.ipRating) : undefined}>
                    {p.latestRating?.ipRating ?? "—"}
                  </td>
                  <td>{p.latestRating ? codeLabel("domain.risk", p.latestRating.riskRating) : "—"}</td>
                  <td>{format.date(p.latestRating?.ratedOn)}</td>
                  <td className="num">{format.moneyFromCents(p.commitmentCents)}</td>
                  <td className="num">{format.percent(p.disbursedShare)}</td>
                  <td>
                    <ColourBadge colour={p.colour} label={colours[p.colour]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowingNote shown={projects.length} total={list.total} to="/board" label={t("lists.seeAllOnBoard")} />
    </section>
  );
}
