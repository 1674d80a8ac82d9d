import type { OrganizationSpec } from "../types";

/** Short official names (without "of the Republic of Kazakhstan"), like the English ones. */
export const ORGANIZATIONS: OrganizationSpec[] = [
  { code: "WB", name: "World Bank", nameRu: "Всемирный банк", nameKk: "Дүниежүзілік банк", kind: "WORLD_BANK" },
  {
    code: "IFC",
    name: "International Finance Corporation (IFC)",
    nameRu: "Международная финансовая корпорация (IFC)",
    nameKk: "Халықаралық қаржы корпорациясы (IFC)",
    kind: "IFC",
  },
  {
    code: "MNE",
    name: "Ministry of National Economy",
    nameRu: "Министерство национальной экономики",
    nameKk: "Ұлттық экономика министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MOT",
    name: "Ministry of Transport",
    nameRu: "Министерство транспорта",
    nameKk: "Көлік министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MWRI",
    name: "Ministry of Water Resources and Irrigation",
    nameRu: "Министерство водных ресурсов и ирригации",
    nameKk: "Су ресурстары және ирригация министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MOE",
    name: "Ministry of Energy",
    nameRu: "Министерство энергетики",
    nameKk: "Энергетика министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MDDIAI",
    name: "Ministry of Digital Development, Innovations and Aerospace Industry",
    nameRu: "Министерство цифрового развития, инноваций и аэрокосмической промышленности",
    nameKk: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MOF",
    name: "Ministry of Finance",
    nameRu: "Министерство финансов",
    nameKk: "Қаржы министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MOA",
    name: "Ministry of Agriculture",
    nameRu: "Министерство сельского хозяйства",
    nameKk: "Ауыл шаруашылығы министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MLSP",
    name: "Ministry of Labour and Social Protection",
    nameRu: "Министерство труда и социальной защиты населения",
    nameKk: "Еңбек және халықты әлеуметтік қорғау министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MOH",
    name: "Ministry of Health",
    nameRu: "Министерство здравоохранения",
    nameKk: "Денсаулық сақтау министрлігі",
    kind: "MINISTRY",
  },
  {
    code: "MOJ",
    name: "Ministry of Justice",
    nameRu: "Министерство юстиции",
    nameKk: "Әділет министрлігі",
    kind: "MINISTRY",
  },
];
