import type en from "../en/charts";
import type { Translation } from "../types";

const charts: Translation<typeof en> = {
  verdictPastMet: "Дата конечного целевого значения ({{date}}) прошла, цель достигнута.",
  verdictPastMissed:
    "Дата конечного целевого значения ({{date}}) прошла, цель не достигнута (последнее подтверждённое значение — {{value}}).",
  trajectory: "Плановая траектория",
  trend: "Динамика",
  trendLabel: "Подтверждённые значения показателя «{{name}}»: {{values}}",
  noTrend: "Подтверждённых значений пока нет",
  ratingsChart: "Динамика рейтингов",
  ratingsChartLabel: "График динамики рейтингов: {{summary}}",
  overEnvelope: "Превышение лимита на {{amount}}",
};
export default charts;
