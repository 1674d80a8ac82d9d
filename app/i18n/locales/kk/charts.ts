import type en from "../en/charts";
import type { Translation } from "../types";

const charts: Translation<typeof en> = {
  verdictPastMet: "Соңғы нысаналы күн ({{date}}) өтті, мақсатқа қол жеткізілді.",
  verdictPastMissed: "Соңғы нысаналы күн ({{date}}) өтті, мақсатқа қол жеткізілмеді (соңғы расталған мән — {{value}}).",
  trajectory: "Жоспарлы траектория",
  trend: "Серпін",
  trendLabel: "«{{name}}» көрсеткішінің расталған мәндері: {{values}}",
  noTrend: "Расталған мәндер әлі жоқ",
  ratingsChart: "Бағалардың уақыт бойынша өзгеруі",
  ratingsChartLabel: "Бағалардың уақыт бойынша графигі: {{summary}}",
  overEnvelope: "Лимиттен {{amount}} асып кетті",
};
export default charts;
