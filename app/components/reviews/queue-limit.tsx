import { useTranslation } from "react-i18next";
import type { QueueTruncation } from "~/models/review/queue.server";

/** "Showing N of M": the queue lists at most a fixed number of items of each kind, oldest first. */
export function QueueLimitNotice({ truncated }: { truncated: QueueTruncation[] }) {
  const { t } = useTranslation();
  if (truncated.length === 0) return null;
  return (
    <div className="stack" role="status" data-testid="review-truncated">
      {truncated.map((row) => (
        <p key={row.kind} className="notice">
          {t(`workflow.reviews.truncated.${row.kind}`, { shown: row.shown, total: row.total })}
        </p>
      ))}
    </div>
  );
}
