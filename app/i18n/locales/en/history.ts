export default {
  empty: "No history recorded for this selection.",
  system: "system",
  reason: "Reason",
  local: "local time",
};
