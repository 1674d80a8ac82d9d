import { useTranslation } from "react-i18next";

/**
 * What a reader should know about the files, in plain words. Addresses, parameters, metadata keys and canonical
 * forms are for developers and live in the README.
 */
export function AboutFiles() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="exports-about" data-testid="exports-about">
      <h2 id="exports-about">{t("exports.about.title")}</h2>
      <ul className="stack">
        <li>{t("exports.about.spreadsheets")}</li>
        <li>{t("exports.about.machine")}</li>
        <li>{t("exports.about.metadata")}</li>
        <li>{t("exports.about.safety")}</li>
      </ul>
      <p className="muted">{t("exports.about.developers")}</p>
    </section>
  );
}
