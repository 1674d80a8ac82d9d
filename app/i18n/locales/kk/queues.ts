import type { Translation } from "../types";
import type en from "../en/queues";

const queues: Translation<typeof en> = {
  reviews: {
    byKind: "Бақылау нүктелерінің жаңартулары: {{updates}}. Көрсеткіш мәндері: {{values}}.",
    onlyThisProject: "Тек осы жоба",
    onlyProject: "Тек «{{name}}» ({{code}}) жобасының элементтері көрсетілген.",
    showAll: "Бүкіл кезекті көрсету",
  },
  reporting: {
    groupPart: "Бұл бетте осы топтағы {{total}} жолдың {{from}}–{{to}} жолдары.",
  },
};
export default queues;
