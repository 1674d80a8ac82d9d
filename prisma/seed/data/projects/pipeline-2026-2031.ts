import { ILLUSTRATIVE } from "../../constants";
import type { ProjectSpec } from "../../types";

/** CPF 2026–2031: the pipeline (not part of the 14 projects or the $4.2B). */
export const CPF_2026_2031_PROJECTS: ProjectSpec[] = [
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
