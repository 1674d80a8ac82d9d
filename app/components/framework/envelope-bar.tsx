import type { Formatters, FrameworkWords } from "./framework-words";

/**
 * Commitments (and pipeline) against an envelope, as figures and a bar that stays readable without colour. Its words
 * and formatters come from the page (useFrameworkWords), asked once rather than per bar.
 */
export function EnvelopeBar({
  annualEnvelopeCents,
  years,
  totalEnvelopeCents,
  committedCents,
  pipelineCents,
  words,
  format,
}: {
  annualEnvelopeCents?: number;
  years?: number;
  totalEnvelopeCents: number;
  committedCents: number;
  pipelineCents: number;
  words: FrameworkWords;
  format: Formatters;
}) {
  const share = totalEnvelopeCents > 0 ? committedCents / totalEnvelopeCents : null;
  const pipelineShare = totalEnvelopeCents > 0 ? pipelineCents / totalEnvelopeCents : 0;
  const overCents = Math.max(0, committedCents - totalEnvelopeCents);
  // The bar's full width is the envelope, or more when commitments and pipeline go past it: then the envelope is a
  // mark inside the bar and what lies beyond it is drawn as over, never a silently full bar.
  const scale = Math.max(totalEnvelopeCents, committedCents + pipelineCents);
  const width = (cents: number) => `${scale > 0 ? Math.max(0, (cents / scale) * 100) : 0}%`;
  const over = overCents > 0 ? words.overEnvelope(format.moneyFromCents(overCents)) : null;
  const label = words.barLabel(format.percent(share), format.percent(pipelineShare));
  return (
    <div className="envelope">
      <dl className="envelope-figures">
        {annualEnvelopeCents !== undefined && years !== undefined ? (
          <div>
            <dt>{words.envelope}</dt>
            <dd>
              {words.envelopeFormula(
                format.moneyFromCents(annualEnvelopeCents),
                years,
                format.moneyFromCents(totalEnvelopeCents),
              )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{words.committed}</dt>
          <dd data-testid="committed">
            {format.moneyFromCents(committedCents)} ({format.percent(share)})
          </dd>
          {over ? (
            <dd>
              <span className="badge red" data-testid="over-envelope">
                {over}
              </span>
            </dd>
          ) : null}
        </div>
        <div>
          <dt>{words.pipeline}</dt>
          <dd>{format.moneyFromCents(pipelineCents)}</dd>
        </div>
      </dl>
      {share !== null ? (
        <div
          className={`envelope-bar${over ? " is-over" : ""}`}
          role="img"
          aria-label={over ? `${label}. ${over}` : label}
        >
          <span className="envelope-committed" style={{ width: width(committedCents - overCents) }} />
          <span className="envelope-over" style={{ width: width(overCents) }} />
          <span className="envelope-pipeline" style={{ width: width(pipelineCents) }} />
          {scale > totalEnvelopeCents ? (
            <span className="envelope-mark" style={{ left: width(totalEnvelopeCents) }} aria-hidden="true" />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
