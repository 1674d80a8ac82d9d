import type { Translation } from "../types";
import type en from "../en/lists";

const lists: Translation<typeof en> = {
  showing: "{{total}} ішінен {{shown}} көрсетілген.",
  showingRange: "{{total}} ішінен {{from}}–{{to}} көрсетілген.",
  seeAllOnBoard: "Барлығы — мәртебе тақтасында",
  moreReasons: "Жоба бетіндегі басқа себептер саны: {{count}}",
  seeAllProjects: "Барлық жобалар",
  previous: "Алдыңғы бет",
  next: "Келесі бет",
  pageOf: "{{pages}} беттің {{page}}-беті",
  pagination: "Беттер",
  board: {
    summary: "Жобалар түсі бойынша",
    byArea: "Басым бағыттар бойынша",
    area: "Басым бағыт",
    total: "Барлығы",
    search: "Жобаның атауы немесе коды",
    allAreas: "Барлық басым бағыттар",
    colour: "Түсі",
    listTitle: "Жобалар: {{colour}}",
    showColour: "Жобаларды көрсету: {{colour}}",
    selected: "төменде көрсетілген",
  },
};
export default lists;
