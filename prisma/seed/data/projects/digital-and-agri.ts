import { ILLUSTRATIVE } from "../../constants";
import { evidence } from "../../dates";
import type { ProjectSpec } from "../../types";

/** CPF 2020–2025: digital government services (P199902) and IFC's agri-finance advisory (IFC-AGRI-ADVISORY). */
export const DIGITAL_AND_AGRI: ProjectSpec[] = [
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
