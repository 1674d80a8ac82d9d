import type { Translation } from "../types";
import type en from "../en/project-status";

// Жобаның мәртебе тақтасындағы түсі: жоба жеке көрсетілетін жерлерде (тақырып, басып шығару есебі, портфель кітабы).
const projectStatus: Translation<typeof en> = {
  label: "Мәртебе тақтасындағы түсі:",
  reportTitle: "Тақтадағы мәртебесі",
  reportIntro: "Мәртебе тақтасы бұл жобаға бүгін беретін түс және оны анықтаған ережелер.",
};
export default projectStatus;
