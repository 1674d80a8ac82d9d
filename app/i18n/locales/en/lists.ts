// Strings for long lists kept short: "showing N of M", paging, and the status board's summary. ru/lists.ts and
// kk/lists.ts must have exactly these keys (the typecheck enforces it).
export default {
  showing: "Showing {{shown}} of {{total}}.",
  showingRange: "Showing {{from}}–{{to}} of {{total}}.",
  seeAllOnBoard: "See them all on the status board",
  moreReasons: "Further reasons on the project's page: {{count}}",
  seeAllProjects: "See all projects",
  previous: "Previous page",
  next: "Next page",
  pageOf: "Page {{page}} of {{pages}}",
  pagination: "Pages",
  board: {
    summary: "Projects by colour",
    byArea: "By priority area",
    area: "Priority area",
    total: "Total",
    search: "Project name or code",
    allAreas: "All priority areas",
    colour: "Colour",
    listTitle: "{{colour}} projects",
    showColour: "Show the {{colour}} projects",
    selected: "shown below",
  },
};
