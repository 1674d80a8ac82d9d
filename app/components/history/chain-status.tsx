import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import type { ChainStatus } from "~/models/history-chain.server";

const ESTIMATED_EVENTS_PER_SECOND = 20_000;

/** The auditor's view of the hash chain: the head (to be written down outside Qadam) and the verification result. */
export function ChainStatusPanel({ status, hidden }: { status: ChainStatus; hidden: Record<string, string> }) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const navigation = useNavigation();
  const verifying = navigation.state === "loading" && navigation.location?.search.includes("verify=1");
  const v = status.verification;
  return (
    <section className="panel chain-status" aria-labelledby="chain-title" data-testid="chain-status">
      <h2 id="chain-title">{t("history.chain.title")}</h2>
      {status.headHash ? (
        <>
          <p>
            {t("history.chain.head", { seq: status.headSeq })}{" "}
            <span className="muted">({format.dateTime(status.headAt)})</span>
          </p>
          <p className="chain-hash">
            <code data-testid="chain-head-hash">{status.headHash}</code> <CopyButton value={status.headHash} />
          </p>
          <p className="muted">{t("history.chain.headHelp")}</p>
        </>
      ) : (
        <p className="muted">{t("history.chain.empty")}</p>
      )}
      {v?.ok ? (
        <p className="verdict good" data-testid="chain-verdict" data-ok="true">
          {t("history.chain.ok", { count: v.count })} ·{" "}
          {t("history.chain.verifiedIn", { seconds: (v.durationMs / 1000).toFixed(1) })}
        </p>
      ) : null}
      {v && !v.ok ? (
        <div className="verdict broken" role="alert" data-testid="chain-verdict" data-ok="false">
          <strong>
            {t("history.chain.broken", { seq: v.problem.seq, kind: codeLabel("history.chain.kinds", v.problem.kind) })}
          </strong>
          <p>{v.problem.detail}</p>
        </div>
      ) : null}
      {!v && status.headHash ? (
        <p data-testid="chain-verdict" data-ok="unknown">
          {t("history.chain.notVerified", {
            count: status.headSeq,
            seconds: Math.max(1, Math.round(status.headSeq / ESTIMATED_EVENTS_PER_SECOND)),
          })}
        </p>
      ) : null}
      {status.headHash && (!v || !v.auto) ? (
        <Form method="get" className="inline-form">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="verify" value="1" />
          <button type="submit" className="button secondary" disabled={verifying}>
            {verifying ? t("history.chain.verifying") : t("history.chain.verifyNow")}
          </button>
        </Form>
      ) : null}
      <p className="muted">
        {t("history.chain.cli")} <code>npm run audit:verify</code>
      </p>
    </section>
  );
}

function CopyButton({ value }: { value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button secondary copy-button"
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => setCopied(true));
      }}
    >
      {copied ? t("history.chain.copied") : t("history.chain.copy")}
    </button>
  );
}
