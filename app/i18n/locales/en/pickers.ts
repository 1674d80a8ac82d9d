// Pickers over lists that grow with the portfolio (people, projects): a search narrows them, and the page says how
// many of how many it offers. ru/pickers.ts and kk/pickers.ts must have exactly these keys (the typecheck enforces it).
export default {
  findPerson: "Find a person",
  findPersonHint: "Part of a name or e-mail address",
  search: "Search",
  clearSearch: "Show everyone",
  offered: "Showing {{shown}} of {{total}} people. Type part of a name or e-mail to find someone else.",
  noMatch: "Nobody who could join matches “{{search}}”.",
  typeToFind: "Showing the first {{shown}} of {{total}} as suggestions: type a name or code to find another.",
  typePerson: "Showing the first {{shown}} of {{total}} people as suggestions: type an e-mail address to find another.",
  anyProjectPlaceholder: "All projects (type a project code)",
  anyonePlaceholder: "Anyone (type an e-mail address)",
};
