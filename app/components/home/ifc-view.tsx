import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { ColourBadge, colourWords } from "~/components/board/status-badge";
import { useRemembered } from "~/i18n/remembered-labels";
import { useFormat } from "~/i18n/format";
import { ShowingNote } from "~/components/ui/showing-note";
import type { Capped, IfcProject } from "~/models/home.server";

/** The IFC view: its PPP and advisory pipeline (IFC and joint projects), pipeline first. */
export function IfcView({ projects: list }: { projects: Capped<IfcProject> }) {
  const projects = list.items;
  const { t } = useTranslation();
  const colours = useRemembered(colourWords);
  const ln = useLocalizedName();
  const format = useFormat();
  return (
    <section aria-labelledby="home-ifc" data-testid="org-view-ifc">
      <h2 id="home-ifc">{t("home.ifc.title")}</h2>
      {projects.length === 0 ? (
        <p className="panel muted">{t("home.ifc.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("home.columns.name")}</th>
                <th>{t("home.columns.status")}</th>
                <th>{t("home.ifc.instrument")}</th>
                <th>{t("home.columns.institution")}</th>
                <th>{t("home.ifc.area")}</th>
                <th className="num">{t("home.wb.commitment")}</th>
                <th>{t("home.wb.board")}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-project-code={p.code} data-status={p.status}>
                  <td>
                    <Link to={`/projects/${p.id}`}>{p.name}</Link> <span className="muted">{p.code}</span>
                  </td>
                  <td>{t(`domain.projectStatus.${p.status}`)}</td>
                  <td>{t(`projects.instruments.${p.instrument}`, { defaultValue: p.instrument })}</td>
                  <td>{t(`domain.institution.${p.institution}`)}</td>
                  <td>{ln(p.areaName)}</td>
                  <td className="num">{format.moneyFromCents(p.commitmentCents)}</td>
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
