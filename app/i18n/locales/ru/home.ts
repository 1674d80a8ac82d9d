import type { Translation } from "../types";
import type en from "../en/home";

const home: Translation<typeof en> = {
  greeting: "Добро пожаловать, {{name}}",
  signedInAs: "{{role}} · {{organization}}",
  yourProjects: "Ваши проекты",
  visibleProjects: "Доступные вам проекты",
  noProjects: "Вам пока не доступен ни один проект.",
  projectCount: "Проектов: {{count}}",
  auditorIntro: "Вы видите все проекты и можете выгрузить полную историю, защищённую от подделки.",
  adminIntro: "Вы управляете пользователями, организациями, рамочными программами и командами проектов.",
  managerIntro: "Проверяйте материалы специалистов и держите портфель на курсе.",
  officerIntro: "Отмечайте ход работ по контрольным точкам и сообщайте значения показателей по своим проектам.",
  columns: { code: "Код", name: "Проект", institution: "Учреждение", status: "Статус", agency: "Исполнительное ведомство" },
};
export default home;
