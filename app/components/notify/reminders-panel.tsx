import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/ui/form-message";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";

export type LatestRun = { state: string; startedAt: string; digests: number } | null;

const STATES = ["RUNNING", "DONE", "FAILED"] as const;
const isState = (value: string): value is (typeof STATES)[number] => (STATES as readonly string[]).includes(value);

/** The administrators' view of the reminder job: its latest run, and a button to run it now. */
export function RemindersPanel({ latest }: { latest: LatestRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const answer = useActionAnswer("runReminders");
  const running = useSubmittingIntent("runReminders");
  return (
    <section className="panel" data-testid="reminders-panel">
      <h2>{t("notify.admin.title")}</h2>
      <p className="muted">{t("notify.admin.intro")}</p>
      <p>
        {latest
          ? t("notify.admin.lastRun", {
              date: format.dateTime(latest.startedAt),
              state: isState(latest.state) ? t(`notify.admin.states.${latest.state}`) : latest.state,
              digests: latest.digests,
            })
          : t("notify.admin.never")}
      </p>
      <FormMessage answer={answer} />
      <Form method="post">
        <button type="submit" name="intent" value="runReminders" disabled={running}>
          {t("notify.admin.run")}
        </button>
      </Form>
    </section>
  );
}
