import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";

type Area = {
  id: string;
  code: string;
  name: string;
  nameRu: string | null;
  nameKk: string | null;
  description: string;
  sortOrder: number;
  version: number;
  projectCount: number;
};

/** A framework's priority areas in order, with move up/down buttons (keyboard-reachable forms) and edit links. */
export function AreaTable({ areas }: { areas: Area[] }) {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  if (areas.length === 0) return <p className="muted">{t("admin.frameworks.noAreas")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t("admin.fields.code")}</th>
            <th>{t("admin.fields.name")}</th>
            <th className="num">{t("admin.organizations.projects")}</th>
            <th>{t("admin.frameworks.order")}</th>
            <th>
              <span className="visually-hidden">{t("common.actions.edit")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area, index) => (
            <tr key={area.id} data-area-code={area.code}>
              <td className="num">{index + 1}</td>
              <td>{area.code}</td>
              <td>
                {ln(area)}
                {area.description ? <div className="muted">{area.description}</div> : null}
              </td>
              <td className="num">{area.projectCount}</td>
              <td>
                <div className="button-row">
                  {(["up", "down"] as const).map((direction) => (
                    <Form method="post" key={direction}>
                      <input type="hidden" name="intent" value="moveArea" />
                      <input type="hidden" name="id" value={area.id} />
                      <input type="hidden" name="version" value={area.version} />
                      <input type="hidden" name="direction" value={direction} />
                      <button
                        type="submit"
                        className="button secondary small"
                        disabled={direction === "up" ? index === 0 : index === areas.length - 1}
                        aria-label={t(`admin.frameworks.move_${direction}`, { name: ln(area) })}
                      >
                        {direction === "up" ? "↑" : "↓"}
                      </button>
                    </Form>
                  ))}
                </div>
              </td>
              <td>
                <Link
                  to={`/admin/frameworks?area=${area.id}`}
                  aria-label={t("admin.frameworks.editArea", { name: ln(area) })}
                >
                  {t("common.actions.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
