import { CPF_RESULT_CODES } from "../../constants";
import { evidence } from "../../dates";
import type { ProjectSpec } from "../../types";

/** CPF 2020–2025, natural resources: the Second Irrigation and Drainage Improvement Project (P086592). */
export const IRRIGATION: ProjectSpec[] = [
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
];
