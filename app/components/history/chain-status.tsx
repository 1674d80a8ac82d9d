import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import type { ChainStatus, HeadCheck } from "~/models/history-chain.server";

const ESTIMATED_EVENTS_PER_SECOND = 20_000;

/**
 * The auditor's view of the hash chain, in words they can act on: is the history intact, what to do when it is
 * not, the head to keep outside Qadam, and a check of a head kept earlier (shell commands are in the README).
 */
export function ChainStatusPanel({
  status,
  hidden,
  headCheck,
}: {
  status: ChainStatus;
  hidden: Record<string, string>;
  headCheck: HeadCheck | null;
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const navigation = useNavigation();
  const verifying = navigation.state === "loading" && navigation.location?.search.includes("verify=1");
  const v = status.verification;
  return (
    <section className="panel chain-status" aria-labelledby="chain-title" data-testid="chain-status">
      <h2 id="chain-title">{t("history.chain.title")}</h2>
      {v?.ok ? (
        <p className="verdict good" data-testid="chain-verdict" data-ok="true">
          {t("history.chain.ok", { count: v.count })}{" "}
          <span className="muted">
            ({t("history.chain.verifiedIn", { seconds: (v.durationMs / 1000).toFixed(1) })})
          </span>
        </p>
      ) : null}
      {v && !v.ok ? (
        <div className="verdict broken" role="alert" data-testid="chain-verdict" data-ok="false">
          <strong>
            {t("history.chain.broken", { seq: v.problem.seq, kind: codeLabel("history.chain.kinds", v.problem.kind) })}
          </strong>
          <p>{t("history.chain.brokenTodo")}</p>
          <p>
            <code>{v.problem.detail}</code>
          </p>
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
      {status.headHash ? (
        <ChainHead status={status} hash={status.headHash} />
      ) : (
        <p className="muted">{t("history.chain.empty")}</p>
      )}
      {status.headHash ? <HeadCheckForm hidden={hidden} headCheck={headCheck} /> : null}
    </section>
  );
}

function ChainHead({ status, hash }: { status: ChainStatus; hash: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p>
        {t("history.chain.head", { seq: status.headSeq })}{" "}
        <span className="muted">({format.dateTime(status.headAt)})</span>
      </p>
      <p className="chain-hash">
        <span>{t("history.chain.seal", { seq: status.headSeq })}:</span>
        <code data-testid="chain-head-hash">{hash}</code> <CopyButton value={hash} />
      </p>
      <p className="muted">{t("history.chain.headHelp")}</p>
    </>
  );
}

/** Paste a head kept outside Qadam: does the log still hold that event with that hash? */
function HeadCheckForm({ hidden, headCheck }: { hidden: Record<string, string>; headCheck: HeadCheck | null }) {
  const { t } = useTranslation();
  const kept = Object.entries(hidden).filter(([name]) => name !== "checkSeq" && name !== "checkHash");
  return (
    <details className="head-check" open={headCheck !== null}>
      <summary>{t("history.chain.check.title")}</summary>
      <Form method="get" aria-label={t("history.chain.check.title")} data-testid="head-check">
        <p className="muted" id="head-check-help">
          {t("history.chain.check.help")}
        </p>
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="head-check-fields">
          <div className="field">
            <label htmlFor="hc-seq">{t("history.chain.check.seq")}</label>
            <input id="hc-seq" name="checkSeq" inputMode="numeric" required aria-describedby="head-check-help" />
          </div>
          <div className="field head-check-hash">
            <label htmlFor="hc-hash">{t("history.chain.check.hash")}</label>
            <input id="hc-hash" name="checkHash" required autoComplete="off" spellCheck={false} />
          </div>
          <button type="submit" className="button secondary">
            {t("history.chain.check.submit")}
          </button>
        </div>
        {headCheck ? <HeadCheckAnswer check={headCheck} /> : null}
      </Form>
    </details>
  );
}

function HeadCheckAnswer({ check }: { check: HeadCheck }) {
  const { t } = useTranslation();
  switch (check.result) {
    case "invalid":
      return (
        <p className="verdict broken" role="alert" data-testid="head-check-result" data-result="invalid">
          {t("history.chain.check.invalid")}
        </p>
      );
    case "match":
      return (
        <p className="verdict good" role="status" data-testid="head-check-result" data-result="match">
          {t("history.chain.check.match", { seq: check.seq, count: check.since })}
        </p>
      );
    case "differs":
      return (
        <p className="verdict broken" role="alert" data-testid="head-check-result" data-result="differs">
          {t("history.chain.check.differs", { seq: check.seq })}
        </p>
      );
    case "missing":
      return (
        <p className="verdict broken" role="alert" data-testid="head-check-result" data-result="missing">
          {t("history.chain.check.missing", { seq: check.seq, head: check.headSeq })}
        </p>
      );
  }
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
