import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventList } from "~/components/history/event-list";
import type { HomeData } from "~/models/home.server";

/** An auditor's start: the latest recorded events and the way to the full history and the exports. */
export function AuditorHome({ data }: { data: NonNullable<HomeData["auditor"]> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-activity" data-testid="recent-activity">
      <h2 id="home-activity">{t("home.auditor.recent")}</h2>
      <p className="button-row">
        <Link to="/history" className="button">
          {t("home.auditor.history")}
        </Link>
        <Link to="/exports" className="button secondary">
          {t("home.auditor.exports")}
        </Link>
      </p>
      <EventList events={data.events} />
    </section>
  );
}
