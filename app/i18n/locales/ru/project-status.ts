import type { Translation } from "../types";
import type en from "../en/project-status";

// Цвет проекта на доске статусов там, где проект показан отдельно (шапка, отчёт для печати, книга портфеля).
const projectStatus: Translation<typeof en> = {
  label: "Цвет на доске статусов:",
  reportTitle: "Статус на доске",
  reportIntro: "Цвет, который доска статусов даёт этому проекту сегодня, и правила, по которым он получен.",
};
export default projectStatus;
