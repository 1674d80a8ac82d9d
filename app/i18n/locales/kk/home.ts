import type { Translation } from "../types";
import type en from "../en/home";

const home: Translation<typeof en> = {
  greeting: "Қош келдіңіз, {{name}}",
  signedInAs: "{{role}} · {{organization}}",
  yourProjects: "Сіздің жобаларыңыз",
  visibleProjects: "Сізге қолжетімді жобалар",
  noProjects: "Сізге әзірге бірде-бір жоба қолжетімді емес.",
  projectCount: "Жобалар саны: {{count}}",
  auditorIntro: "Сіз барлық жобаларды көресіз және қолдан өзгертуден қорғалған толық тарихты экспорттай аласыз.",
  adminIntro: "Сіз пайдаланушыларды, ұйымдарды, шеңберлік бағдарламаларды және жоба топтарын басқарасыз.",
  managerIntro: "Мамандар жіберген материалдарды тексеріп, портфельді бақылауда ұстаңыз.",
  officerIntro: "Жобаларыңыз бойынша бақылау нүктелерінің барысын белгілеп, көрсеткіштер мәндерін хабарлаңыз.",
  columns: { code: "Коды", name: "Жоба", institution: "Мекеме", status: "Мәртебесі", agency: "Іске асырушы ведомство" },
};
export default home;
