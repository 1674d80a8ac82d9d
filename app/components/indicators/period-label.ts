import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { periodForDays, type Period } from "~/lib/periods";
import { isIndicatorFrequency } from "~/schemas/indicator";

/** A period in the reader's language: "Q3 2026", "H1 2026", "2025", "Oct 2026" (ru: "3 кв. 2026", ...). */
export function usePeriodLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (period: Period): string => {
      switch (period.frequency) {
        case "MONTHLY":
          return format.monthYear(period.start);
        case "QUARTERLY":
          return t("forms.period.quarter", { n: period.index, year: period.year });
        case "SEMI_ANNUAL":
          return t("forms.period.half", { n: period.index, year: period.year });
        case "ANNUAL":
          return t("forms.period.year", { year: period.year });
      }
    },
    [t, format],
  );
}

/**
 * A stored value's period as a label when it is exactly a period of the indicator's frequency, else its days
 * ("1 Jan 2026 – 30 Sep 2026"): values reported before periods were picked from a list may span other days.
 */
export function useStoredPeriodLabel(frequency: string) {
  const label = usePeriodLabel();
  const format = useFormat();
  return useCallback(
    (start: string, end: string): string => {
      const period = isIndicatorFrequency(frequency) ? periodForDays(frequency, start, end) : null;
      return period ? label(period) : `${format.date(start)} – ${format.date(end)}`;
    },
    [frequency, label, format],
  );
}
