import type { Translation } from "../types";
import type en from "../en/queues";

const queues: Translation<typeof en> = {
  reviews: {
    byKind: "Обновления контрольных точек: {{updates}}. Значения показателей: {{values}}.",
    onlyThisProject: "Только этот проект",
    onlyProject: "Показаны только элементы проекта «{{name}}» ({{code}}).",
    showAll: "Показать всю очередь",
  },
  reporting: {
    groupPart: "На этой странице строки {{from}}–{{to}} из {{total}} в этой группе.",
  },
};
export default queues;
