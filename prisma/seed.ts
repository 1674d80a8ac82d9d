// The demo portfolio: the World Bank Group's Kazakhstan programme under CPF 2020–2025 and the pipeline of CPF 2026–2031.
// Built from public World Bank documents (see /work/shared/DOMAIN.md) and completed plausibly where the public record is
// silent: invented projects, figures and people are illustrative (SEED_DISCLAIMER).
//
// Run with `npm run db:seed` (tsx prisma/seed.ts). It seeds an empty database only, and refuses NODE_ENV=production
// unless `--force` or SEED_FORCE=1. Everything is written through `auditedTransaction`, one audit event per record,
// so the demo history verifies like real history.
import { pathToFileURL } from "node:url";
import type {
  IndicatorMeasure,
  IndicatorType,
  Institution,
  MilestoneStatus,
  OrganizationKind,
  PerformanceRating,
  PrismaClient,
  ProjectStatus,
  RiskRating,
  Role,
} from "~/generated/prisma/client";
import { hashPassword } from "~/lib/password.server";
import type { Audit, AuditInput, Tx } from "~/models/audit.server";
import type { IndicatorFrequency } from "~/schemas/indicator";

export const SEED_DISCLAIMER =
  "The seed portfolio is illustrative: built from public World Bank documents and completed plausibly.";

/** Every demo account's password (hashed once, reused). */
export const DEMO_PASSWORD = "qadam-demo-2026";

/** The seed's "today": every submission and review in the seed happened before it. */
export const SEED_TODAY = "2026-11-26";

/**
 * Indicator codes that carry the results CPF 2020–2025 reported. The CPF figure is the sum over projects of each
 * indicator's latest VERIFIED value:
 * - WATER_USERS 94,000: P086592 (Second Irrigation and Drainage Improvement) alone.
 * - ENTERPRISES_SUPPORTED 1,040 ("1,000+"): 812 SMEs (P147705 SME Competitiveness) + 228 firms and startups given
 *   innovation grants and mentoring (P150402 Fostering Productive Innovation).
 * - STARTUPS_SUPPORTED 175, STARTUP_SALES_USD_M 41 (unit "USD million"), STARTUP_INVESTMENT_USD_M 16: P150402 alone.
 * - TRAVEL_TIME_CHANGE_PCT −66 ("cut by two-thirds") and TRANSPORT_COST_CHANGE_PCT −35: percentage change against the
 *   2009 baseline (baseline 0, descending), on P099270 (South-West Roads) alone — percentages are never summed.
 * - PERMANENT_JOBS 1,200: 760 on P099270 + 440 on P128050 (East-West Roads).
 * - PEOPLE_CONNECTED_M 5.2 ("5M+ people", unit "million people"): P099270 alone.
 */
export const CPF_RESULT_CODES = {
  waterUsers: "WATER_USERS",
  enterprisesSupported: "ENTERPRISES_SUPPORTED",
  startupsSupported: "STARTUPS_SUPPORTED",
  startupSales: "STARTUP_SALES_USD_M",
  startupInvestment: "STARTUP_INVESTMENT_USD_M",
  travelTimeChange: "TRAVEL_TIME_CHANGE_PCT",
  transportCostChange: "TRANSPORT_COST_CHANGE_PCT",
  permanentJobs: "PERMANENT_JOBS",
  peopleConnected: "PEOPLE_CONNECTED_M",
} as const;

export type SeedSummary = {
  organizations: number;
  users: number;
  frameworks: number;
  priorityAreas: number;
  projects: number;
  members: number;
  milestones: number;
  milestoneUpdates: number;
  indicators: number;
  indicatorValues: number;
  ratings: number;
  auditEvents: number;
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A date without a time of day: 00:00 UTC. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A moment during the working day (09:30 UTC unless a time is given). */
function moment(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T09:30:00Z` : iso);
}

function addDays(iso: string, days: number, time = "09:30:00"): Date {
  const d = day(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return new Date(`${d.toISOString().slice(0, 10)}T${time}Z`);
}

/** US dollars in millions (two decimals at most) → US cents. */
function usdMillions(millions: number): bigint {
  return BigInt(Math.round(millions * 100)) * 1_000_000n;
}

const TODAY_END = new Date(`${SEED_TODAY}T23:59:59Z`);
function past(date: Date, what: string): Date {
  if (date > TODAY_END) throw new Error(`seed data error: ${what} (${date.toISOString()}) is after ${SEED_TODAY}`);
  return date;
}

const evidence = (...paths: string[]) => JSON.stringify(paths.map((p) => `https://files.qadam.test/evidence/${p}`));

// ---------------------------------------------------------------------------------------------------------------
// Organizations and people

type OrgCode = "WB" | "IFC" | "MNE" | "MOT" | "MWRI" | "MOE" | "MDDIAI" | "MOF" | "MOA" | "MLSP" | "MOH" | "MOJ";

/** Short official names (without "of the Republic of Kazakhstan"), like the English ones. */
const ORGANIZATIONS: { code: OrgCode; name: string; nameRu: string; nameKk: string; kind: OrganizationKind }[] = [
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

export const DEMO_USERS = [
  { key: "admin", email: "admin@qadam.test", name: "Aigerim Admin", org: "WB", role: "ADMIN" },
  { key: "wbManager", email: "wb.manager@qadam.test", name: "Daniyar Seitkali", org: "WB", role: "MANAGER" },
  { key: "wbOfficer", email: "wb.officer@qadam.test", name: "Aliya Zhaksylykova", org: "WB", role: "OFFICER" },
  { key: "ifcManager", email: "ifc.manager@qadam.test", name: "Marat Ospanov", org: "IFC", role: "MANAGER" },
  { key: "ifcOfficer", email: "ifc.officer@qadam.test", name: "Sofia Lindqvist", org: "IFC", role: "OFFICER" },
  {
    key: "transportManager",
    email: "transport.manager@qadam.test",
    name: "Yerlan Abenov",
    org: "MOT",
    role: "MANAGER",
  },
  {
    key: "transportOfficer",
    email: "transport.officer@qadam.test",
    name: "Dana Serikbayeva",
    org: "MOT",
    role: "OFFICER",
  },
  { key: "waterOfficer", email: "water.officer@qadam.test", name: "Nurlan Akhmetov", org: "MWRI", role: "OFFICER" },
  { key: "auditor", email: "auditor@qadam.test", name: "Helen Carter", org: "WB", role: "AUDITOR" },
] as const satisfies readonly { key: string; email: string; name: string; org: OrgCode; role: Role }[];

type UserKey = (typeof DEMO_USERS)[number]["key"];

// ---------------------------------------------------------------------------------------------------------------
// Frameworks

type AreaCode = "FA1" | "FA2" | "FA3" | "PA1" | "PA2" | "PA3" | "PA4" | "PA5" | "PA6";

const FRAMEWORKS: {
  code: string;
  name: string;
  nameRu: string;
  nameKk: string;
  start: string;
  end: string;
  annualEnvelopeMillions: number;
  description: string;
  areas: { code: AreaCode; name: string; nameRu: string; nameKk: string; description: string }[];
}[] = [
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

// ---------------------------------------------------------------------------------------------------------------
// Projects

type PendingUpdate = {
  author: UserKey;
  status: MilestoneStatus;
  percent: number;
  dueDate?: string;
  dueDateReason?: string;
  narrative: string;
  evidence?: string;
  submittedAt: string;
  /** Present when the reviewer sent it back. */
  returned?: { by: UserKey; at: string; comment: string };
};

type MilestoneSpec = {
  title: string;
  description?: string;
  baseline: string;
  /** Defaults to the baseline (no slip). */
  current?: string;
  status: MilestoneStatus;
  percent: number;
  completedOn?: string;
  owner?: UserKey;
  /** Why the due date moved; an approved update carries it. */
  slipReason?: string;
  /** When the approved re-planning update was submitted (default: two weeks before the baseline date). */
  slipOn?: string;
  /** Narrative of the latest approved progress update. */
  note?: string;
  /** When the latest approved progress update was submitted (in-progress milestones; default 2026-09-15). */
  lastUpdate?: string;
  pending?: PendingUpdate[];
};

type PendingValue = {
  start: string;
  end: string;
  value: number;
  by: UserKey;
  submittedAt: string;
  comment: string;
  evidence?: string;
  returned?: { by: UserKey; at: string; comment: string };
};

type IndicatorSpec = {
  code: string;
  name: string;
  type: IndicatorType;
  unit: string;
  measure?: IndicatorMeasure;
  ascending?: boolean;
  baseline: [number, string];
  target: [number, string];
  /** Formal revision of the end target: the target before, when, why. */
  revised?: [number, string, string];
  frequency?: IndicatorFrequency;
  dataSource?: string;
  responsibleAgency?: string;
  targets?: [string, number][];
  /** VERIFIED values: [periodEnd, value], the period starting on 1 January of that year. */
  values?: [string, number][];
  pending?: PendingValue[];
};

type RatingSpec = {
  on: string;
  pdo: PerformanceRating;
  ip: PerformanceRating;
  risk: RiskRating;
  justification: string;
  by?: UserKey;
};

type ProjectSpec = {
  code: string;
  name: string;
  description: string;
  institution: Institution;
  instrument: "IPF" | "PforR" | "IFC Investment" | "IFC Advisory";
  agency: OrgCode;
  area: AreaCode;
  sector: string;
  status: ProjectStatus;
  approval?: string;
  effectiveness?: string;
  mtrPlanned?: string;
  mtrActual?: string;
  closingOriginal?: string;
  closingRevised?: string;
  /** Net commitment and disbursement in US$ millions. */
  commitment: number;
  disbursed: number;
  narrative: string;
  members: [UserKey, string][];
  /** Default reporter of values and author of milestone updates (a member officer). */
  reporter?: UserKey;
  /** Manager who verifies values, approves updates and rates (default for all three). */
  reviewer: UserKey;
  /** Manager who approves milestone updates when not the reviewer. */
  milestoneReviewer?: UserKey;
  milestones?: MilestoneSpec[];
  indicators?: IndicatorSpec[];
  ratings?: RatingSpec[];
};

const ILLUSTRATIVE = "Illustrative project completing the CPF portfolio.";

/**
 * CPF 2020–2025: 14 projects whose net commitments add up to exactly $4,200M. Amounts are net commitments as an ISR
 * reports them: P150183 ($100M approved) and P143274 ($36M approved) after their partial cancellations, P170365 ($500M
 * signed) is zero because it was cancelled in full. DOMAIN.md gives only component costs for P086592 and P152625, so
 * their IBRD amounts, like the four invented projects (P1999xx, IFC-…), are illustrative and chosen to make the sum exact.
 */
const CPF_2020_2025_PROJECTS: ProjectSpec[] = [
  {
    code: "P099270",
    name: "South-West Roads: Western Europe–Western China International Transit Corridor (CAREC 1b & 6b)",
    description:
      "Reconstruction of the south-western section of the Western Europe–Western China transit corridor (CAREC 1b and " +
      "6b) through Kyzylorda and Turkistan oblasts, with road-safety and corridor-management improvements. IBRD loan of " +
      "$2,125M; effective 9 December 2009; 94% disbursed by April 2024.",
    institution: "WB",
    instrument: "IPF",
    agency: "MOT",
    area: "FA3",
    sector: "21020",
    status: "CLOSED",
    approval: "2009-04-30",
    effectiveness: "2009-12-09",
    mtrPlanned: "2012-06-30",
    mtrActual: "2012-10-15",
    closingOriginal: "2014-12-31",
    closingRevised: "2024-12-31",
    commitment: 2125,
    disbursed: 2081.4,
    narrative:
      "Closed on 31 December 2024 with 98% of the loan disbursed. All corridor sections are open to traffic: travel time " +
      "on the rehabilitated sections fell by two-thirds and transport costs by 35% against the 2009 baseline, and about " +
      "760 permanent jobs were created in road maintenance and roadside services. The completion report is being prepared.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
      ["transportManager", "REVIEWER"],
      ["transportOfficer", "FOCAL_POINT"],
    ],
    reporter: "transportOfficer",
    reviewer: "wbManager",
    milestoneReviewer: "transportManager",
    milestones: [
      {
        title: "Civil works contracts for all corridor sections awarded",
        baseline: "2011-06-30",
        current: "2011-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2011-11-21",
        owner: "transportOfficer",
        slipReason: "Two lots re-tendered after bids exceeded the engineer's estimate.",
      },
      {
        title: "Kyzylorda oblast sections open to traffic",
        baseline: "2014-12-31",
        current: "2016-10-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2016-10-12",
        owner: "transportOfficer",
        slipReason: "Contractor on lot 3 terminated; remaining works re-awarded.",
      },
      {
        title: "Turkistan oblast sections open to traffic",
        baseline: "2015-12-31",
        current: "2018-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2018-06-15",
        owner: "transportOfficer",
        slipReason: "Late land acquisition and utility relocation around Shymkent.",
      },
      {
        title: "Road-safety and corridor-management improvements completed",
        baseline: "2019-12-31",
        current: "2023-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2023-11-30",
        owner: "wbOfficer",
        slipReason: "Package re-scoped in the 2020 restructuring to add weigh-in-motion stations.",
      },
      {
        title: "Final acceptance of works and closing audit",
        baseline: "2024-09-30",
        current: "2024-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2024-12-20",
        owner: "transportOfficer",
        slipReason: "Defects-liability period on the last lot ends in December 2024.",
      },
    ],
    indicators: [
      {
        code: CPF_RESULT_CODES.travelTimeChange,
        name: "Change in travel time on the rehabilitated corridor sections against the 2009 baseline",
        type: "PDO",
        unit: "% change",
        measure: "PERCENTAGE",
        ascending: false,
        baseline: [0, "2009-12-09"],
        target: [-60, "2024-12-31"],
        revised: [-70, "2020-06-15", "2020 restructuring: a 120 km section moved to the national programme."],
        dataSource: "Travel-time surveys on corridor sections (Committee for Roads)",
        targets: [
          ["2014-12-31", -20],
          ["2018-12-31", -45],
          ["2021-12-31", -55],
          ["2024-12-31", -60],
        ],
        values: [
          ["2014-12-31", -31],
          ["2018-12-31", -52],
          ["2021-12-31", -61],
          ["2024-12-31", -66],
        ],
      },
      {
        code: CPF_RESULT_CODES.transportCostChange,
        name: "Change in transport (vehicle operating) costs on the corridor against the 2009 baseline",
        type: "PDO",
        unit: "% change",
        measure: "PERCENTAGE",
        ascending: false,
        baseline: [0, "2009-12-09"],
        target: [-30, "2024-12-31"],
        dataSource: "Vehicle operating cost model (HDM-4) calibrated on traffic counts",
        targets: [
          ["2018-12-31", -20],
          ["2024-12-31", -30],
        ],
        values: [
          ["2014-12-31", -12],
          ["2018-12-31", -24],
          ["2021-12-31", -31],
          ["2024-12-31", -35],
        ],
      },
      {
        code: CPF_RESULT_CODES.peopleConnected,
        name: "People in the corridor oblasts with improved transport connectivity",
        type: "PDO",
        unit: "million people",
        baseline: [0, "2009-12-09"],
        target: [4.5, "2024-12-31"],
        dataSource: "Population of districts served by the rehabilitated corridor (Bureau of National Statistics)",
        values: [
          ["2018-12-31", 3.1],
          ["2021-12-31", 4.4],
          ["2024-12-31", 5.2],
        ],
      },
      {
        code: CPF_RESULT_CODES.permanentJobs,
        name: "Permanent jobs created in road maintenance and roadside services",
        type: "INTERMEDIATE",
        unit: "jobs",
        baseline: [0, "2009-12-09"],
        target: [700, "2024-12-31"],
        dataSource: "Contractor and roadside-service operator records",
        values: [
          ["2018-12-31", 310],
          ["2021-12-31", 590],
          ["2024-12-31", 760],
        ],
      },
    ],
    ratings: [
      {
        on: "2019-05-20",
        pdo: "S",
        ip: "MS",
        risk: "S",
        justification:
          "Sections in Kyzylorda open; two Turkistan lots behind schedule after contractor cash-flow problems.",
      },
      {
        on: "2021-11-15",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "All main works complete; road-safety package under way after the 2020 restructuring.",
      },
      {
        on: "2023-12-12",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "Road-safety and corridor-management package completed; travel-time target exceeded.",
      },
      {
        on: "2024-12-18",
        pdo: "S",
        ip: "S",
        risk: "L",
        justification: "Final ISR: all sections accepted; transport-cost and jobs targets exceeded.",
      },
    ],
  },
  {
    code: "P128050",
    name: "East-West Roads Project (Almaty–Khorgos Section of the Western Europe–Western China Corridor, CAREC-1b)",
    description:
      "Reconstruction of the Almaty–Khorgos section of the Western Europe–Western China corridor (CAREC-1b) to the border " +
      "with China, with interchanges, road safety and roadside services. IBRD $1,068M with $188M of government " +
      "co-financing; approved 1 May 2012; 81% disbursed in April 2024. Closing extended from 31 December 2025 to " +
      "31 December 2026 to finish the Khorgos approach and the road-safety works.",
    institution: "WB",
    instrument: "IPF",
    agency: "MOT",
    area: "FA3",
    sector: "21020",
    status: "ACTIVE",
    approval: "2012-05-01",
    effectiveness: "2012-11-08",
    mtrPlanned: "2016-06-30",
    mtrActual: "2016-09-27",
    closingOriginal: "2017-06-30",
    closingRevised: "2026-12-31",
    commitment: 1068,
    disbursed: 986.8,
    narrative:
      "The main carriageway is complete and open to traffic; Almaty–Khorgos travel time fell from about 6 hours to 4.1. " +
      "Remaining: two interchanges at the Almaty ring road, the Khorgos border approach and the road-safety package, " +
      "which the 2025 restructuring moved to 31 December 2026. Disbursement 92%. Risk: contractor cash flow on the last " +
      "lot; the Committee for Roads agreed a recovery schedule in October 2026.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
      ["transportManager", "REVIEWER"],
      ["transportOfficer", "FOCAL_POINT"],
    ],
    reporter: "transportOfficer",
    reviewer: "wbManager",
    milestoneReviewer: "transportManager",
    milestones: [
      {
        title: "Almaty–Shelek section open to traffic",
        baseline: "2016-12-31",
        current: "2018-10-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2018-10-24",
        owner: "transportOfficer",
        slipReason: "Late land acquisition near the Almaty ring road.",
      },
      {
        title: "Shelek–Khorgos main carriageway completed",
        baseline: "2019-12-31",
        current: "2023-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2023-06-20",
        owner: "transportOfficer",
        slipReason: "Design changes at three river crossings and COVID-19 work stoppages.",
      },
      {
        title: "Two interchanges at the Almaty ring road completed",
        baseline: "2025-06-30",
        current: "2026-10-31",
        status: "DELAYED",
        percent: 85,
        owner: "transportOfficer",
        slipReason: "Relocation of city utilities took longer than planned.",
        slipOn: "2025-06-16",
        note: "Interchange 1 open; interchange 2 deck poured, approach ramps outstanding. Past the revised due date.",
        lastUpdate: "2026-11-03",
        pending: [
          {
            author: "transportOfficer",
            status: "IN_PROGRESS",
            percent: 95,
            dueDate: "2026-12-20",
            dueDateReason:
              "Ramp paving stopped by early frost; contractor's recovery schedule finishes on 20 December.",
            narrative: "Interchange 2 approach ramps paved on the northern side; lighting and signs installed.",
            evidence: evidence("P128050/interchange-2-progress-2026-11.pdf", "P128050/site-photos-2026-11-18.zip"),
            submittedAt: "2026-11-19T10:42:00Z",
          },
        ],
      },
      {
        title: "Khorgos border approach and customs access road",
        baseline: "2025-09-30",
        current: "2026-12-15",
        status: "IN_PROGRESS",
        percent: 70,
        owner: "transportOfficer",
        slipReason: "Customs terminal layout changed by the State Revenue Committee.",
        note: "Earthworks and base course done on 6 of 9 km; asphalt paving to resume in spring if weather stops work.",
      },
      {
        title: "Road-safety package (barriers, lighting, pedestrian crossings) installed",
        baseline: "2025-12-31",
        current: "2026-12-31",
        status: "IN_PROGRESS",
        percent: 55,
        owner: "wbOfficer",
        slipReason: "2025 restructuring extended closing; package re-sequenced after the interchanges.",
        note: "Median barriers installed on 140 km; lighting contract signed in August.",
      },
      {
        title: "Final acceptance certificates and completion report",
        baseline: "2026-03-31",
        current: "2027-04-30",
        status: "NOT_STARTED",
        percent: 0,
        owner: "wbOfficer",
        slipReason: "Follows the extended closing date of 31 December 2026.",
      },
    ],
    indicators: [
      {
        code: "TRAVEL_TIME_ALMATY_KHORGOS_H",
        name: "Travel time Almaty–Khorgos by passenger car",
        type: "PDO",
        unit: "hours",
        ascending: false,
        baseline: [6, "2012-05-01"],
        target: [4, "2026-12-31"],
        dataSource: "GPS travel-time surveys (Committee for Roads)",
        targets: [
          ["2020-12-31", 5],
          ["2023-12-31", 4.5],
          ["2026-12-31", 4],
        ],
        values: [
          ["2018-12-31", 5.4],
          ["2021-12-31", 4.6],
          ["2023-12-31", 4.3],
          ["2025-12-31", 4.1],
        ],
      },
      {
        code: "ROAD_KM_RECONSTRUCTED",
        name: "Corridor reconstructed to category I standard",
        type: "INTERMEDIATE",
        unit: "km",
        baseline: [0, "2012-05-01"],
        target: [300, "2026-12-31"],
        frequency: "SEMI_ANNUAL",
        dataSource: "Supervision consultant's acceptance reports",
        values: [
          ["2018-12-31", 95],
          ["2021-12-31", 210],
          ["2023-12-31", 281],
          ["2025-12-31", 294],
        ],
        pending: [
          {
            start: "2026-01-01",
            end: "2026-09-30",
            value: 298,
            by: "transportOfficer",
            submittedAt: "2026-11-18T08:15:00Z",
            comment: "Khorgos approach km 0–4 accepted by the supervision consultant in September.",
            evidence: evidence("P128050/acceptance-certificates-q3-2026.pdf"),
          },
        ],
      },
      {
        code: CPF_RESULT_CODES.permanentJobs,
        name: "Permanent jobs created in road maintenance and roadside services",
        type: "INTERMEDIATE",
        unit: "jobs",
        baseline: [0, "2012-05-01"],
        target: [450, "2026-12-31"],
        revised: [600, "2025-06-18", "2025 restructuring: roadside service areas reduced from six to four."],
        dataSource: "Contractor and roadside-service operator records",
        values: [
          ["2021-12-31", 180],
          ["2023-12-31", 320],
          ["2025-12-31", 440],
        ],
      },
      {
        code: "ROAD_FATALITIES_RATE",
        name: "Road fatalities on the corridor per 100 million vehicle-km",
        type: "INTERMEDIATE",
        unit: "deaths per 100M veh-km",
        ascending: false,
        baseline: [4.8, "2012-05-01"],
        target: [3, "2026-12-31"],
        dataSource: "Traffic police accident database",
        values: [
          ["2021-12-31", 4.1],
          ["2023-12-31", 3.6],
          ["2025-12-31", 3.4],
        ],
      },
    ],
    ratings: [
      {
        on: "2022-06-10",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Slow progress at the river crossings; disbursement below projection.",
      },
      {
        on: "2024-04-25",
        pdo: "S",
        ip: "MS",
        risk: "S",
        justification: "Main carriageway complete; 81% disbursed; interchanges and Khorgos approach lag.",
      },
      {
        on: "2025-06-20",
        pdo: "S",
        ip: "MS",
        risk: "M",
        justification: "Restructuring extends closing to 31 December 2026 and reduces roadside service areas.",
      },
      {
        on: "2026-05-28",
        pdo: "S",
        ip: "MS",
        risk: "M",
        justification: "Travel-time target within reach; interchange 2 and safety package need close follow-up.",
      },
    ],
  },
  {
    code: "P086592",
    name: "Second Irrigation and Drainage Improvement Project",
    description:
      "Rehabilitation and modernisation of irrigation and drainage systems in Almaty, Kyzylorda, Turkistan and Zhambyl " +
      "oblasts, with stronger water users' cooperatives and agricultural advisory services. Component costs about $343M " +
      "(rehabilitation $323.4M, management and O&M $6.9M, agricultural development $9.8M, project management $2.9M), " +
      "financed by an IBRD loan and the Government; the IBRD amount shown is illustrative. Implemented by the Committee " +
      "for Water Resources, now the Ministry of Water Resources and Irrigation.",
    institution: "WB",
    instrument: "IPF",
    agency: "MWRI",
    area: "FA3",
    sector: "31140",
    status: "ACTIVE",
    approval: "2013-06-27",
    effectiveness: "2015-01-29",
    mtrPlanned: "2018-10-01",
    mtrActual: "2018-10-15",
    closingOriginal: "2021-12-31",
    closingRevised: "2027-06-30",
    commitment: 78.4,
    disbursed: 69,
    narrative:
      "Rehabilitation is complete on 763 km of canals serving 92,000 ha and about 94,000 water users. After the MU " +
      "ratings of October 2019 the project was restructured; closing was extended to 30 June 2027 to finish the SCADA and " +
      "water-metering package and hand the last systems over to the water users' cooperatives. Open issue: O&M cost " +
      "recovery is still below target in Kyzylorda.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
      ["waterOfficer", "FOCAL_POINT"],
    ],
    reporter: "waterOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Designs and tenders for the first sub-project areas completed",
        baseline: "2015-12-31",
        current: "2016-09-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2016-09-15",
        owner: "waterOfficer",
        slipReason: "Feasibility studies for Kyzylorda took two extra seasons of surveys.",
      },
      {
        title: "Main and inter-farm canals rehabilitated (763 km)",
        baseline: "2020-12-31",
        current: "2025-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2025-06-10",
        owner: "waterOfficer",
        slipReason: "Kyzylorda contractor terminated in 2019; works re-tendered in two lots.",
      },
      {
        title: "Water users' cooperatives registered and trained in all sub-project areas",
        baseline: "2021-06-30",
        current: "2025-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2025-12-05",
        owner: "waterOfficer",
        slipReason: "New law on rural cooperatives required re-registration of existing associations.",
      },
      {
        title: "SCADA and water-metering system commissioned",
        baseline: "2021-12-31",
        current: "2026-10-31",
        status: "DELAYED",
        percent: 75,
        owner: "waterOfficer",
        slipReason: "Equipment import delays and a re-tendered software contract.",
        slipOn: "2024-03-12",
        note: "Control centre built; 280 of 400 flow meters installed. Past the due date.",
        lastUpdate: "2026-11-04",
        pending: [
          {
            author: "waterOfficer",
            status: "IN_PROGRESS",
            percent: 85,
            dueDate: "2027-02-28",
            dueDateReason: "The supplier rescheduled delivery of the last 120 flow meters to January 2027.",
            narrative: "Telemetry live on the Shardara main canal; 340 of 400 flow meters installed and calibrated.",
            evidence: evidence("P086592/scada-progress-2026-11.pdf"),
            submittedAt: "2026-11-20T07:05:00Z",
          },
        ],
      },
      {
        title: "Rehabilitated systems handed over to operators with approved O&M plans",
        baseline: "2026-06-30",
        current: "2027-03-31",
        status: "IN_PROGRESS",
        percent: 40,
        owner: "waterOfficer",
        slipReason: "Handover follows SCADA commissioning.",
        note: "O&M plans approved for 11 of 27 systems.",
      },
    ],
    indicators: [
      {
        code: CPF_RESULT_CODES.waterUsers,
        name: "Water users provided with improved irrigation and drainage services",
        type: "PDO",
        unit: "people",
        baseline: [0, "2013-06-27"],
        target: [94000, "2027-06-30"],
        revised: [110000, "2019-05-07", "2019 restructuring: sub-project areas in Zhambyl oblast dropped."],
        dataSource: "Water users' cooperative registers",
        targets: [
          ["2020-12-31", 30000],
          ["2022-12-31", 55000],
          ["2024-12-31", 80000],
          ["2026-12-31", 94000],
        ],
        values: [
          ["2018-12-31", 12400],
          ["2020-12-31", 31800],
          ["2022-12-31", 58700],
          ["2024-12-31", 81200],
          ["2025-12-31", 94000],
        ],
      },
      {
        code: "IRRIGATED_AREA_HA",
        name: "Area provided with new or improved irrigation and drainage services",
        type: "PDO",
        unit: "ha",
        baseline: [0, "2013-06-27"],
        target: [92000, "2027-06-30"],
        dataSource: "Kazvodkhoz hydro-module survey",
        values: [
          ["2020-12-31", 30500],
          ["2022-12-31", 57000],
          ["2024-12-31", 80100],
          ["2025-12-31", 92000],
        ],
      },
      {
        code: "CANALS_KM",
        name: "Irrigation and drainage canals rehabilitated",
        type: "INTERMEDIATE",
        unit: "km",
        baseline: [0, "2013-06-27"],
        target: [763, "2027-06-30"],
        dataSource: "Supervision consultant's acceptance reports",
        values: [
          ["2019-12-31", 120],
          ["2021-12-31", 310],
          ["2023-12-31", 590],
          ["2025-12-31", 763],
        ],
      },
      {
        code: "OM_COST_RECOVERY_PCT",
        name: "O&M costs recovered through irrigation service fees",
        type: "INTERMEDIATE",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [35, "2013-06-27"],
        target: [70, "2027-06-30"],
        dataSource: "Water users' cooperatives' financial statements",
        values: [
          ["2022-12-31", 44],
          ["2024-12-31", 52],
          ["2025-12-31", 58],
        ],
        pending: [
          {
            start: "2026-01-01",
            end: "2026-09-30",
            value: 61,
            by: "waterOfficer",
            submittedAt: "2026-11-12T11:20:00Z",
            comment: "Fee collection up in Turkistan; Kyzylorda still at 47%.",
            evidence: evidence("P086592/wuc-fee-collection-9m-2026.xlsx"),
          },
        ],
      },
    ],
    ratings: [
      {
        on: "2019-10-11",
        pdo: "MU",
        ip: "MU",
        risk: "S",
        justification:
          "ISR 13: implementation up from Unsatisfactory after the May 2019 restructuring, but civil works in Kyzylorda " +
          "and the formation of water users' cooperatives remain slow.",
      },
      {
        on: "2021-12-08",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Re-tendered works progressing; closing extended to allow completion of the canals.",
      },
      {
        on: "2024-06-14",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Water-users target within reach; SCADA package behind schedule.",
      },
      {
        on: "2026-06-12",
        pdo: "MS",
        ip: "MU",
        risk: "S",
        justification: "PDO targets met, but SCADA commissioning slipped again and O&M cost recovery lags.",
      },
    ],
  },
  {
    code: "P150402",
    name: "Fostering Productive Innovation Project",
    description:
      "Grants, acceleration and commercialisation support for startups and firms, and research grants linking science " +
      "with industry. IBRD $88M (total project cost $110M with government financing); loan signed 9 June 2015.",
    institution: "WB",
    instrument: "IPF",
    agency: "MDDIAI",
    area: "FA1",
    sector: "32182",
    status: "CLOSED",
    approval: "2015-03-26",
    effectiveness: "2015-09-02",
    mtrPlanned: "2018-06-30",
    mtrActual: "2018-05-21",
    closingOriginal: "2020-12-31",
    closingRevised: "2022-12-31",
    commitment: 88,
    disbursed: 86.2,
    narrative:
      "Closed on 31 December 2022. 175 startups supported generated $41M in sales and attracted $16M of follow-on " +
      "investment; 228 firms and startups received innovation grants and mentoring.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "wbOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "First innovation grant call launched",
        baseline: "2016-03-31",
        current: "2016-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2016-06-14",
        owner: "wbOfficer",
        slipReason: "Grant manual revised after the first peer-review panel.",
      },
      {
        title: "Technology commercialisation office network operational",
        baseline: "2017-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2017-05-30",
        owner: "wbOfficer",
      },
      {
        title: "Third startup grant call awarded",
        baseline: "2019-06-30",
        current: "2020-03-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2020-02-28",
        owner: "wbOfficer",
        slipReason: "Call re-opened to reach regions outside Almaty and Astana.",
      },
      {
        title: "Sales and follow-on investment survey of grantees",
        baseline: "2020-09-30",
        current: "2022-09-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2022-09-15",
        owner: "wbOfficer",
        slipReason: "Closing extended; survey moved to the end of the project.",
      },
    ],
    indicators: [
      {
        code: CPF_RESULT_CODES.startupsSupported,
        name: "Startups supported with grants and acceleration",
        type: "PDO",
        unit: "startups",
        baseline: [0, "2015-03-26"],
        target: [150, "2022-12-31"],
        revised: [200, "2020-07-10", "COVID-19 restructuring: one accelerator cohort cancelled."],
        dataSource: "Grant management information system",
        values: [
          ["2018-12-31", 60],
          ["2020-12-31", 128],
          ["2022-12-31", 175],
        ],
      },
      {
        code: CPF_RESULT_CODES.startupSales,
        name: "Cumulative sales of supported startups",
        type: "PDO",
        unit: "USD million",
        baseline: [0, "2015-03-26"],
        target: [30, "2022-12-31"],
        dataSource: "Grantee survey and tax records",
        values: [
          ["2020-12-31", 14],
          ["2021-12-31", 27],
          ["2022-12-31", 41],
        ],
      },
      {
        code: CPF_RESULT_CODES.startupInvestment,
        name: "Follow-on investment attracted by supported startups",
        type: "PDO",
        unit: "USD million",
        baseline: [0, "2015-03-26"],
        target: [12, "2022-12-31"],
        dataSource: "Grantee survey and investor confirmations",
        values: [
          ["2020-12-31", 5],
          ["2021-12-31", 9.5],
          ["2022-12-31", 16],
        ],
      },
      {
        code: CPF_RESULT_CODES.enterprisesSupported,
        name: "Enterprises receiving grants and consulting (innovation grants and mentoring)",
        type: "INTERMEDIATE",
        unit: "enterprises",
        baseline: [0, "2015-03-26"],
        target: [200, "2022-12-31"],
        dataSource: "Grant management information system",
        values: [
          ["2018-12-31", 90],
          ["2020-12-31", 170],
          ["2022-12-31", 228],
        ],
      },
    ],
    ratings: [
      {
        on: "2019-11-20",
        pdo: "MS",
        ip: "MS",
        risk: "M",
        justification: "Grant calls oversubscribed; commercialisation offices slow to generate deals.",
      },
      {
        on: "2021-06-10",
        pdo: "S",
        ip: "MS",
        risk: "M",
        justification: "Startup sales ahead of target despite COVID-19; one cohort cancelled.",
      },
      {
        on: "2022-12-15",
        pdo: "S",
        ip: "S",
        risk: "L",
        justification: "Final ISR: sales and investment targets exceeded.",
      },
    ],
  },
  {
    code: "P147705",
    name: "SME Competitiveness Project",
    description:
      "Matching grants and consulting services for small and medium enterprises, and business-environment reforms. " +
      "IBRD $40M; approved 2 March 2015; restructured to scale up the matching-grant window.",
    institution: "WB",
    instrument: "IPF",
    agency: "MNE",
    area: "FA1",
    sector: "32130",
    status: "CLOSED",
    approval: "2015-03-02",
    effectiveness: "2015-10-15",
    mtrPlanned: "2018-03-31",
    mtrActual: "2018-04-18",
    closingOriginal: "2020-06-30",
    closingRevised: "2022-06-30",
    commitment: 40,
    disbursed: 38.9,
    narrative:
      "Closed on 30 June 2022 after restructuring. 812 SMEs received matching grants or consulting services; supported " +
      "firms grew sales faster than a comparison group.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "wbOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Matching-grant operations manual adopted",
        baseline: "2015-12-31",
        current: "2016-03-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2016-03-10",
        owner: "wbOfficer",
        slipReason: "Eligibility rules aligned with the Business Roadmap 2020 programme.",
      },
      {
        title: "First 200 grant agreements signed",
        baseline: "2017-06-30",
        current: "2017-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2017-11-30",
        owner: "wbOfficer",
        slipReason: "Slow uptake outside Almaty; outreach campaign added.",
      },
      {
        title: "Restructuring: funds reallocated to matching grants",
        baseline: "2019-06-30",
        current: "2019-09-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2019-09-19",
        owner: "wbOfficer",
        slipReason: "Government approval of the reallocation took a quarter longer.",
      },
      {
        title: "Impact evaluation of supported SMEs completed",
        baseline: "2021-12-31",
        current: "2022-05-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2022-05-20",
        owner: "wbOfficer",
        slipReason: "Tax data for the comparison group released late.",
      },
    ],
    indicators: [
      {
        code: CPF_RESULT_CODES.enterprisesSupported,
        name: "Enterprises receiving grants and consulting",
        type: "PDO",
        unit: "enterprises",
        baseline: [0, "2015-03-02"],
        target: [800, "2022-06-30"],
        revised: [600, "2019-09-19", "2019 restructuring scaled up the matching-grant window."],
        dataSource: "Matching-grant management information system",
        values: [
          ["2017-12-31", 210],
          ["2019-12-31", 480],
          ["2021-12-31", 760],
          ["2022-06-30", 812],
        ],
      },
      {
        code: "SME_SALES_GROWTH_PP",
        name: "Sales growth of supported SMEs above the comparison group",
        type: "INTERMEDIATE",
        unit: "percentage points",
        measure: "PERCENTAGE",
        baseline: [0, "2015-03-02"],
        target: [10, "2022-06-30"],
        dataSource: "Impact evaluation (tax records)",
        values: [
          ["2020-12-31", 6],
          ["2022-06-30", 11],
        ],
      },
    ],
    ratings: [
      {
        on: "2019-06-25",
        pdo: "MS",
        ip: "MS",
        risk: "M",
        justification: "Grant uptake improving; restructuring to reallocate funds in preparation.",
      },
      {
        on: "2021-05-30",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "Enterprise target reached ahead of the extended closing date.",
      },
      { on: "2022-06-28", pdo: "S", ip: "S", risk: "L", justification: "Final ISR: all PDO targets met." },
    ],
  },
  {
    code: "P150183",
    name: "Skills and Jobs Project",
    description:
      "Training for the unemployed and low-skilled through a skills fund, and modernisation of technical and vocational " +
      "education. IBRD $100M approved; $44.8M net after the partial cancellation in the 2019 restructuring.",
    institution: "WB",
    instrument: "IPF",
    agency: "MLSP",
    area: "FA2",
    sector: "11330",
    status: "CLOSED",
    approval: "2015-10-30",
    effectiveness: "2016-06-20",
    mtrPlanned: "2018-12-31",
    mtrActual: "2019-02-12",
    closingOriginal: "2020-12-31",
    closingRevised: "2021-12-31",
    commitment: 44.8,
    disbursed: 44.1,
    narrative:
      "Closed on 31 December 2021. 21,300 people trained through the skills fund; 63% of trainees employed six months " +
      "after training.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "wbOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Skills fund grant window opened",
        baseline: "2016-12-31",
        current: "2017-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2017-05-22",
        owner: "wbOfficer",
        slipReason: "Fund operator procured twice.",
      },
      {
        title: "Partial cancellation of $55.2M processed",
        baseline: "2019-06-30",
        current: "2019-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2019-11-28",
        owner: "wbOfficer",
        slipReason: "Government decision on the cancellation awaited the 2020 budget.",
      },
      {
        title: "Tracer study of trainees completed",
        baseline: "2021-06-30",
        current: "2021-11-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2021-11-15",
        owner: "wbOfficer",
        slipReason: "Field work postponed during COVID-19 restrictions.",
      },
    ],
    indicators: [
      {
        code: "TRAINEES_EMPLOYED_PCT",
        name: "Trainees employed six months after training",
        type: "PDO",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [41, "2015-10-30"],
        target: [60, "2021-12-31"],
        dataSource: "Tracer study",
        values: [
          ["2019-12-31", 48],
          ["2021-12-31", 63],
        ],
      },
      {
        code: "PEOPLE_TRAINED",
        name: "People trained through the skills fund",
        type: "INTERMEDIATE",
        unit: "people",
        baseline: [0, "2015-10-30"],
        target: [20000, "2021-12-31"],
        revised: [40000, "2019-11-28", "2019 restructuring: partial cancellation of $55.2M."],
        dataSource: "Skills fund records",
        values: [
          ["2018-12-31", 6200],
          ["2019-12-31", 11900],
          ["2021-12-31", 21300],
        ],
      },
    ],
    ratings: [
      {
        on: "2019-05-15",
        pdo: "MU",
        ip: "MU",
        risk: "S",
        justification: "Low disbursement; training supply mismatched with demand; restructuring needed.",
      },
      {
        on: "2020-11-20",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Restructured project on track despite COVID-19; online training added.",
      },
      {
        on: "2021-12-20",
        pdo: "MS",
        ip: "MS",
        risk: "M",
        justification: "Final ISR: revised targets met; employment outcome above target.",
      },
    ],
  },
  {
    code: "P152625",
    name: "Social Health Insurance Project: Improving Access, Quality, Efficiency and Financial Protection",
    description:
      "Support to the introduction of mandatory social health insurance and to health service delivery. Component costs " +
      "$90M (social health insurance system $16.6M, health service delivery $62.9M, project management $10.4M); the IBRD " +
      "net commitment shown is illustrative. Approved 27 April 2016.",
    institution: "WB",
    instrument: "IPF",
    agency: "MOH",
    area: "FA2",
    sector: "12220",
    status: "CLOSED",
    approval: "2016-04-27",
    effectiveness: "2017-06-27",
    mtrPlanned: "2020-06-22",
    mtrActual: "2020-06-15",
    closingOriginal: "2021-06-30",
    closingRevised: "2021-06-30",
    commitment: 40,
    disbursed: 39.2,
    narrative:
      "Closed on 30 June 2021. Mandatory social health insurance launched in January 2020 and covers 89% of the " +
      "population; 612 primary health-care facilities are connected to the e-health system.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "wbOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Benefit package and payment methods for mandatory social health insurance approved",
        baseline: "2018-12-31",
        current: "2019-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2019-06-20",
        owner: "wbOfficer",
        slipReason: "Benefit package revised after public consultation.",
      },
      {
        title: "Mandatory social health insurance launched",
        baseline: "2018-01-01",
        current: "2020-01-01",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2020-01-01",
        owner: "wbOfficer",
        slipReason: "Government postponed the launch to 2020.",
      },
      {
        title: "Primary health-care facilities connected to the e-health information system",
        baseline: "2020-12-31",
        current: "2021-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2021-06-25",
        owner: "wbOfficer",
        slipReason: "COVID-19 response took priority in 2020.",
      },
    ],
    indicators: [
      {
        code: "SHI_COVERAGE_PCT",
        name: "Population covered by mandatory social health insurance",
        type: "PDO",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [0, "2016-04-27"],
        target: [90, "2021-06-30"],
        revised: [95, "2021-06-10", "2021 restructuring: target aligned with the national coverage plan."],
        dataSource: "Social Health Insurance Fund registry",
        values: [
          ["2020-12-31", 83],
          ["2021-06-30", 89],
        ],
      },
      {
        code: "PHC_CONNECTED",
        name: "Primary health-care facilities connected to the e-health system",
        type: "INTERMEDIATE",
        unit: "facilities",
        baseline: [0, "2016-04-27"],
        target: [600, "2021-06-30"],
        dataSource: "Ministry of Health e-health registry",
        values: [
          ["2019-12-31", 240],
          ["2020-12-31", 450],
          ["2021-06-30", 612],
        ],
      },
    ],
    ratings: [
      {
        on: "2019-10-22",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Launch of mandatory insurance postponed to 2020; preparatory work on track.",
      },
      {
        on: "2020-10-28",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Insurance launched; COVID-19 strains service delivery and the e-health roll-out.",
      },
      {
        on: "2021-04-29",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Coverage close to target; facilities connected ahead of closing.",
      },
    ],
  },
  {
    code: "P143274",
    name: "Justice Sector Institutional Strengthening Project",
    description:
      "Court automation, enforcement of judgments and access to justice services. IBRD $36M approved; $27M net after a " +
      "partial cancellation.",
    institution: "WB",
    instrument: "IPF",
    agency: "MOJ",
    area: "FA2",
    sector: "15130",
    status: "CLOSED",
    approval: "2014-11-18",
    effectiveness: "2015-06-25",
    mtrPlanned: "2017-12-31",
    mtrActual: "2018-03-12",
    closingOriginal: "2019-12-31",
    closingRevised: "2021-12-31",
    commitment: 27,
    disbursed: 26.4,
    narrative:
      "Closed on 31 December 2021. Civil cases are disposed of in 58 days on average (92 at baseline); 74% of civil " +
      "claims are filed electronically.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "wbOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Court case management system rolled out nationwide",
        baseline: "2018-06-30",
        current: "2019-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2019-12-10",
        owner: "wbOfficer",
        slipReason: "Data migration from regional courts took longer than planned.",
      },
      {
        title: "Enforcement of judgments e-platform launched",
        baseline: "2018-12-31",
        current: "2020-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2020-06-18",
        owner: "wbOfficer",
        slipReason: "Private bailiffs' chamber joined the platform late.",
      },
      {
        title: "Court users' satisfaction survey (endline)",
        baseline: "2019-09-30",
        current: "2021-10-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2021-10-15",
        owner: "wbOfficer",
        slipReason: "Closing extended; survey moved to the end of the project.",
      },
    ],
    indicators: [
      {
        code: "CASE_DISPOSITION_DAYS",
        name: "Average time to dispose of civil cases",
        type: "PDO",
        unit: "days",
        ascending: false,
        baseline: [92, "2014-11-18"],
        target: [60, "2021-12-31"],
        dataSource: "Supreme Court case management statistics",
        values: [
          ["2018-12-31", 78],
          ["2020-12-31", 64],
          ["2021-12-31", 58],
        ],
      },
      {
        code: "E_FILING_PCT",
        name: "Civil claims filed electronically",
        type: "INTERMEDIATE",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [5, "2014-11-18"],
        target: [50, "2021-12-31"],
        revised: [30, "2020-09-15", "Raised after e-filing uptake during COVID-19."],
        dataSource: "Supreme Court case management statistics",
        values: [
          ["2019-12-31", 28],
          ["2020-12-31", 61],
          ["2021-12-31", 74],
        ],
      },
    ],
    ratings: [
      {
        on: "2019-06-20",
        pdo: "MS",
        ip: "MS",
        risk: "M",
        justification: "Case management system delayed by data migration.",
      },
      {
        on: "2020-12-10",
        pdo: "S",
        ip: "MS",
        risk: "M",
        justification: "E-filing surged during COVID-19; enforcement platform live.",
      },
      { on: "2021-12-15", pdo: "S", ip: "S", risk: "L", justification: "Final ISR: PDO targets met." },
    ],
  },
  {
    code: "P170365",
    name: "Sustainable Livestock Development Program-for-Results",
    description:
      "Program-for-Results to raise productivity and sustainability in beef and dairy value chains. IBRD $500M; loan " +
      "signed 14 May 2021 and cancelled in full in 2022 at the Government's request before any disbursement, so the net " +
      "commitment is zero.",
    institution: "WB",
    instrument: "PforR",
    agency: "MOA",
    area: "FA1",
    sector: "31163",
    status: "CANCELLED",
    approval: "2021-03-25",
    closingOriginal: "2025-12-31",
    commitment: 0,
    disbursed: 0,
    narrative: "Cancelled in 2022 at the Government's request; no disbursements were made.",
    members: [["wbManager", "TASK_TEAM_LEADER"]],
    reviewer: "wbManager",
    milestones: [
      {
        title: "Program effectiveness conditions met",
        baseline: "2021-09-30",
        status: "CANCELLED",
        percent: 0,
      },
      {
        title: "First disbursement-linked results verified",
        baseline: "2022-06-30",
        status: "CANCELLED",
        percent: 0,
      },
    ],
    indicators: [
      {
        code: "FARMS_IMPROVED_PRACTICES",
        name: "Beef and dairy farms adopting improved practices",
        type: "PDO",
        unit: "farms",
        baseline: [0, "2021-03-25"],
        target: [20000, "2025-12-31"],
        dataSource: "Ministry of Agriculture livestock registry",
      },
    ],
    ratings: [
      {
        on: "2021-12-10",
        pdo: "MU",
        ip: "U",
        risk: "S",
        justification: "Loan not yet effective; the Government is reconsidering the programme.",
      },
    ],
  },
  {
    code: "P500565",
    name: "TRACE: Jezkazgan–Karagandy Road (Middle Corridor)",
    description:
      "Reconstruction of the Jezkazgan–Karagandy road, a link of the Middle Corridor (Trans-Caspian route). IBRD $650M, " +
      "co-financed in parallel by AIIB $650M; approved 15 November 2024; completion expected in 2032.",
    institution: "WB",
    instrument: "IPF",
    agency: "MOT",
    area: "FA3",
    sector: "21020",
    status: "ACTIVE",
    approval: "2024-11-15",
    effectiveness: "2025-04-28",
    mtrPlanned: "2028-06-30",
    closingOriginal: "2032-06-30",
    commitment: 650,
    disbursed: 71.5,
    narrative:
      "Works on lots 1–2 (Karagandy side) started in spring 2026; the detailed design of lots 3–4 is under review. The " +
      "resettlement action plan for the Karagandy bypass is approved and 60% of compensation is paid. Disbursement 11%. " +
      "Key risk: price escalation of bitumen and steel.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
      ["transportManager", "REVIEWER"],
      ["transportOfficer", "FOCAL_POINT"],
    ],
    reporter: "transportOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Civil works contracts for lots 1–2 signed",
        baseline: "2025-09-30",
        current: "2025-12-15",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2025-12-10",
        owner: "transportOfficer",
        slipReason: "Lot 2 re-bid after a procurement complaint.",
      },
      {
        title: "Resettlement action plan for the Karagandy bypass implemented",
        baseline: "2026-06-30",
        current: "2026-12-31",
        status: "IN_PROGRESS",
        percent: 60,
        owner: "wbOfficer",
        slipReason: "Additional affected plots identified during detailed design.",
        note: "Compensation paid to 60% of affected households; grievance committee meeting monthly.",
        pending: [
          {
            author: "wbOfficer",
            status: "IN_PROGRESS",
            percent: 75,
            narrative: "Compensation paid to 118 of 157 households; 3 grievances open, none older than 30 days.",
            evidence: evidence("P500565/rap-monitoring-report-oct-2026.pdf"),
            submittedAt: "2026-11-16T13:10:00Z",
          },
        ],
      },
      {
        title: "Detailed design of lots 3–4 approved",
        baseline: "2026-09-30",
        status: "DELAYED",
        percent: 80,
        owner: "transportOfficer",
        note: "Lot 3 design approved; lot 4 awaits closure of the road-safety audit comments.",
        lastUpdate: "2026-10-20",
        pending: [
          {
            author: "transportOfficer",
            status: "COMPLETED",
            percent: 100,
            narrative: "Designs for lots 3 and 4 submitted to the Committee for Roads.",
            submittedAt: "2026-10-05T09:00:00Z",
            returned: {
              by: "wbManager",
              at: "2026-10-09T15:30:00Z",
              comment:
                "The Committee for Roads' approval letter is not attached, and lot 4 still has open comments from the " +
                "road-safety audit. Please resubmit with the letter once the comments are closed.",
            },
          },
        ],
      },
      {
        title: "Civil works contracts for lots 3–4 signed",
        baseline: "2027-03-31",
        status: "NOT_STARTED",
        percent: 0,
        owner: "transportOfficer",
      },
      {
        title: "First 100 km reconstructed and open to traffic",
        baseline: "2028-06-30",
        status: "NOT_STARTED",
        percent: 0,
        owner: "transportOfficer",
      },
    ],
    indicators: [
      {
        code: "TRACE_TRAVEL_TIME_H",
        name: "Travel time Jezkazgan–Karagandy by truck",
        type: "PDO",
        unit: "hours",
        ascending: false,
        baseline: [9.5, "2024-11-15"],
        target: [6, "2032-06-30"],
        dataSource: "GPS travel-time surveys (Committee for Roads)",
        targets: [
          ["2029-12-31", 8],
          ["2032-06-30", 6],
        ],
        values: [["2025-12-31", 9.5]],
      },
      {
        code: "TRACE_KM_RECONSTRUCTED",
        name: "Road reconstructed to category I–II standard",
        type: "INTERMEDIATE",
        unit: "km",
        baseline: [0, "2024-11-15"],
        target: [520, "2032-06-30"],
        frequency: "SEMI_ANNUAL",
        dataSource: "Supervision consultant's acceptance reports",
        targets: [
          ["2027-12-31", 60],
          ["2029-12-31", 250],
          ["2032-06-30", 520],
        ],
        values: [["2026-06-30", 12]],
      },
      {
        code: "TRACE_RAP_COMPENSATED_PCT",
        name: "Affected households compensated under the resettlement action plan",
        type: "INTERMEDIATE",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [0, "2024-11-15"],
        target: [100, "2026-12-31"],
        frequency: "QUARTERLY",
        dataSource: "RAP monitoring reports",
        values: [
          ["2026-03-31", 35],
          ["2026-06-30", 60],
        ],
      },
    ],
    ratings: [
      {
        on: "2025-05-30",
        pdo: "S",
        ip: "S",
        risk: "S",
        justification: "Effective in April 2025; procurement of lots 1–2 advanced.",
      },
      {
        on: "2025-12-12",
        pdo: "S",
        ip: "MS",
        risk: "S",
        justification: "Lot 2 re-bid after a complaint; contracts signed in December.",
      },
      {
        on: "2026-06-05",
        pdo: "MS",
        ip: "MS",
        risk: "S",
        justification: "Works started, but bitumen and steel price escalation threatens the budget for lots 3–4.",
      },
    ],
  },
  {
    code: "P199901",
    name: "Road Asset Management and Transport PPP Support",
    description:
      "World Bank loan for a road asset management system and performance-based maintenance contracts, with IFC " +
      "transaction advisory to prepare the first road PPPs for the Ministry of Transport. " +
      ILLUSTRATIVE,
    institution: "JOINT",
    instrument: "IPF",
    agency: "MOT",
    area: "FA3",
    sector: "21010",
    status: "ACTIVE",
    approval: "2021-09-28",
    effectiveness: "2022-03-15",
    mtrPlanned: "2024-09-30",
    mtrActual: "2024-11-20",
    closingOriginal: "2026-06-30",
    closingRevised: "2027-06-30",
    commitment: 18,
    disbursed: 11.3,
    narrative:
      "The road asset management system covers the national network and two performance-based maintenance contracts " +
      "run in Akmola and Karagandy oblasts. IFC's advisory team finished the PPP pipeline screening; the feasibility " +
      "study of the first availability-payment road PPP is under way. Closing extended to 30 June 2027.",
    members: [
      ["ifcManager", "TASK_TEAM_LEADER"],
      ["ifcOfficer", "PROJECT_OFFICER"],
      ["wbManager", "REVIEWER"],
      ["transportManager", "REVIEWER"],
      ["transportOfficer", "FOCAL_POINT"],
    ],
    reporter: "ifcOfficer",
    reviewer: "ifcManager",
    milestones: [
      {
        title: "Road asset management system covering the national network",
        baseline: "2023-12-31",
        current: "2024-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2024-06-18",
        owner: "transportOfficer",
        slipReason: "Network condition survey extended to regional roads.",
      },
      {
        title: "Two performance-based maintenance contracts awarded",
        baseline: "2024-06-30",
        current: "2024-12-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2024-12-05",
        owner: "transportOfficer",
        slipReason: "Bidding documents revised after market sounding.",
      },
      {
        title: "PPP pipeline screening and prioritisation (IFC advisory)",
        baseline: "2025-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2025-06-25",
        owner: "ifcOfficer",
      },
      {
        title: "Feasibility study of the first availability-payment road PPP",
        baseline: "2026-06-30",
        current: "2027-01-31",
        status: "IN_PROGRESS",
        percent: 65,
        owner: "ifcOfficer",
        slipReason: "Traffic study extended to capture the new Middle Corridor freight flows.",
        note: "Traffic and demand study done; legal and fiscal-risk chapters in draft.",
      },
      {
        title: "PPP tender launched",
        baseline: "2027-03-31",
        status: "NOT_STARTED",
        percent: 0,
        owner: "ifcOfficer",
      },
    ],
    indicators: [
      {
        code: "NETWORK_GOOD_CONDITION_PCT",
        name: "National roads in good or fair condition",
        type: "PDO",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [58, "2021-09-28"],
        target: [70, "2027-06-30"],
        dataSource: "Road asset management system",
        values: [
          ["2023-12-31", 60],
          ["2024-12-31", 63],
          ["2025-12-31", 66],
        ],
      },
      {
        code: "PBC_KM",
        name: "Roads under performance-based maintenance contracts",
        type: "INTERMEDIATE",
        unit: "km",
        baseline: [0, "2021-09-28"],
        target: [1200, "2027-06-30"],
        revised: [2000, "2025-05-14", "2025 restructuring: the third maintenance contract was dropped."],
        dataSource: "Committee for Roads contract records",
        values: [
          ["2024-12-31", 1150],
          ["2025-12-31", 1150],
        ],
      },
      {
        code: "PPP_TRANSACTIONS",
        name: "Road PPP transactions prepared to tender stage",
        type: "INTERMEDIATE",
        unit: "transactions",
        baseline: [0, "2021-09-28"],
        target: [2, "2027-06-30"],
        dataSource: "IFC advisory project reports",
        values: [["2025-12-31", 0]],
      },
    ],
    ratings: [
      {
        on: "2023-06-15",
        pdo: "MS",
        ip: "MS",
        risk: "M",
        justification: "Asset management system late; PPP advisory mandate signed.",
      },
      {
        on: "2024-12-10",
        pdo: "S",
        ip: "MS",
        risk: "M",
        justification: "Maintenance contracts awarded; network condition improving.",
      },
      {
        on: "2026-06-18",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "Restructured targets on track; PPP feasibility study progressing.",
      },
    ],
  },
  {
    code: "IFC-RE-ADVISORY",
    name: "Renewable Energy Auctions and Grid Integration Advisory",
    description:
      "IFC advisory to the Ministry of Energy on renewable energy auctions, grid integration studies and a standard " +
      "power purchase agreement, to bring private investment into wind and solar. " +
      ILLUSTRATIVE,
    institution: "IFC",
    instrument: "IFC Advisory",
    agency: "MOE",
    area: "FA3",
    sector: "23210",
    status: "ACTIVE",
    approval: "2022-02-10",
    effectiveness: "2022-04-01",
    mtrPlanned: "2024-06-30",
    mtrActual: "2024-07-15",
    closingOriginal: "2026-12-31",
    closingRevised: "2027-06-30",
    commitment: 6.5,
    disbursed: 4.6,
    narrative:
      "Four auction rounds run with IFC support awarded 1,250 MW of wind and solar; the standard PPA now compensates " +
      "curtailment. The grid integration study for the North–South transmission link is with KEGOC. Extended to June " +
      "2027 to support the first auction with battery storage.",
    members: [
      ["ifcManager", "TASK_TEAM_LEADER"],
      ["ifcOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "ifcOfficer",
    reviewer: "ifcManager",
    milestones: [
      {
        title: "Auction design and standard PPA adopted",
        baseline: "2022-12-31",
        current: "2023-03-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2023-03-20",
        owner: "ifcOfficer",
        slipReason: "PPA currency-indexation clause negotiated with the Ministry of Finance.",
      },
      {
        title: "Four auction rounds completed",
        baseline: "2024-12-31",
        current: "2025-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2025-06-12",
        owner: "ifcOfficer",
        slipReason: "Fourth round moved after the grid-code update.",
      },
      {
        title: "Grid integration study delivered to KEGOC",
        baseline: "2025-12-31",
        current: "2026-09-30",
        status: "DELAYED",
        percent: 90,
        owner: "ifcOfficer",
        slipReason: "KEGOC asked for additional dispatch scenarios with storage.",
        slipOn: "2025-12-10",
        note: "Draft final report with KEGOC; storage scenarios added. Past the due date.",
        lastUpdate: "2026-10-12",
        pending: [
          {
            author: "ifcOfficer",
            status: "COMPLETED",
            percent: 100,
            narrative: "Final report accepted by KEGOC's technical council on 17 November.",
            evidence: evidence("IFC-RE-ADVISORY/kegoc-acceptance-letter.pdf", "IFC-RE-ADVISORY/final-report.pdf"),
            submittedAt: "2026-11-19T12:00:00Z",
          },
        ],
      },
      {
        title: "First auction with battery storage held",
        baseline: "2027-03-31",
        status: "NOT_STARTED",
        percent: 0,
        owner: "ifcOfficer",
      },
    ],
    indicators: [
      {
        code: "RE_CAPACITY_AWARDED_MW",
        name: "Renewable capacity awarded through supported auctions",
        type: "PDO",
        unit: "MW",
        baseline: [0, "2022-02-10"],
        target: [1000, "2027-06-30"],
        revised: [800, "2024-07-15", "Mid-term review raised the target after strong auction demand."],
        dataSource: "Auction results published by the auction operator",
        values: [
          ["2023-12-31", 250],
          ["2024-12-31", 700],
          ["2025-12-31", 1250],
        ],
        pending: [
          {
            start: "2026-01-01",
            end: "2026-09-30",
            value: 1430,
            by: "ifcOfficer",
            submittedAt: "2026-11-10T10:00:00Z",
            comment: "September solar round awarded 180 MW.",
            evidence: evidence("IFC-RE-ADVISORY/auction-results-sep-2026.pdf"),
          },
        ],
      },
      {
        code: "RE_PRIVATE_INVESTMENT_USD_M",
        name: "Private investment committed in awarded projects",
        type: "INTERMEDIATE",
        unit: "USD million",
        baseline: [0, "2022-02-10"],
        target: [900, "2027-06-30"],
        dataSource: "Sponsors' financing confirmations",
        values: [
          ["2024-12-31", 520],
          ["2025-12-31", 1050],
        ],
      },
    ],
    ratings: [
      {
        on: "2023-06-30",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "Auction framework adopted; first round oversubscribed.",
      },
      {
        on: "2024-12-15",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "Capacity target raised and on track.",
      },
      {
        on: "2026-06-30",
        pdo: "S",
        ip: "MS",
        risk: "M",
        justification: "Capacity target exceeded; grid study late.",
      },
    ],
  },
  {
    code: "P199902",
    name: "Digital Government Services Modernisation Project",
    description:
      "Technical assistance and investment to move priority public services fully online through the eGov platform, " +
      "build an interoperability platform and pilot broadband for remote schools and clinics; it prepared the larger " +
      "Digital Acceleration operation. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "IPF",
    agency: "MDDIAI",
    area: "FA2",
    sector: "22040",
    status: "ACTIVE",
    approval: "2022-05-26",
    effectiveness: "2022-12-01",
    mtrPlanned: "2025-06-30",
    mtrActual: "2025-10-14",
    closingOriginal: "2027-12-31",
    commitment: 9.8,
    disbursed: 4.1,
    narrative:
      "Behind schedule: the interoperability platform contract was tendered twice, and the October 2025 mid-term review " +
      "found the results framework too ambitious. 38 of 60 priority services are online. A restructuring to revise " +
      "targets and extend closing is being prepared.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["wbOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "wbOfficer",
    reviewer: "wbManager",
    milestones: [
      {
        title: "Service digitisation roadmap approved",
        baseline: "2023-06-30",
        current: "2023-09-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2023-09-12",
        owner: "wbOfficer",
        slipReason: "Roadmap aligned with the Digital Kazakhstan programme update.",
      },
      {
        title: "Interoperability platform contract signed",
        baseline: "2024-03-31",
        current: "2025-09-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2025-09-22",
        owner: "wbOfficer",
        slipReason: "Two failed tenders.",
      },
      {
        title: "30 priority services online",
        baseline: "2025-06-30",
        current: "2026-03-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2026-03-27",
        owner: "wbOfficer",
        slipReason: "Depends on the interoperability platform.",
      },
      {
        title: "60 priority services online",
        baseline: "2026-06-30",
        current: "2027-06-30",
        status: "IN_PROGRESS",
        percent: 55,
        owner: "wbOfficer",
        slipReason: "Re-phased by the mid-term review.",
        note: "33 of 60 services online; business-process re-engineering under way for the rest.",
        lastUpdate: "2026-08-14",
        pending: [
          {
            author: "wbOfficer",
            status: "IN_PROGRESS",
            percent: 63,
            narrative: "38 of 60 services online, including land registration and business licences.",
            evidence: evidence("P199902/egov-service-catalogue-2026-11.xlsx"),
            submittedAt: "2026-11-17T09:45:00Z",
          },
        ],
      },
      {
        title: "Broadband pilot for 150 remote schools and clinics",
        baseline: "2026-09-30",
        status: "DELAYED",
        percent: 40,
        owner: "wbOfficer",
        note: "Operator contracts signed for 150 sites; 48 connected. Past the due date.",
        lastUpdate: "2026-10-06",
      },
    ],
    indicators: [
      {
        code: "SERVICES_ONLINE",
        name: "Priority public services available fully online",
        type: "PDO",
        unit: "services",
        baseline: [12, "2022-05-26"],
        target: [60, "2027-12-31"],
        dataSource: "eGov service catalogue",
        targets: [
          ["2024-12-31", 30],
          ["2026-12-31", 50],
          ["2027-12-31", 60],
        ],
        values: [
          ["2023-12-31", 15],
          ["2024-12-31", 22],
          ["2025-12-31", 29],
          ["2026-06-30", 33],
        ],
      },
      {
        code: "SERVICE_SATISFACTION_PCT",
        name: "Users satisfied with online public services",
        type: "PDO",
        unit: "%",
        measure: "PERCENTAGE",
        baseline: [58, "2022-05-26"],
        target: [80, "2027-12-31"],
        dataSource: "Annual eGov user survey",
        values: [
          ["2024-12-31", 61],
          ["2025-12-31", 64],
        ],
      },
      {
        code: "SITES_CONNECTED",
        name: "Remote schools and clinics connected by the broadband pilot",
        type: "INTERMEDIATE",
        unit: "sites",
        baseline: [0, "2022-05-26"],
        target: [150, "2026-09-30"],
        frequency: "QUARTERLY",
        dataSource: "Operator acceptance reports",
        values: [
          ["2025-12-31", 20],
          ["2026-06-30", 48],
        ],
        pending: [
          {
            start: "2026-07-01",
            end: "2026-09-30",
            value: 95,
            by: "wbOfficer",
            submittedAt: "2026-10-14T08:30:00Z",
            comment: "Sites under contract with the operator.",
            returned: {
              by: "wbManager",
              at: "2026-10-16T16:05:00Z",
              comment:
                "This counts sites with signed contracts, not connected sites. Please report connected sites only, " +
                "with the operator's acceptance reports attached.",
            },
          },
        ],
      },
    ],
    ratings: [
      {
        on: "2023-06-20",
        pdo: "MS",
        ip: "MS",
        risk: "M",
        justification: "Roadmap approved late; procurement of the interoperability platform started.",
      },
      {
        on: "2024-12-12",
        pdo: "MS",
        ip: "MU",
        risk: "S",
        justification: "Second tender for the interoperability platform failed.",
      },
      {
        on: "2025-10-30",
        pdo: "MU",
        ip: "MU",
        risk: "S",
        justification: "Mid-term review: results framework too ambitious for the remaining time; restructuring needed.",
      },
      {
        on: "2026-05-22",
        pdo: "MU",
        ip: "MU",
        risk: "S",
        justification: "Services target out of reach without restructuring; broadband pilot behind schedule.",
      },
    ],
  },
  {
    code: "IFC-AGRI-ADVISORY",
    name: "Agri-Finance and Food Safety Advisory",
    description:
      "IFC advisory to agricultural lenders and food processors on warehouse-receipt finance, leasing of agricultural " +
      "machinery and food-safety certification. " +
      ILLUSTRATIVE,
    institution: "IFC",
    instrument: "IFC Advisory",
    agency: "MOA",
    area: "FA1",
    sector: "31193",
    status: "CLOSED",
    approval: "2020-09-15",
    effectiveness: "2020-11-01",
    closingOriginal: "2023-06-30",
    closingRevised: "2024-06-30",
    commitment: 4.5,
    disbursed: 4.4,
    narrative:
      "Closed in June 2024: 14 partner banks and leasing companies advised; $85M of agricultural loans facilitated; 160 " +
      "food processors certified to international food-safety standards.",
    members: [
      ["ifcManager", "TASK_TEAM_LEADER"],
      ["ifcOfficer", "PROJECT_OFFICER"],
    ],
    reporter: "ifcOfficer",
    reviewer: "ifcManager",
    milestones: [
      {
        title: "Partner financial institutions selected",
        baseline: "2021-03-31",
        current: "2021-06-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2021-06-10",
        owner: "ifcOfficer",
        slipReason: "Due diligence of leasing companies extended.",
      },
      {
        title: "Warehouse-receipt finance pilot launched",
        baseline: "2022-03-31",
        current: "2022-09-30",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2022-09-01",
        owner: "ifcOfficer",
        slipReason: "Grain warehouse certification rules amended.",
      },
      {
        title: "Food-safety certification programme completed",
        baseline: "2023-06-30",
        current: "2024-03-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2024-03-15",
        owner: "ifcOfficer",
        slipReason: "Project extended to reach processors in northern oblasts.",
      },
    ],
    indicators: [
      {
        code: "AGRI_LOANS_USD_M",
        name: "Agricultural loans facilitated by partner institutions",
        type: "PDO",
        unit: "USD million",
        baseline: [0, "2020-09-15"],
        target: [80, "2024-06-30"],
        dataSource: "Partner institutions' portfolio reports",
        values: [
          ["2022-12-31", 31],
          ["2023-12-31", 62],
          ["2024-06-30", 85],
        ],
      },
      {
        code: "FOOD_PROCESSORS_CERTIFIED",
        name: "Food processors certified to international food-safety standards",
        type: "INTERMEDIATE",
        unit: "firms",
        baseline: [0, "2020-09-15"],
        target: [150, "2024-06-30"],
        revised: [200, "2023-05-30", "Extension re-scoped to northern oblasts with fewer, larger processors."],
        dataSource: "Certification bodies' registers",
        values: [
          ["2022-12-31", 40],
          ["2023-12-31", 110],
          ["2024-06-30", 160],
        ],
      },
    ],
    ratings: [
      {
        on: "2022-06-20",
        pdo: "S",
        ip: "S",
        risk: "M",
        justification: "Partner institutions engaged; warehouse-receipt pilot in preparation.",
      },
      {
        on: "2024-06-25",
        pdo: "S",
        ip: "S",
        risk: "L",
        justification: "Completion: loan and certification targets exceeded.",
      },
    ],
  },
];

/** CPF 2026–2031: the pipeline (not part of the 14 projects or the $4.2B). */
const CPF_2026_2031_PROJECTS: ProjectSpec[] = [
  {
    code: "IFC-ALMATY-BYPASS",
    name: "Almaty Railway Bypass PPP",
    description:
      "A railway line bypassing Almaty to take transit freight out of the city, developed with Kazakhstan Temir Zholy " +
      "(KTZ) as a PPP. IFC is adviser and lender: IFC up to $50M alongside AIIB $150M and $100M of commercial loans " +
      "covered by MIGA. Announced in January 2026 as the flagship of IFC's PPP advisory.",
    institution: "IFC",
    instrument: "IFC Advisory",
    agency: "MOT",
    area: "PA1",
    sector: "21030",
    status: "PIPELINE",
    commitment: 50,
    disbursed: 0,
    narrative:
      "Mandate signed with KTZ and the Ministry of Transport in January 2026. Feasibility study and ESIA update under " +
      "way; lenders' term sheets in discussion with AIIB and commercial banks under a MIGA guarantee.",
    members: [
      ["ifcManager", "TASK_TEAM_LEADER"],
      ["ifcOfficer", "PROJECT_OFFICER"],
      ["transportManager", "REVIEWER"],
      ["transportOfficer", "FOCAL_POINT"],
    ],
    reporter: "ifcOfficer",
    reviewer: "ifcManager",
    milestones: [
      {
        title: "Advisory mandate signed with KTZ and the Ministry of Transport",
        baseline: "2026-01-31",
        status: "COMPLETED",
        percent: 100,
        completedOn: "2026-01-22",
        owner: "ifcOfficer",
      },
      {
        title: "Feasibility study and ESIA update",
        baseline: "2026-09-30",
        current: "2027-01-31",
        status: "IN_PROGRESS",
        percent: 60,
        owner: "ifcOfficer",
        slipReason: "Additional geotechnical surveys along the southern alignment.",
        slipOn: "2026-08-25",
        note: "Alignment options narrowed to two; geotechnical surveys finished in October.",
        lastUpdate: "2026-11-02",
      },
      {
        title: "Financing plan agreed with AIIB, commercial lenders and MIGA",
        baseline: "2026-12-31",
        current: "2027-03-31",
        status: "IN_PROGRESS",
        percent: 25,
        owner: "ifcOfficer",
        slipReason: "Follows the feasibility study.",
        slipOn: "2026-10-20",
        note: "Indicative term sheets received from two commercial banks.",
        lastUpdate: "2026-11-02",
      },
      {
        title: "Financial close",
        baseline: "2027-06-30",
        status: "NOT_STARTED",
        percent: 0,
        owner: "transportOfficer",
      },
    ],
  },
  {
    code: "P199911",
    name: "Middle Corridor Railway Modernisation",
    description:
      "Double-tracking and electrification of bottleneck sections of the Trans-Caspian (Middle Corridor) railway, and " +
      "modernisation of KTZ's freight logistics. Builds on TRACE. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "IPF",
    agency: "MOT",
    area: "PA1",
    sector: "21030",
    status: "PIPELINE",
    commitment: 400,
    disbursed: 0,
    narrative: "Concept note reviewed in September 2026; feasibility studies financed from the preparation advance.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["transportManager", "REVIEWER"],
    ],
    reviewer: "wbManager",
  },
  {
    code: "P199912",
    name: "Digital Acceleration: Rural Broadband for 1,123 Villages",
    description:
      "Broadband for 1,123 villages and digital skills for rural users, 2025–2027, about KZT 42–46 billion. The World " +
      "Bank project ID is not public; the code here is illustrative.",
    institution: "WB",
    instrument: "IPF",
    agency: "MDDIAI",
    area: "PA1",
    sector: "22040",
    status: "PIPELINE",
    commitment: 85,
    disbursed: 0,
    narrative: "Appraisal planned for early 2027; the rural broadband pilot under P199902 informs the design.",
    members: [["wbManager", "TASK_TEAM_LEADER"]],
    reviewer: "wbManager",
  },
  {
    code: "P199913",
    name: "Green Transition and Climate Resilience Program",
    description:
      "Program-for-Results supporting decarbonisation policy, methane reduction and climate-resilient infrastructure " +
      "planning. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "PforR",
    agency: "MNE",
    area: "PA2",
    sector: "41010",
    status: "PIPELINE",
    commitment: 300,
    disbursed: 0,
    narrative: "Disbursement-linked indicators under discussion with the Ministry of National Economy.",
    members: [["wbManager", "TASK_TEAM_LEADER"]],
    reviewer: "wbManager",
  },
  {
    code: "P199914",
    name: "Water Services Modernisation Program",
    description:
      "Modernisation of irrigation and water supply services: canal lining, metering and utility performance " +
      "contracts, building on the Second Irrigation and Drainage Improvement Project. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "PforR",
    agency: "MWRI",
    area: "PA3",
    sector: "31140",
    status: "PIPELINE",
    commitment: 250,
    disbursed: 0,
    narrative: "Identification mission held in October 2026 with the Ministry of Water Resources and Irrigation.",
    members: [
      ["wbManager", "TASK_TEAM_LEADER"],
      ["waterOfficer", "FOCAL_POINT"],
    ],
    reviewer: "wbManager",
  },
  {
    code: "P199915",
    name: "Financial Market Development and MSME Finance",
    description:
      "Capital-market development and a credit line with partial guarantees for micro and small businesses through " +
      "partner banks. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "IPF",
    agency: "MOF",
    area: "PA4",
    sector: "24030",
    status: "PIPELINE",
    commitment: 200,
    disbursed: 0,
    narrative: "Concept stage; diagnostic of the MSME credit gap completed under JERP.",
    members: [["wbManager", "TASK_TEAM_LEADER"]],
    reviewer: "wbManager",
  },
  {
    code: "P199916",
    name: "Agro-industry Competitiveness Project",
    description:
      "Investment in agro-industry: leasing of agricultural machinery, grain processing and storage, and export " +
      "certification. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "IPF",
    agency: "MOA",
    area: "PA5",
    sector: "32161",
    status: "PIPELINE",
    commitment: 150,
    disbursed: 0,
    narrative: "Concept stage; value-chain analysis of grain processing under way.",
    members: [["wbManager", "TASK_TEAM_LEADER"]],
    reviewer: "wbManager",
  },
  {
    code: "P199917",
    name: "Renewable Energy Expansion and Grid Integration",
    description:
      "Transmission reinforcement and battery storage to integrate new wind and solar capacity, complementing IFC's " +
      "auction advisory. " +
      ILLUSTRATIVE,
    institution: "WB",
    instrument: "IPF",
    agency: "MOE",
    area: "PA6",
    sector: "23210",
    status: "PIPELINE",
    commitment: 300,
    disbursed: 0,
    narrative: "Concept stage; grid integration study results from IFC-RE-ADVISORY feed the design.",
    members: [["wbManager", "TASK_TEAM_LEADER"]],
    reviewer: "wbManager",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Seeding

/** True when the database holds no organisation yet (a fresh install). */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

type Ids = {
  orgs: Map<OrgCode, string>;
  users: Map<UserKey, string>;
  areas: Map<AreaCode, string>;
};

type Counts = Omit<SeedSummary, "organizations" | "users" | "frameworks" | "priorityAreas">;

/** Seeds an empty database with the demo portfolio. Does not check emptiness: callers do (see the CLI below). */
export async function seedDatabase(db: PrismaClient): Promise<SeedSummary> {
  // Imported here, not at the top: the module builds the app's default client from the environment, which the CLI
  // must load (and vet) first.
  const { auditedTransaction, SYSTEM_CONTEXT } = await import("~/models/audit.server");
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  /** One transaction with a count of the events it wrote (counted per attempt, so a retry does not double it). */
  const transaction = <T>(work: (tx: Tx, record: Audit) => Promise<T>) =>
    auditedTransaction(
      SYSTEM_CONTEXT,
      async (tx, audit) => {
        let events = 0;
        const record = async (input: AuditInput) => {
          await audit(input);
          events++;
        };
        const result = await work(tx, record);
        return { result, events };
      },
      db,
    );

  const base = await transaction((tx, record) => seedReferenceData(tx, record, passwordHash));
  let auditEvents = base.events;
  const totals: Counts = {
    projects: 0,
    members: 0,
    milestones: 0,
    milestoneUpdates: 0,
    indicators: 0,
    indicatorValues: 0,
    ratings: 0,
    auditEvents: 0,
  };
  for (const spec of [...CPF_2020_2025_PROJECTS, ...CPF_2026_2031_PROJECTS]) {
    const { result, events } = await transaction((tx, record) => seedProject(tx, record, base.result.ids, spec));
    auditEvents += events;
    for (const key of Object.keys(result) as (keyof Counts)[]) totals[key] += result[key];
  }
  return { ...base.result.counts, ...totals, auditEvents };
}

async function seedReferenceData(tx: Tx, record: Audit, passwordHash: string) {
  const ids: Ids = { orgs: new Map(), users: new Map(), areas: new Map() };

  const orgs = await tx.organization.createManyAndReturn({ data: ORGANIZATIONS });
  for (const org of orgs) {
    ids.orgs.set(org.code as OrgCode, org.id);
    await record({ action: "organization.create", entityType: "Organization", entityId: org.id, after: org });
  }

  const users = await tx.user.createManyAndReturn({
    data: DEMO_USERS.map((u) => ({
      email: u.email.toLowerCase(),
      name: u.name,
      organizationId: ids.orgs.get(u.org)!,
      role: u.role,
      locale: "en",
      passwordHash,
    })),
  });
  for (const user of users) {
    const key = DEMO_USERS.find((u) => u.email === user.email)!.key;
    ids.users.set(key, user.id);
    // The password hash never goes into the audit log.
    const safe: Partial<typeof user> = { ...user };
    delete safe.passwordHash;
    await record({ action: "user.create", entityType: "User", entityId: user.id, after: safe });
  }

  let priorityAreas = 0;
  for (const spec of FRAMEWORKS) {
    const framework = await tx.framework.create({
      data: {
        code: spec.code,
        name: spec.name,
        nameRu: spec.nameRu,
        nameKk: spec.nameKk,
        startDate: day(spec.start),
        endDate: day(spec.end),
        annualEnvelopeMinor: usdMillions(spec.annualEnvelopeMillions),
        description: spec.description,
      },
    });
    await record({ action: "framework.create", entityType: "Framework", entityId: framework.id, after: framework });
    const areas = await tx.priorityArea.createManyAndReturn({
      data: spec.areas.map((a, i) => ({ ...a, frameworkId: framework.id, sortOrder: i + 1 })),
    });
    for (const area of areas) {
      ids.areas.set(area.code as AreaCode, area.id);
      await record({ action: "priorityArea.create", entityType: "PriorityArea", entityId: area.id, after: area });
    }
    priorityAreas += areas.length;
  }

  return {
    ids,
    counts: { organizations: orgs.length, users: users.length, frameworks: FRAMEWORKS.length, priorityAreas },
  };
}

async function seedProject(tx: Tx, record: Audit, ids: Ids, spec: ProjectSpec): Promise<Counts> {
  const user = (key: UserKey) => ids.users.get(key)!;
  const optionalDay = (iso?: string) => (iso ? day(iso) : null);
  const counts: Counts = {
    projects: 1,
    members: 0,
    milestones: 0,
    milestoneUpdates: 0,
    indicators: 0,
    indicatorValues: 0,
    ratings: 0,
    auditEvents: 0,
  };

  const project = await tx.project.create({
    data: {
      code: spec.code,
      name: spec.name,
      description: spec.description,
      institution: spec.institution,
      instrument: spec.instrument,
      implementingAgencyId: ids.orgs.get(spec.agency)!,
      priorityAreaId: ids.areas.get(spec.area)!,
      sectorCode: spec.sector,
      status: spec.status,
      approvalDate: optionalDay(spec.approval),
      effectivenessDate: optionalDay(spec.effectiveness),
      mtrPlannedDate: optionalDay(spec.mtrPlanned),
      mtrActualDate: optionalDay(spec.mtrActual),
      closingOriginalDate: optionalDay(spec.closingOriginal),
      closingRevisedDate: optionalDay(spec.closingRevised),
      commitmentMinor: usdMillions(spec.commitment),
      disbursedMinor: usdMillions(spec.disbursed),
      narrative: spec.narrative,
    },
  });
  const projectId = project.id;
  const log = (input: AuditInput) => record({ ...input, projectId });
  await log({ action: "project.create", entityType: "Project", entityId: projectId, after: project });

  const members = await tx.projectMember.createManyAndReturn({
    data: spec.members.map(([key, capacity]) => ({ projectId, userId: user(key), capacity })),
  });
  for (const member of members) {
    await log({ action: "member.add", entityType: "ProjectMember", entityId: member.id, after: member });
  }
  counts.members = members.length;

  const reporter = spec.reporter;
  const milestoneReviewer = spec.milestoneReviewer ?? spec.reviewer;

  // Milestones, each with the updates that brought it to its current state.
  const milestoneSpecs = spec.milestones ?? [];
  const milestones = await tx.milestone.createManyAndReturn({
    data: milestoneSpecs.map((m, i) => ({
      projectId,
      title: m.title,
      description: m.description ?? "",
      baselineDueDate: day(m.baseline),
      currentDueDate: day(m.current ?? m.baseline),
      status: m.status,
      percentComplete: m.percent,
      completedOn: m.completedOn ? day(m.completedOn) : null,
      ownerId: m.owner ? user(m.owner) : null,
      sortOrder: i + 1,
    })),
  });
  counts.milestones = milestones.length;
  for (const [i, m] of milestoneSpecs.entries()) {
    const milestone = milestones.find((row) => row.sortOrder === i + 1)!;
    await log({ action: "milestone.create", entityType: "Milestone", entityId: milestone.id, after: milestone });
    const author = m.owner ?? reporter;
    if (!author || m.status === "CANCELLED") continue;

    const updates: UpdateEvent[] = [];
    const slipped = (m.current ?? m.baseline) !== m.baseline;
    if (slipped) {
      const on = m.slipOn ?? addDays(m.baseline, -14).toISOString().slice(0, 10);
      updates.push({
        author,
        status: on > m.baseline ? "DELAYED" : m.status === "NOT_STARTED" ? "NOT_STARTED" : "IN_PROGRESS",
        percent: m.status === "COMPLETED" ? 70 : Math.max(0, m.percent - 20),
        dueDate: m.current,
        dueDateReason: m.slipReason ?? "Re-planned with the implementing agency.",
        narrative: `Due date re-planned: ${m.slipReason ?? "re-planned with the implementing agency."}`,
        submittedAt: moment(on),
        review: { state: "APPROVED", by: milestoneReviewer, at: addDays(on, 5, "14:00:00") },
      });
    }
    if (m.status === "COMPLETED") {
      updates.push({
        author,
        status: "COMPLETED",
        percent: 100,
        narrative: m.note ?? "Completed and accepted; acceptance documents are in the project file.",
        submittedAt: addDays(m.completedOn!, 2),
        review: { state: "APPROVED", by: milestoneReviewer, at: addDays(m.completedOn!, 6, "14:00:00") },
      });
    } else if (m.status === "IN_PROGRESS" || m.status === "DELAYED") {
      const on = m.lastUpdate ?? "2026-09-15";
      if (updates.length > 0 && updates[0].submittedAt >= moment(on)) {
        throw new Error(`seed data error: "${m.title}" was re-planned after its latest progress update`);
      }
      updates.push({
        author,
        status: m.status,
        percent: m.percent,
        narrative: m.note ?? `${m.percent}% complete.`,
        submittedAt: moment(on),
        review: { state: "APPROVED", by: milestoneReviewer, at: addDays(on, 4, "14:00:00") },
      });
    }
    for (const p of m.pending ?? []) {
      updates.push({
        author: p.author,
        status: p.status,
        percent: p.percent,
        dueDate: p.dueDate,
        dueDateReason: p.dueDateReason,
        narrative: p.narrative,
        evidence: p.evidence,
        submittedAt: moment(p.submittedAt),
        review: p.returned
          ? { state: "RETURNED", by: p.returned.by, at: moment(p.returned.at), comment: p.returned.comment }
          : undefined,
      });
    }
    updates.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    for (const u of updates) {
      await createMilestoneUpdate(tx, log, user, milestone.id, u);
      counts.milestoneUpdates++;
    }
  }

  // Results framework.
  const indicatorSpecs = spec.indicators ?? [];
  const indicators = await tx.indicator.createManyAndReturn({
    data: indicatorSpecs.map((ind, i) => ({
      projectId,
      code: ind.code,
      name: ind.name,
      type: ind.type,
      unit: ind.unit,
      measure: ind.measure ?? "UNIT",
      ascending: ind.ascending ?? true,
      baselineValue: ind.baseline[0],
      baselineDate: day(ind.baseline[1]),
      targetValue: ind.target[0],
      targetDate: day(ind.target[1]),
      originalTargetValue: ind.revised?.[0] ?? null,
      targetRevisedOn: ind.revised ? day(ind.revised[1]) : null,
      targetRevisionNote: ind.revised?.[2] ?? null,
      frequency: ind.frequency ?? "ANNUAL",
      dataSource: ind.dataSource ?? "Project progress reports",
      responsibleAgency: ind.responsibleAgency ?? ORGANIZATIONS.find((o) => o.code === spec.agency)!.name,
      sortOrder: i + 1,
    })),
  });
  counts.indicators = indicators.length;
  for (const ind of indicatorSpecs) {
    const indicator = indicators.find((row) => row.code === ind.code)!;
    const targets = (ind.targets ?? []).map(([end, value]) => ({ periodEnd: day(end), value }));
    if (targets.length > 0) {
      await tx.indicatorTarget.createMany({ data: targets.map((t) => ({ ...t, indicatorId: indicator.id })) });
    }
    await log({
      action: "indicator.create",
      entityType: "Indicator",
      entityId: indicator.id,
      after: { ...indicator, targets },
    });

    const values: ValueEvent[] = (ind.values ?? []).map(([end, value]) => ({
      start: `${end.slice(0, 4)}-01-01`,
      end,
      value,
      by: reporter!,
      submittedAt: addDays(end, 20),
      comment: "",
      review: { state: "VERIFIED", by: spec.reviewer, at: addDays(end, 34, "14:00:00") },
    }));
    for (const p of ind.pending ?? []) {
      values.push({
        ...p,
        submittedAt: moment(p.submittedAt),
        review: p.returned
          ? { state: "RETURNED", by: p.returned.by, at: moment(p.returned.at), comment: p.returned.comment }
          : undefined,
      });
    }
    for (const v of values) {
      await createIndicatorValue(tx, log, user, indicator.id, v);
      counts.indicatorValues++;
    }
  }

  // Rating history.
  const ratingSpecs = spec.ratings ?? [];
  if (ratingSpecs.length > 0) {
    const ratings = await tx.rating.createManyAndReturn({
      data: ratingSpecs.map((r) => ({
        projectId,
        ratedOn: day(r.on),
        pdoRating: r.pdo,
        ipRating: r.ip,
        riskRating: r.risk,
        justification: r.justification,
        authorId: user(r.by ?? spec.reviewer),
      })),
    });
    ratings.sort((a, b) => a.ratedOn.getTime() - b.ratedOn.getTime());
    for (const rating of ratings) {
      await log({ action: "rating.record", entityType: "Rating", entityId: rating.id, after: rating });
    }
    counts.ratings = ratings.length;
  }

  return counts;
}

type Log = (input: AuditInput) => Promise<void>;

type UpdateEvent = {
  author: UserKey;
  status: MilestoneStatus;
  percent: number;
  dueDate?: string;
  dueDateReason?: string;
  narrative: string;
  evidence?: string;
  submittedAt: Date;
  review?: { state: "APPROVED" | "RETURNED"; by: UserKey; at: Date; comment?: string };
};

/** One milestone update as submitted, then (if reviewed) approved or returned: one audit event per step. */
async function createMilestoneUpdate(
  tx: Tx,
  log: Log,
  user: (key: UserKey) => string,
  milestoneId: string,
  u: UpdateEvent,
) {
  const row = await tx.milestoneUpdate.create({
    data: {
      milestoneId,
      authorId: user(u.author),
      proposedStatus: u.status,
      proposedPercent: u.percent,
      proposedDueDate: u.dueDate ? day(u.dueDate) : null,
      dueDateReason: u.dueDate ? (u.dueDateReason ?? null) : null,
      narrative: u.narrative,
      evidenceLinks: u.evidence ?? "[]",
      reviewState: u.review?.state ?? "SUBMITTED",
      reviewerId: u.review ? user(u.review.by) : null,
      reviewComment: u.review?.comment ?? null,
      submittedAt: past(u.submittedAt, "milestone update submission"),
      reviewedAt: u.review ? past(u.review.at, "milestone update review") : null,
    },
  });
  const submitted = { ...row, reviewState: "SUBMITTED", reviewerId: null, reviewComment: null, reviewedAt: null };
  await log({ action: "milestoneUpdate.submit", entityType: "MilestoneUpdate", entityId: row.id, after: submitted });
  if (u.review) {
    await log({
      action: u.review.state === "APPROVED" ? "milestoneUpdate.approve" : "milestoneUpdate.return",
      entityType: "MilestoneUpdate",
      entityId: row.id,
      before: submitted,
      after: row,
      reason: u.review.comment ?? null,
    });
  }
}

type ValueEvent = {
  start: string;
  end: string;
  value: number;
  by: UserKey;
  submittedAt: Date;
  comment: string;
  evidence?: string;
  review?: { state: "VERIFIED" | "RETURNED"; by: UserKey; at: Date; comment?: string };
};

/** One indicator value as reported, then (if reviewed) verified or returned: one audit event per step. */
async function createIndicatorValue(
  tx: Tx,
  log: Log,
  user: (key: UserKey) => string,
  indicatorId: string,
  v: ValueEvent,
) {
  const row = await tx.indicatorValue.create({
    data: {
      indicatorId,
      periodStart: day(v.start),
      periodEnd: day(v.end),
      value: v.value,
      comment: v.comment,
      evidenceLinks: v.evidence ?? "[]",
      state: v.review?.state ?? "SUBMITTED",
      reporterId: user(v.by),
      verifierId: v.review ? user(v.review.by) : null,
      reviewComment: v.review?.comment ?? null,
      submittedAt: past(v.submittedAt, "indicator value submission"),
      reviewedAt: v.review ? past(v.review.at, "indicator value review") : null,
    },
  });
  const reported = { ...row, state: "SUBMITTED", verifierId: null, reviewComment: null, reviewedAt: null };
  await log({ action: "indicatorValue.report", entityType: "IndicatorValue", entityId: row.id, after: reported });
  if (v.review) {
    await log({
      action: v.review.state === "VERIFIED" ? "indicatorValue.verify" : "indicatorValue.return",
      entityType: "IndicatorValue",
      entityId: row.id,
      before: reported,
      after: row,
      reason: v.review.comment ?? null,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CLI: `tsx prisma/seed.ts [--force]`

async function main(argv: string[]): Promise<number> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env: the defaults apply
  }
  process.env.DATABASE_URL ??= "file:./data/qadam.db";
  const force = argv.includes("--force") || process.env.SEED_FORCE === "1";
  if (process.env.NODE_ENV === "production" && !force) {
    console.error(
      "Refusing to seed demo data with NODE_ENV=production (pass --force or set SEED_FORCE=1 to override).",
    );
    return 1;
  }

  const { createDb } = await import("~/lib/db.server");
  const db = createDb(process.env.DATABASE_URL, process.env.DATABASE_AUTH_TOKEN);
  try {
    if (!(await isDatabaseEmpty(db))) {
      console.log("Seed skipped: the database already has data (seeding only fills an empty database).");
      return 0;
    }
    const started = performance.now();
    const s = await seedDatabase(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${s.organizations} organizations, ${s.users} users, ${s.projects} projects, ${s.milestones} milestones, ` +
        `${s.indicators} indicators and ${s.auditEvents} audit events in ${seconds} s (demo password: ${DEMO_PASSWORD}).`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Seed failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      process.exitCode = 1;
    },
  );
}
