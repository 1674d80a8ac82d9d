import type { Translation } from "../types";
import type en from "../en/history";

const history: Translation<typeof en> = {
  empty: "Для этой выборки история не записана.",
  system: "система",
  reason: "Причина",
  local: "местное время",
};
export default history;
