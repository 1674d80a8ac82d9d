import type { Translation } from "../types";
import type en from "../en/queues";

const queues: Translation<typeof en> = {
  reviews: {
    byKind: "Бақылау нүктелерінің жаңартулары: {{updates}}. Көрсеткіш мәндері: {{values}}.",
  },
  reporting: {
    groupPart: "Бұл бетте осы топтағы {{total}} жолдың {{from}}–{{to}} жолдары.",
  },
};
export default queues;
