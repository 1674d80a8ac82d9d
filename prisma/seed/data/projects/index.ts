import { DIGITAL_AND_AGRI } from "./digital-and-agri";
import { EAST_WEST_ROADS } from "./east-west-roads";
import { HUMAN_CAPITAL } from "./human-capital";
import { INNOVATION_AND_SMES } from "./innovation-and-smes";
import { IRRIGATION } from "./irrigation";
import { LIVESTOCK_AND_TRACE } from "./livestock-and-trace";
import { CPF_2026_2031_PROJECTS } from "./pipeline-2026-2031";
import { ROADS_AND_RENEWABLES } from "./roads-and-renewables";
import { SOUTH_WEST_ROADS } from "./south-west-roads";
import type { ProjectSpec } from "../../types";

/**
 * CPF 2020–2025: 14 projects whose net commitments add up to exactly $4,200M. Amounts are net commitments as an ISR
 * reports them: P150183 ($100M approved) and P143274 ($36M approved) after their partial cancellations, P170365 ($500M
 * signed) is zero because it was cancelled in full. DOMAIN.md gives only component costs for P086592 and P152625, so
 * their IBRD amounts, like the four invented projects (P1999xx, IFC-…), are illustrative and chosen to make the sum exact.
 */
export const CPF_2020_2025_PROJECTS: ProjectSpec[] = [
  ...SOUTH_WEST_ROADS,
  ...EAST_WEST_ROADS,
  ...IRRIGATION,
  ...INNOVATION_AND_SMES,
  ...HUMAN_CAPITAL,
  ...LIVESTOCK_AND_TRACE,
  ...ROADS_AND_RENEWABLES,
  ...DIGITAL_AND_AGRI,
];

/** Every demo project in the order the seed writes them (the audit chain follows this order). */
export const DEMO_PROJECTS: ProjectSpec[] = [...CPF_2020_2025_PROJECTS, ...CPF_2026_2031_PROJECTS];

export { CPF_2026_2031_PROJECTS };
