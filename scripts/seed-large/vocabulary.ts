// Words the large portfolio is built from: people, organisations, places and project themes of a Kazakhstan
// country office. Everything generated from them is illustrative, like the demo seed.

export const FIRST_NAMES = [
  "Aigerim",
  "Aidos",
  "Aliya",
  "Almas",
  "Arman",
  "Aruzhan",
  "Asel",
  "Askar",
  "Azamat",
  "Bakhyt",
  "Bauyrzhan",
  "Dana",
  "Daniyar",
  "Dariga",
  "Dinara",
  "Erlan",
  "Gaukhar",
  "Gulnara",
  "Ilyas",
  "Kairat",
  "Kamila",
  "Madina",
  "Marat",
  "Meruert",
  "Nurlan",
  "Nurzhan",
  "Olzhas",
  "Raushan",
  "Saule",
  "Serik",
  "Talgat",
  "Timur",
  "Togzhan",
  "Yerbol",
  "Zarina",
  "Zhanar",
  "Elena",
  "Irina",
  "Sergey",
  "Andrey",
  "Natalya",
  "Olga",
  "Dmitry",
  "Maria",
  "Anna",
  "James",
  "Sarah",
  "Michael",
  "Laura",
  "David",
];

export const LAST_NAMES = [
  "Abenov",
  "Akhmetova",
  "Alimzhanov",
  "Baimukhanova",
  "Bekov",
  "Dzhaksybekov",
  "Ermekova",
  "Iskakov",
  "Kassymova",
  "Kenzhebekov",
  "Mukanova",
  "Nurpeisov",
  "Omarova",
  "Ospanov",
  "Sadykova",
  "Seitkali",
  "Serikbayev",
  "Smagulova",
  "Suleimenov",
  "Tokayeva",
  "Utepov",
  "Zhakupova",
  "Zhunusov",
  "Ivanov",
  "Petrova",
  "Kim",
  "Li",
  "Pak",
  "Tsoi",
  "Sokolova",
  "Volkov",
  "Novikova",
  "Smith",
  "Johnson",
  "Garcia",
  "Mueller",
  "Rossi",
  "Dubois",
  "Tanaka",
  "Okafor",
];

/** Implementing agencies added to the seed's ministries: regional akimats and national agencies. */
export const EXTRA_ORGANIZATIONS: { code: string; name: string; nameRu: string; nameKk: string }[] = [
  ["ALM-AKIMAT", "Akimat of Almaty Region", "Акимат Алматинской области", "Алматы облысының әкімдігі"],
  ["AKM-AKIMAT", "Akimat of Akmola Region", "Акимат Акмолинской области", "Ақмола облысының әкімдігі"],
  ["AKT-AKIMAT", "Akimat of Aktobe Region", "Акимат Актюбинской области", "Ақтөбе облысының әкімдігі"],
  ["ATR-AKIMAT", "Akimat of Atyrau Region", "Акимат Атырауской области", "Атырау облысының әкімдігі"],
  [
    "EKZ-AKIMAT",
    "Akimat of East Kazakhstan Region",
    "Акимат Восточно-Казахстанской области",
    "Шығыс Қазақстан облысының әкімдігі",
  ],
  ["ZHM-AKIMAT", "Akimat of Zhambyl Region", "Акимат Жамбылской области", "Жамбыл облысының әкімдігі"],
  ["KRG-AKIMAT", "Akimat of Karaganda Region", "Акимат Карагандинской области", "Қарағанды облысының әкімдігі"],
  ["KST-AKIMAT", "Akimat of Kostanay Region", "Акимат Костанайской области", "Қостанай облысының әкімдігі"],
  ["KZO-AKIMAT", "Akimat of Kyzylorda Region", "Акимат Кызылординской области", "Қызылорда облысының әкімдігі"],
  ["MNG-AKIMAT", "Akimat of Mangystau Region", "Акимат Мангистауской области", "Маңғыстау облысының әкімдігі"],
  ["PVL-AKIMAT", "Akimat of Pavlodar Region", "Акимат Павлодарской области", "Павлодар облысының әкімдігі"],
  ["TRK-AKIMAT", "Akimat of Turkistan Region", "Акимат Туркестанской области", "Түркістан облысының әкімдігі"],
  ["KAZAVTOZHOL", "KazAvtoZhol National Company", "НК «КазАвтоЖол»", "«ҚазАвтоЖол» ҰК"],
  ["KTZ", "Kazakhstan Temir Zholy", "АО «Казахстан темир жолы»", "«Қазақстан темір жолы» АҚ"],
  [
    "DAMU",
    "Damu Entrepreneurship Development Fund",
    "Фонд развития предпринимательства «Даму»",
    "«Даму» кәсіпкерлікті дамыту қоры",
  ],
  ["KAZVODKHOZ", "Kazvodkhoz Republican State Enterprise", "РГП «Казводхоз»", "«Қазсушар» РМК"],
  ["KEGOC", "KEGOC Electricity Grid Operator", "АО «KEGOC»", "«KEGOC» АҚ"],
  [
    "QAZINNOVATIONS",
    "QazInnovations National Agency",
    "Национальное агентство QazInnovations",
    "QazInnovations ұлттық агенттігі",
  ],
].map(([code, name, nameRu, nameKk]) => ({ code, name, nameRu, nameKk }));

export const REGIONS = [
  "Almaty",
  "Akmola",
  "Aktobe",
  "Atyrau",
  "East Kazakhstan",
  "Zhambyl",
  "Karaganda",
  "Kostanay",
  "Kyzylorda",
  "Mangystau",
  "Pavlodar",
  "Turkistan",
  "North Kazakhstan",
  "West Kazakhstan",
  "Abai",
  "Ulytau",
  "Zhetisu",
  "Astana",
  "Shymkent",
  "Aral Sea Basin",
];

/** A project theme: its name, DAC sector code, instrument-neutral milestone and indicator vocabulary. */
export type Theme = {
  name: string;
  sector: string;
  indicators: { name: string; unit: string; measure: "UNIT" | "PERCENTAGE"; target: number }[];
};

export const THEMES: Theme[] = [
  {
    name: "Rural Roads Rehabilitation",
    sector: "21020",
    indicators: [
      { name: "Roads rehabilitated to good condition", unit: "km", measure: "UNIT", target: 420 },
      { name: "Rural residents within 2 km of an all-season road", unit: "%", measure: "PERCENTAGE", target: 85 },
      { name: "Average travel time to the district centre", unit: "minutes", measure: "UNIT", target: 35 },
    ],
  },
  {
    name: "Railway Modernisation",
    sector: "21030",
    indicators: [
      { name: "Track renewed", unit: "km", measure: "UNIT", target: 310 },
      { name: "Freight carried on upgraded lines", unit: "million tonnes", measure: "UNIT", target: 24 },
      { name: "Trains running on time", unit: "%", measure: "PERCENTAGE", target: 92 },
    ],
  },
  {
    name: "Irrigation and Drainage Improvement",
    sector: "31140",
    indicators: [
      { name: "Irrigated area with improved service", unit: "ha", measure: "UNIT", target: 18000 },
      { name: "Water users served", unit: "people", measure: "UNIT", target: 22000 },
      { name: "Canals lined or rehabilitated", unit: "km", measure: "UNIT", target: 160 },
    ],
  },
  {
    name: "Water Supply and Sanitation",
    sector: "14020",
    indicators: [
      { name: "People with improved water supply", unit: "people", measure: "UNIT", target: 140000 },
      { name: "Non-revenue water", unit: "%", measure: "PERCENTAGE", target: 20 },
      { name: "Villages connected to piped water", unit: "villages", measure: "UNIT", target: 75 },
    ],
  },
  {
    name: "SME Competitiveness",
    sector: "32130",
    indicators: [
      { name: "Enterprises receiving grants or advice", unit: "enterprises", measure: "UNIT", target: 600 },
      { name: "Sales growth of supported firms", unit: "%", measure: "PERCENTAGE", target: 25 },
      { name: "Jobs created in supported firms", unit: "jobs", measure: "UNIT", target: 1800 },
    ],
  },
  {
    name: "Digital Connectivity",
    sector: "22040",
    indicators: [
      { name: "Villages with broadband", unit: "villages", measure: "UNIT", target: 320 },
      { name: "Public services available online", unit: "services", measure: "UNIT", target: 150 },
      { name: "Households using mobile internet", unit: "%", measure: "PERCENTAGE", target: 78 },
    ],
  },
  {
    name: "Renewable Energy Expansion",
    sector: "23210",
    indicators: [
      { name: "Renewable capacity connected", unit: "MW", measure: "UNIT", target: 450 },
      { name: "Share of renewables in generation", unit: "%", measure: "PERCENTAGE", target: 15 },
      { name: "Battery storage installed", unit: "MW", measure: "UNIT", target: 120 },
    ],
  },
  {
    name: "District Heating Efficiency",
    sector: "23630",
    indicators: [
      { name: "Heat losses in the network", unit: "%", measure: "PERCENTAGE", target: 12 },
      { name: "Boiler houses modernised", unit: "facilities", measure: "UNIT", target: 40 },
      { name: "Households with reliable heating", unit: "households", measure: "UNIT", target: 52000 },
    ],
  },
  {
    name: "Primary Health Care Strengthening",
    sector: "12220",
    indicators: [
      { name: "Clinics renovated and equipped", unit: "facilities", measure: "UNIT", target: 95 },
      { name: "People screened for hypertension", unit: "people", measure: "UNIT", target: 310000 },
      { name: "Patients satisfied with services", unit: "%", measure: "PERCENTAGE", target: 80 },
    ],
  },
  {
    name: "Skills for Jobs",
    sector: "11330",
    indicators: [
      { name: "Trainees completing certified courses", unit: "people", measure: "UNIT", target: 12000 },
      { name: "Graduates employed within six months", unit: "%", measure: "PERCENTAGE", target: 70 },
      { name: "Colleges with updated curricula", unit: "colleges", measure: "UNIT", target: 60 },
    ],
  },
  {
    name: "Agri-Food Value Chains",
    sector: "31163",
    indicators: [
      { name: "Farms adopting improved practices", unit: "farms", measure: "UNIT", target: 4200 },
      { name: "Grain processed by supported mills", unit: "thousand tonnes", measure: "UNIT", target: 380 },
      { name: "Livestock vaccinated", unit: "thousand head", measure: "UNIT", target: 900 },
    ],
  },
  {
    name: "Financial Inclusion",
    sector: "24030",
    indicators: [
      { name: "Loans to micro and small businesses", unit: "loans", measure: "UNIT", target: 8500 },
      { name: "Adults with a transaction account", unit: "%", measure: "PERCENTAGE", target: 88 },
      { name: "Women-led firms financed", unit: "enterprises", measure: "UNIT", target: 1300 },
    ],
  },
  {
    name: "Climate Resilience and Flood Protection",
    sector: "41010",
    indicators: [
      { name: "People protected from floods", unit: "people", measure: "UNIT", target: 95000 },
      { name: "Dams and dikes rehabilitated", unit: "structures", measure: "UNIT", target: 28 },
      { name: "Early-warning stations working", unit: "stations", measure: "UNIT", target: 140 },
    ],
  },
  {
    name: "Public Financial Management",
    sector: "15111",
    indicators: [
      { name: "Budget entities on the treasury system", unit: "entities", measure: "UNIT", target: 650 },
      { name: "Procurement done electronically", unit: "%", measure: "PERCENTAGE", target: 95 },
      { name: "Audit recommendations implemented", unit: "%", measure: "PERCENTAGE", target: 75 },
    ],
  },
];

export const PHASES = ["", " Phase II", " Phase III", " – Additional Financing"];

/** Milestone templates: `{n}` is the lot or stage number. */
export const MILESTONE_TITLES = [
  "Procurement plan approved",
  "Project implementation unit staffed",
  "Environmental and social plan disclosed",
  "Feasibility study for stage {n} completed",
  "Detailed design for lot {n} approved",
  "Bidding documents for lot {n} issued",
  "Contract for lot {n} signed",
  "Works on lot {n} started",
  "Works on lot {n} 50% complete",
  "Works on lot {n} completed",
  "Equipment for stage {n} delivered",
  "Training programme {n} delivered",
  "Grievance mechanism reviewed",
  "Mid-term review completed",
  "Resettlement plan for lot {n} implemented",
  "Monitoring survey {n} completed",
  "Audit of financial statements {n} submitted",
  "Handover of lot {n} to the operator",
  "Beneficiary feedback survey {n} published",
  "Completion report drafted",
];

export const UPDATE_NARRATIVES = [
  "Work continues on schedule; the contractor mobilised a second crew.",
  "Design comments from the ministry were addressed; resubmitted for approval.",
  "Delayed by late land acquisition; the akimat expects to finish it this quarter.",
  "Tender evaluation finished; the contract award awaits the Bank's no-objection.",
  "Completed and accepted by the technical supervision consultant.",
  "Winter stoppage; works resume in April.",
  "Supplier delivered 80% of the equipment; the rest clears customs next month.",
];

export const RETURN_COMMENTS = [
  "Please attach the supervision consultant's acceptance certificate.",
  "The percentage does not match the progress report; please check.",
  "Evidence link is missing; add the signed minutes.",
];

export const RATING_JUSTIFICATIONS = [
  "Implementation on track; disbursement in line with the plan.",
  "Procurement delays on two lots; the client agreed an action plan.",
  "Contractor performance weak; works well behind schedule.",
  "Results framework targets within reach; safeguards compliance satisfactory.",
];
