import type { Translation } from "../types";
import type en from "../en/queues";

const queues: Translation<typeof en> = {
  reviews: {
    byKind: "Обновления контрольных точек: {{updates}}. Значения показателей: {{values}}.",
  },
  reporting: {
    groupPart: "На этой странице строки {{from}}–{{to}} из {{total}} в этой группе.",
  },
};
export default queues;
