import type { Translation } from "../types";
import type en from "../en/history";

const history: Translation<typeof en> = {
  empty: "Бұл іріктеу үшін тарих жазылмаған.",
  system: "жүйе",
  reason: "Себебі",
  local: "жергілікті уақыт",
};
export default history;
