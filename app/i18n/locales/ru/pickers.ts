import type { Translation } from "../types";
import type en from "../en/pickers";

const pickers: Translation<typeof en> = {
  findPerson: "Найти человека",
  findPersonHint: "Часть имени или адреса электронной почты",
  search: "Найти",
  clearSearch: "Показать всех",
  offered: "Показано {{shown}} из {{total}} человек. Введите часть имени или адреса почты, чтобы найти другого.",
  noMatch: "Среди тех, кто может войти в команду, нет совпадений с «{{search}}».",
  typeToFind: "В подсказках первые {{shown}} из {{total}}: введите название или код, чтобы найти другой.",
  typePerson: "В подсказках первые {{shown}} из {{total}} человек: введите адрес почты, чтобы найти другого.",
  anyProjectPlaceholder: "Все проекты (введите код проекта)",
  anyonePlaceholder: "Любой (введите адрес почты)",
};
export default pickers;
