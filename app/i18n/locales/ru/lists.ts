import type { Translation } from "../types";
import type en from "../en/lists";

const lists: Translation<typeof en> = {
  showing: "Показано {{shown}} из {{total}}.",
  showingRange: "Показаны {{from}}–{{to}} из {{total}}.",
  seeAllOnBoard: "Все — на доске статусов",
  moreReasons: "Ещё причин на странице проекта: {{count}}",
  seeAllProjects: "Все проекты",
  previous: "Предыдущая страница",
  next: "Следующая страница",
  pageOf: "Страница {{page}} из {{pages}}",
  pagination: "Страницы",
  board: {
    summary: "Проекты по цвету",
    byArea: "По приоритетным направлениям",
    area: "Приоритетное направление",
    total: "Всего",
    search: "Название или код проекта",
    allAreas: "Все приоритетные направления",
    colour: "Цвет",
    listTitle: "Проекты: {{colour}}",
    showColour: "Показать проекты: {{colour}}",
    selected: "показаны ниже",
  },
};
export default lists;
