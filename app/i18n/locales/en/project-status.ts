// The board's colour where a project is shown on its own (header, printable report, portfolio workbook).
export default {
  label: "Status board colour:",
  reportTitle: "Status on the board",
  reportIntro: "The colour the status board gives this project today, and the rules that gave it.",
};
