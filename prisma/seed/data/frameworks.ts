import { SEED_DISCLAIMER } from "../constants";
import type { FrameworkSpec } from "../types";

export const FRAMEWORKS: FrameworkSpec[] = [
  {
    code: "CPF-2020-2025",
    name: "Country Partnership Framework 2020–2025",
    nameRu: "Рамочная программа партнёрства со страной 2020–2025",
    nameKk: "Елмен әріптестік шеңберлік бағдарламасы 2020–2025",
    start: "2020-07-01",
    end: "2025-06-30",
    annualEnvelopeMillions: 700,
    description:
      "World Bank Group Country Partnership Framework for Kazakhstan, FY2020–FY2025: 14 major projects, $4.2 billion. " +
      "Reported results: transport connectivity for 5M+ people; travel time cut by two-thirds and transport costs by 35%; " +
      "1,200 permanent jobs; irrigation and drainage modernised for 94,000 water users; 1,000+ enterprises received grants " +
      "and consulting; 175 startups generated $41M in sales and attracted $16M of investment. " +
      SEED_DISCLAIMER,
    areas: [
      {
        code: "FA1",
        name: "Sustainable and inclusive private sector-led growth",
        nameRu: "Устойчивый и инклюзивный рост на основе частного сектора",
        nameKk: "Жеке сектор бастамасымен тұрақты және инклюзивті өсу",
        description: "Competitiveness of SMEs, innovation and startups, agri-food value chains.",
      },
      {
        code: "FA2",
        name: "Human capital and effective public institutions",
        nameRu: "Человеческий капитал и эффективные государственные институты",
        nameKk: "Адами капитал және тиімді мемлекеттік институттар",
        description: "Skills and jobs, health insurance, justice and digital public services.",
      },
      {
        code: "FA3",
        name: "Connectivity and sustainable natural resource management",
        nameRu: "Связанность и устойчивое управление природными ресурсами",
        nameKk: "Байланыстылық және табиғи ресурстарды тұрақты басқару",
        description: "Transit corridors and roads, irrigation and drainage, renewable energy.",
      },
    ],
  },
  {
    code: "CPF-2026-2031",
    name: "Country Partnership Framework 2026–2031",
    nameRu: "Рамочная программа партнёрства со страной 2026–2031",
    nameKk: "Елмен әріптестік шеңберлік бағдарламасы 2026–2031",
    start: "2025-07-01",
    end: "2031-06-30",
    annualEnvelopeMillions: 1000,
    description:
      "Up to $1 billion a year for six years. Also railway modernisation, micro and small business support and " +
      "agro-industry (agricultural machinery, grain processing); analytics continue under the Joint Economic Research " +
      "Program (JERP). IFC: advisory for PPPs, with the Almaty bypass railway as flagship.",
    areas: [
      {
        code: "PA1",
        name: "Transport and digital connectivity",
        nameRu: "Транспортная и цифровая связанность",
        nameKk: "Көліктік және цифрлық байланыстылық",
        description: "Railways, roads and rural broadband.",
      },
      {
        code: "PA2",
        name: "Climate action and green transition",
        nameRu: "Климатические действия и зелёный переход",
        nameKk: "Климаттық іс-қимыл және жасыл экономикаға көшу",
        description: "Decarbonisation and climate resilience.",
      },
      {
        code: "PA3",
        name: "Modernisation of water and energy services",
        nameRu: "Модернизация услуг водоснабжения и энергетики",
        nameKk: "Сумен жабдықтау және энергетика қызметтерін жаңғырту",
        description: "Irrigation, water supply and energy utilities.",
      },
      {
        code: "PA4",
        name: "Financial market development",
        nameRu: "Развитие финансового рынка",
        nameKk: "Қаржы нарығын дамыту",
        description: "Capital markets and MSME finance.",
      },
      {
        code: "PA5",
        name: "Private investment and competitiveness",
        nameRu: "Частные инвестиции и конкурентоспособность",
        nameKk: "Жеке инвестициялар және бәсекеге қабілеттілік",
        description: "Agro-industry, PPPs and the investment climate.",
      },
      {
        code: "PA6",
        name: "Expansion of renewable energy",
        nameRu: "Расширение использования возобновляемых источников энергии",
        nameKk: "Жаңартылатын энергия көздерін пайдалануды кеңейту",
        description: "Wind, solar, storage and grid integration.",
      },
    ],
  },
];
