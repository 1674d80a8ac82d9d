import type en from "../en/charts";
import type { Translation } from "../types";

const charts: Translation<typeof en> = {
  verdictPastMet: "Соңғы нысаналы мәннің мерзімі ({{date}}) өтті, нысаналы мәнге қол жеткізілді.",
  verdictPastMissed:
    "Соңғы нысаналы мәннің мерзімі ({{date}}) өтті, нысаналы мәнге қол жеткізілмеді (соңғы расталған мән — {{value}}).",
  trajectory: "Жоспарлы траектория",
  trend: "Серпін",
  trendLabel: "«{{name}}» көрсеткішінің расталған мәндері: {{values}}",
  noTrend: "Расталған мәндер әлі жоқ",
  ratingsChart: "Рейтингтер динамикасы",
  ratingsChartLabel: "Рейтингтер динамикасының графигі: {{summary}}",
  overEnvelope: "Лимиттен {{amount}} асып кетті",
};
export default charts;
