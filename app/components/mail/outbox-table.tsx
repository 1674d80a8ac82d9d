import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { mailKindLabelKey } from "~/lib/mail/kinds";

export type OutboxRow = {
  id: string;
  toAddress: string;
  subject: string;
  kind: string;
  locale: string;
  state: "PENDING" | "SENDING" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

const STATE_BADGE: Record<OutboxRow["state"], string> = {
  PENDING: "badge amber",
  SENDING: "badge amber",
  SENT: "badge green",
  FAILED: "badge red",
};

export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => t(mailKindLabelKey(kind));
}

export function StateBadge({ state }: { state: OutboxRow["state"] }) {
  const { t } = useTranslation();
  return <span className={STATE_BADGE[state]}>{t(`mail.admin.states.${state}`)}</span>;
}

/** The outbox, newest first; each subject opens the message. */
export function OutboxTable({ rows, page }: { rows: OutboxRow[]; page: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useKindLabel();
  return (
    <div className="table-wrap">
      <table data-testid="outbox">
        <thead>
          <tr>
            <th>{t("mail.admin.recipient")}</th>
            <th>{t("mail.admin.subject")}</th>
            <th>{t("mail.admin.kind")}</th>
            <th>{t("mail.admin.state")}</th>
            <th className="num">{t("mail.admin.attempts")}</th>
            <th>{t("mail.admin.lastError")}</th>
            <th>{t("mail.admin.created")}</th>
            <th>{t("mail.admin.sent")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="outbox-row" data-kind={row.kind} data-to={row.toAddress}>
              <td>{row.toAddress}</td>
              <td>
                <Link to={`?page=${page}&message=${row.id}`}>{row.subject}</Link>
              </td>
              <td>{kindLabel(row.kind)}</td>
              <td>
                <StateBadge state={row.state} />
              </td>
              <td className="num">{row.attempts}</td>
              <td>{row.lastError ?? "—"}</td>
              <td>{format.dateTime(row.createdAt)}</td>
              <td>{row.sentAt ? format.dateTime(row.sentAt) : t("mail.admin.notSent")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
