import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabel, type LabelGroup, messageKey } from "~/i18n/keys";
import { useRemixForm } from "~/components/ui/form";
import { DateField } from "~/components/ui/date-field";
import { useIsSubmitting } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import { todayIsoDay } from "~/lib/dates";
import {
  MIN_JUSTIFICATION_LENGTH,
  PERFORMANCE_RATINGS,
  RISK_RATINGS,
  RatingSchema,
  type RatingFormValues,
} from "~/schemas/rating";
import { RatingAlert, RatingBadge, RiskBadge, ratingAlert } from "./rating-badge";

export type RatingEntry = {
  id: string;
  ratedOn: string;
  pdoRating: string;
  ipRating: string;
  riskRating: string;
  justification: string;
  recordedAt: string;
  author: string;
};

/** Newest first; each rating is compared with the one before it in time. */
export function RatingTimeline({ ratings }: { ratings: RatingEntry[] }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  if (ratings.length === 0) {
    return (
      <p className="panel muted" data-testid="ratings-empty">
        {t("projects.ratings.empty")}
      </p>
    );
  }
  return (
    <ol className="timeline" data-testid="rating-timeline">
      {ratings.map((r, i) => {
        const previous = ratings[i + 1] ?? null;
        const alert = ratingAlert(r, previous);
        return (
          <li key={r.id} className={`timeline-item panel${alert.flagged ? " flagged" : ""}`} data-rating-id={r.id}>
            <div className="timeline-head">
              <time dateTime={r.ratedOn}>
                <strong>{format.date(r.ratedOn)}</strong>
              </time>
              <RatingAlert current={r} previous={previous} />
            </div>
            <dl className="rating-grid">
              <div>
                <dt>{t("projects.ratings.pdo")}</dt>
                <dd>
                  <RatingBadge value={r.pdoRating} />{" "}
                  <span className="muted small">{codeLabel("domain.rating", r.pdoRating)}</span>
                  {previous && previous.pdoRating !== r.pdoRating ? (
                    <span className="muted small"> ({t("projects.ratings.was", { value: previous.pdoRating })})</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t("projects.ratings.ip")}</dt>
                <dd>
                  <RatingBadge value={r.ipRating} />{" "}
                  <span className="muted small">{codeLabel("domain.rating", r.ipRating)}</span>
                  {previous && previous.ipRating !== r.ipRating ? (
                    <span className="muted small"> ({t("projects.ratings.was", { value: previous.ipRating })})</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t("projects.ratings.risk")}</dt>
                <dd>
                  <RiskBadge value={r.riskRating} />
                </dd>
              </div>
            </dl>
            <p className="justification">{r.justification}</p>
            <p className="muted small">
              {t("projects.ratings.recordedBy", { name: r.author, at: format.dateTime(r.recordedAt) })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

export function RatingForm({ serverErrors }: { serverErrors: Record<string, string> | null }) {
  const { t } = useTranslation();
  const { form, onSubmit } = useRemixForm<RatingFormValues>(RatingSchema, {
    defaultValues: {
      ratedOn: todayIsoDay(),
      pdoRating: "" as never,
      ipRating: "" as never,
      riskRating: "" as never,
      justification: "",
    },
    serverErrors,
  });
  const submitting = useIsSubmitting();
  const codeLabel = useLabel();
  const errors = form.formState.errors;
  const select = (
    name: "pdoRating" | "ipRating" | "riskRating",
    label: string,
    values: readonly string[],
    prefix: LabelGroup,
  ) => (
    <div className="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      <select
        id={`field-${name}`}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `field-${name}-error` : undefined}
        {...form.register(name)}
      >
        <option value="">{t("projects.form.choose")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v} — {codeLabel(prefix, v)}
          </option>
        ))}
      </select>
      {typeof errors[name]?.message === "string" ? (
        <p className="field-error" id={`field-${name}-error`} role="alert">
          {t(messageKey(errors[name].message))}
        </p>
      ) : null}
    </div>
  );
  const justificationError = errors.justification?.message;
  return (
    <section className="panel" id="new-rating" aria-labelledby="new-rating-title">
      <h2 id="new-rating-title">{t("projects.ratings.record")}</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <DateField form={form} name="ratedOn" label={t("projects.ratings.ratedOn")} />
        <div className="form-grid">
          {select("pdoRating", t("projects.ratings.pdo"), PERFORMANCE_RATINGS, "domain.rating")}
          {select("ipRating", t("projects.ratings.ip"), PERFORMANCE_RATINGS, "domain.rating")}
          {select("riskRating", t("projects.ratings.risk"), RISK_RATINGS, "domain.risk")}
        </div>
        <div className="field">
          <label htmlFor="field-justification">{t("projects.ratings.justification")}</label>
          <textarea
            id="field-justification"
            rows={5}
            aria-invalid={justificationError ? true : undefined}
            aria-describedby="field-justification-hint"
            {...form.register("justification")}
          />
          <small className="muted" id="field-justification-hint">
            {t("projects.ratings.justificationHint", { count: MIN_JUSTIFICATION_LENGTH })}
          </small>
          {typeof justificationError === "string" ? (
            <p className="field-error" role="alert">
              {t(messageKey(justificationError), { count: MIN_JUSTIFICATION_LENGTH })}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" disabled={submitting} data-testid="record-rating">
            {submitting ? t("common.actions.saving") : t("projects.ratings.record")}
          </button>
        </div>
      </Form>
    </section>
  );
}
