// Strings of the paged work queues: the review queue and "who hasn't reported". ru/queues.ts and kk/queues.ts must
// have exactly these keys (the typecheck enforces it).
export default {
  reviews: {
    byKind: "Milestone updates: {{updates}}. Indicator values: {{values}}.",
    onlyThisProject: "Only this project",
    onlyProject: "Showing only the items of {{name}} ({{code}}).",
    showAll: "Show the whole queue",
  },
  reporting: {
    groupPart: "Rows {{from}}–{{to}} of this group's {{total}} are on this page.",
  },
};
