/** Pictures: indicator trajectories, trends, rating history, envelopes. */
const charts = {
  verdictPastMet: "The end target date ({{date}}) has passed and the target was met.",
  verdictPastMissed:
    "The end target date ({{date}}) has passed without the target being met (latest verified {{value}}).",
  trajectory: "Planned trajectory",
  trend: "Trend",
  trendLabel: "Verified values of {{name}}: {{values}}",
  noTrend: "No verified values yet",
  ratingsChart: "Ratings over time",
  ratingsChartLabel: "Chart of the ratings over time: {{summary}}",
  overEnvelope: "Over the envelope by {{amount}}",
};
export default charts;
