import { useTranslation } from "react-i18next";
import { messageKey, useLabel } from "~/i18n/keys";
import type { Outcome } from "~/lib/import/plan";
import type { PlanView, RowView } from "~/models/import/dry-run.server";

type Summary = { write: number; unchanged: number; warnings: number; errors: number };

const BADGE: Record<Outcome, string> = {
  create: "badge green",
  change: "badge green",
  unchanged: "badge",
  warning: "badge amber",
  error: "badge red",
};

/** The dry run: every filled row, what it will do and why, with the cell to look at. Nothing is saved yet. */
export function DryRunTable({ plan, summary }: { plan: PlanView; summary: Summary }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dry-run-title" data-testid="dry-run">
      <h2 id="dry-run-title">{t("import.dryRun.title")}</h2>
      <p role="status">
        <strong>{t("import.dryRun.nothingSaved")}</strong> {t("import.dryRun.summary", summary)}
      </p>
      {plan.emptyRows > 0 ? <p className="muted">{t("import.dryRun.emptyRows", { count: plan.emptyRows })}</p> : null}
      {plan.rows.length === 0 ? (
        <p className="notice">{t("import.dryRun.noRows")}</p>
      ) : summary.errors > 0 ? (
        <p className="form-error" role="alert">
          {t("import.dryRun.fixErrors")}
        </p>
      ) : summary.write > 0 ? (
        <p className="notice">{t("import.dryRun.ready")}</p>
      ) : (
        <p className="notice">{t("import.dryRun.nothingToDo")}</p>
      )}
      {plan.rows.length > 0 ? (
        <div className="table-wrap">
          <table className="dry-run-table">
            <thead>
              <tr>
                <th scope="col">{t("import.dryRun.columns.item")}</th>
                <th scope="col">{t("import.dryRun.columns.change")}</th>
                <th scope="col">{t("import.dryRun.columns.outcome")}</th>
                <th scope="col">{t("import.dryRun.columns.detail")}</th>
                <th scope="col">{t("import.dryRun.columns.cell")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((row) => (
                <DryRunRow key={row.ref} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function DryRunRow({ row }: { row: RowView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const status = (code: string | null) => (code ? `${label("domain.milestoneStatus", code)} ` : "");
  const before = row.before !== null ? `${status(row.statusBefore)}${row.before}` : null;
  const after = row.after !== null ? `${status(row.statusAfter)}${row.after}` : null;
  return (
    <tr data-testid="dry-run-row" data-outcome={row.outcome} data-ref={row.ref}>
      <td>
        {row.itemName ?? "—"}
        {row.projectName ? <div className="muted">{row.projectName}</div> : null}
        {row.period ? <div className="muted">{t("import.dryRun.period", { period: row.period })}</div> : null}
      </td>
      <td>
        {before !== null && after !== null && before !== after ? (
          <>
            <del>{before}</del> → <ins>{after}</ins>
          </>
        ) : (
          (after ?? "—")
        )}
      </td>
      <td>
        <span className={BADGE[row.outcome]}>{t(`import.outcome.${row.outcome}`)}</span>
        {row.outcome === "warning" && !row.write ? <div className="muted">{t("import.row.willSkip")}</div> : null}
      </td>
      <td>
        {row.messages.map((m, i) => (
          <p key={i} className="dry-run-message">
            {t(messageKey(m.key), m.values)}
            {m.ref ? <span className="muted"> ({m.ref})</span> : null}
          </p>
        ))}
      </td>
      <td>
        <code>{row.ref}</code>
      </td>
    </tr>
  );
}
