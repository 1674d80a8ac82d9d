import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";

/** Commitments (and pipeline) against an envelope, as figures and a bar that stays readable without colour. */
export function EnvelopeBar({
  annualEnvelopeCents,
  years,
  totalEnvelopeCents,
  committedCents,
  pipelineCents,
}: {
  annualEnvelopeCents?: number;
  years?: number;
  totalEnvelopeCents: number;
  committedCents: number;
  pipelineCents: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = totalEnvelopeCents > 0 ? committedCents / totalEnvelopeCents : null;
  const pipelineShare = totalEnvelopeCents > 0 ? pipelineCents / totalEnvelopeCents : 0;
  const width = (ratio: number) => `${Math.min(100, Math.max(0, ratio * 100))}%`;
  return (
    <div className="envelope">
      <dl className="envelope-figures">
        {annualEnvelopeCents !== undefined && years !== undefined ? (
          <div>
            <dt>{t("portfolio.cpf.envelope")}</dt>
            <dd>
              {t("portfolio.cpf.envelopeFormula", {
                annual: format.moneyFromCents(annualEnvelopeCents),
                years,
                total: format.moneyFromCents(totalEnvelopeCents),
              })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("portfolio.cpf.committed")}</dt>
          <dd data-testid="committed">
            {format.moneyFromCents(committedCents)} ({format.percent(share)})
          </dd>
        </div>
        <div>
          <dt>{t("portfolio.cpf.pipeline")}</dt>
          <dd>{format.moneyFromCents(pipelineCents)}</dd>
        </div>
      </dl>
      {share !== null ? (
        <div
          className="envelope-bar"
          role="img"
          aria-label={t("portfolio.cpf.barLabel", {
            share: format.percent(share),
            pipeline: format.percent(pipelineShare),
          })}
        >
          <span className="envelope-committed" style={{ width: width(share) }} />
          <span
            className="envelope-pipeline"
            style={{ width: width(Math.min(pipelineShare, 1 - Math.min(1, share))) }}
          />
        </div>
      ) : null}
    </div>
  );
}
