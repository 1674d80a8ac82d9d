import { evidence } from "../../dates";
import type { ProjectSpec } from "../../types";

/** CPF 2020–2025: the cancelled livestock program (P170365) and the TRACE road (P500565). */
export const LIVESTOCK_AND_TRACE: ProjectSpec[] = [
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
];
