// One project of the large portfolio with everything that hangs off it: team, ratings, milestones with their
// update history, indicators with targets and reported values, and the audit event of every step.
import type { Actor, PlannedEvent, Portfolio, Reference, Row, Scale } from "./model";
import { event, type Person, type Staff } from "./people";
import type { Random } from "./random";
import {
  MILESTONE_TITLES,
  PHASES,
  RATING_JUSTIFICATIONS,
  REGIONS,
  RETURN_COMMENTS,
  THEMES,
  UPDATE_NARRATIVES,
} from "./vocabulary";

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const VARIANTS = ["", "Integrated ", "Sustainable "];
const FREQUENCIES: [string, number][] = [
  ["QUARTERLY", 3],
  ["MONTHLY", 1],
  ["SEMI_ANNUAL", 6],
  ["ANNUAL", 12],
];
const DESCENDING = /travel time|non-revenue|heat losses/i;

type Health = "good" | "watch" | "problem";

export type ProjectContext = {
  ref: Reference;
  scale: Scale;
  staff: Staff;
  random: Random;
  newId: () => string;
  out: Portfolio;
  /** Open milestones and latest values that may be left waiting for review, chosen once all projects exist. */
  pendingMilestones: { milestone: Row; author: Person; projectId: string }[];
  pendingValues: { value: Row; reportedEvent: PlannedEvent; reviewEvent: PlannedEvent }[];
};

const dayStart = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);
const actorOf = (p: Person): Actor => ({ id: p.id, email: p.email });

function projectName(i: number): string {
  const combos = THEMES.length * REGIONS.length * PHASES.length * VARIANTS.length;
  // A fixed permutation spreads themes and regions evenly over the first projects.
  const k = (i * 1009) % combos;
  const theme = THEMES[k % THEMES.length];
  const region = REGIONS[Math.floor(k / THEMES.length) % REGIONS.length];
  const phase = PHASES[Math.floor(k / (THEMES.length * REGIONS.length)) % PHASES.length];
  const variant = VARIANTS[Math.floor(k / (THEMES.length * REGIONS.length * PHASES.length)) % VARIANTS.length];
  const round = Math.floor(i / combos);
  return `${variant}${region} ${theme.name}${phase}${round > 0 ? ` (${round + 1})` : ""}`;
}

export function planProject(ctx: ProjectContext, i: number) {
  const { random, ref, staff, newId, out } = ctx;
  const now = ref.now;
  const k = (i * 1009) % (THEMES.length * REGIONS.length * PHASES.length * VARIANTS.length);
  const theme = THEMES[k % THEMES.length];
  const r = random.next();
  const institution = r < 0.7 ? "WB" : r < 0.88 ? "IFC" : "JOINT";
  const s = random.next();
  const status = s < 0.68 ? "ACTIVE" : s < 0.8 ? "PIPELINE" : s < 0.97 ? "CLOSED" : "CANCELLED";
  const h = random.next();
  const health: Health = status !== "ACTIVE" ? "good" : h < 0.55 ? "good" : h < 0.85 ? "watch" : "problem";

  let approval: number | null = null;
  if (status === "ACTIVE") approval = now - random.between(2.5, 9) * YEAR;
  if (status === "CLOSED") approval = now - random.between(7.5, 14) * YEAR;
  if (status === "CANCELLED") approval = now - random.between(3, 10) * YEAR;
  const effectiveness = approval === null ? null : approval + random.between(60, 150) * DAY;
  const start = effectiveness ?? now - random.between(0.3, 1.2) * YEAR;
  let closingOriginal = start + random.between(5, 8) * YEAR;
  let closingRevised: number | null = null;
  if (status === "CLOSED") closingOriginal = Math.min(closingOriginal, now - random.between(0.5, 3) * YEAR);
  if (status === "ACTIVE" && closingOriginal < now + 60 * DAY) {
    // Most late projects are extended; a few run past their closing date (a red flag on the board).
    closingRevised = random.chance(0.9) ? now + random.between(0.5, 2.5) * YEAR : now - random.between(10, 200) * DAY;
  }
  const closing = closingRevised ?? closingOriginal;
  const created = (approval ?? now - random.between(0.2, 1.5) * YEAR) - random.between(30, 120) * DAY;
  const commitment = BigInt(random.int(15, 450)) * 100_000_000n;
  const progress = status === "CLOSED" ? 1 : Math.min(1, Math.max(0, (now - start) / Math.max(closing - start, DAY)));
  const areas = (approval ?? now) < Date.UTC(2025, 0, 1) ? ref.areasBefore2025 : ref.areasFrom2025;
  const agencyId = staff.agencies[random.int(0, staff.agencies.length - 1)];
  const owner = institution === "IFC" ? staff.ifc : staff.wb;
  const mtrPlanned = start + (closingOriginal - start) / 2;
  const project: Row = {
    id: newId(),
    code: institution === "IFC" ? `IFC-${600000 + i}` : `P${700000 + i}`,
    name: projectName(i),
    description: `${theme.name} in ${REGIONS[Math.floor(k / THEMES.length) % REGIONS.length]}: generated for a large-portfolio test, illustrative.`,
    institution,
    instrument:
      institution === "IFC" ? random.pick(["IFC Advisory", "IFC Investment"]) : random.chance(0.8) ? "IPF" : "PforR",
    implementingAgencyId: agencyId,
    priorityAreaId: areas[k % areas.length],
    sectorCode: theme.sector,
    status,
    approvalDate: approval === null ? null : dayStart(approval),
    effectivenessDate: effectiveness === null ? null : dayStart(effectiveness),
    mtrPlannedDate: approval === null ? null : dayStart(mtrPlanned),
    mtrActualDate: approval !== null && mtrPlanned < now - 60 * DAY ? dayStart(mtrPlanned + 45 * DAY) : null,
    closingOriginalDate: dayStart(closingOriginal),
    closingRevisedDate: closingRevised === null ? null : dayStart(closingRevised),
    commitmentMinor: commitment,
    disbursedMinor: (commitment * BigInt(Math.round(progress * 90))) / 100n,
    narrative: status === "ACTIVE" ? random.pick(RATING_JUSTIFICATIONS) : "",
    archivedAt: null,
    version: 1,
    createdAt: new Date(created),
    updatedAt: new Date(created),
  };
  out.rows.Project.push(project);
  const projectId = String(project.id);

  // The team: a task team leader from the Bank or IFC, officers from both sides, a reviewer and a focal point.
  const bankSide = staff.byOrganization.get(owner) ?? { managers: [], officers: [] };
  const agency = staff.byOrganization.get(agencyId) ?? { managers: [], officers: [] };
  const leader = bankSide.managers[i % Math.max(1, bankSide.managers.length)] ?? bankSide.managers[0];
  if (!leader) throw new Error("no manager to lead the project team");
  const officers = [
    bankSide.officers[(i * 7) % Math.max(1, bankSide.officers.length)],
    agency.officers[(i * 3) % Math.max(1, agency.officers.length)],
    agency.officers[(i * 3 + 1) % Math.max(1, agency.officers.length)],
  ].filter((p): p is Person => p !== undefined);
  const team = new Map<string, [Person, string]>();
  team.set(leader.id, [leader, "TASK_TEAM_LEADER"]);
  for (const officer of officers) if (!team.has(officer.id)) team.set(officer.id, [officer, "PROJECT_OFFICER"]);
  const reviewer = agency.managers[i % Math.max(1, agency.managers.length)];
  if (reviewer && !team.has(reviewer.id)) team.set(reviewer.id, [reviewer, "REVIEWER"]);
  let at = created + 3_600_000;
  const addMember = (person: Person, capacity: string) => {
    at += 60_000;
    const member: Row = { id: newId(), projectId, userId: person.id, capacity, createdAt: new Date(at) };
    out.rows.ProjectMember.push(member);
    out.events.push(event(at, ctx.ref.admin, "member.add", "ProjectMember", member, projectId));
  };
  out.events.push(event(created, actorOf(leader), "project.create", "Project", project, projectId));
  for (const [person, capacity] of team.values()) addMember(person, capacity);
  const reporters = officers.length > 0 ? officers : [leader];

  planRatings(ctx, { projectId, status, health, start, closing, leader });
  planMilestones(ctx, { projectId, status, health, start, closing, created, leader, reporters });
  planIndicators(ctx, {
    projectId,
    status,
    health,
    start,
    closing,
    created,
    leader,
    reporters,
    themeIndex: k % THEMES.length,
  });
}

type Plan = {
  projectId: string;
  status: string;
  health: Health;
  start: number;
  closing: number;
  leader: Person;
};

const GOOD: [string, string][] = [
  ["S", "S"],
  ["HS", "S"],
  ["S", "MS"],
];
const WATCH: [string, string][] = [
  ["MS", "MU"],
  ["MU", "MS"],
  ["MS", "MS"],
];
const PROBLEM: [string, string][] = [
  ["U", "MU"],
  ["MU", "U"],
  ["U", "U"],
];

function planRatings(ctx: ProjectContext, plan: Plan) {
  if (plan.status === "PIPELINE") return;
  const { random, newId, out, ref } = ctx;
  const end = Math.min(ref.now - 2 * DAY, plan.closing);
  const dates: number[] = [];
  for (let t = plan.start + 180 * DAY; t < end; t += 182 * DAY) dates.push(t);
  for (const [n, t] of dates.slice(-6).entries()) {
    const latest = n === Math.min(dates.length, 6) - 1;
    const pool = !latest || plan.health === "good" ? GOOD : plan.health === "watch" ? WATCH : PROBLEM;
    const [pdo, ip] = random.pick(pool);
    const ratedOn = dayStart(t);
    const row: Row = {
      id: newId(),
      projectId: plan.projectId,
      ratedOn,
      pdoRating: pdo,
      ipRating: ip,
      riskRating: plan.health === "problem" ? "H" : plan.health === "watch" ? "S" : random.pick(["M", "L"]),
      justification: random.pick(RATING_JUSTIFICATIONS),
      authorId: plan.leader.id,
      createdAt: new Date(ratedOn.getTime() + DAY + 9 * 3_600_000),
    };
    out.rows.Rating.push(row);
    out.events.push(
      event(
        ratedOn.getTime() + DAY + 9 * 3_600_000,
        actorOf(plan.leader),
        "rating.record",
        "Rating",
        row,
        plan.projectId,
      ),
    );
  }
}

type WorkPlan = Plan & { created: number; reporters: Person[] };

function planMilestones(ctx: ProjectContext, plan: WorkPlan) {
  const { random, newId, out, ref, scale } = ctx;
  const now = ref.now;
  const count = scale.milestonesPerProject;
  const first = plan.status === "PIPELINE" ? now - 0.5 * YEAR : plan.start + 60 * DAY;
  const last = plan.status === "PIPELINE" ? now + 1.5 * YEAR : plan.closing - 30 * DAY;
  // Which milestone is late in a project that is not doing well: the latest one already due.
  let lateIndex = -1;
  for (let m = 0; m < count; m++) if (first + ((last - first) * m) / (count - 1) < now - 20 * DAY) lateIndex = m;
  for (let m = 0; m < count; m++) {
    const baseline = first + ((last - first) * m) / (count - 1);
    let due = baseline;
    const late = plan.status === "ACTIVE" && plan.health !== "good" && m === lateIndex;
    if (late) due = now - (plan.health === "problem" ? random.between(120, 400) : random.between(15, 80)) * DAY;
    const slipped = plan.status === "ACTIVE" && plan.health === "watch" && m === lateIndex + 2 && m < count;
    if (slipped) due = baseline + random.between(200, 320) * DAY;
    let status = "NOT_STARTED";
    let percent = 0;
    let completedOn: number | null = null;
    if (plan.status === "CANCELLED" && due > plan.closing - YEAR) status = "CANCELLED";
    else if (late) [status, percent] = [plan.health === "problem" ? "DELAYED" : "IN_PROGRESS", random.int(30, 80)];
    else if (due < now - 10 * DAY || plan.status === "CLOSED") {
      [status, percent] = ["COMPLETED", 100];
      completedOn = Math.min(due - random.between(-20, 30) * DAY, now - 5 * DAY);
    } else if (due < now + 200 * DAY && random.chance(0.6)) [status, percent] = ["IN_PROGRESS", random.int(10, 70)];
    const owner = plan.reporters[m % plan.reporters.length];
    const createdAt = plan.created + DAY + m * 60_000;
    const title = MILESTONE_TITLES[m % MILESTONE_TITLES.length].replace("{n}", String(Math.floor(m / 4) + 1));
    const initial: Row = {
      id: newId(),
      projectId: plan.projectId,
      title,
      description: "",
      baselineDueDate: dayStart(baseline),
      currentDueDate: dayStart(baseline),
      status: "NOT_STARTED",
      percentComplete: 0,
      completedOn: null,
      ownerId: owner.id,
      sortOrder: m + 1,
      version: 1,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    };
    out.events.push(event(createdAt, actorOf(plan.leader), "milestone.create", "Milestone", initial, plan.projectId));
    const row: Row = {
      ...initial,
      currentDueDate: dayStart(due),
      status,
      percentComplete: percent,
      completedOn: completedOn === null ? null : dayStart(completedOn),
    };
    out.rows.Milestone.push(row);
    const steps: [string, number, number][] = [];
    if (status === "COMPLETED" && completedOn !== null) {
      steps.push(
        ["IN_PROGRESS", 50, completedOn - random.between(40, 90) * DAY],
        ["COMPLETED", 100, completedOn + 2 * DAY],
      );
    } else if (status !== "NOT_STARTED" && status !== "CANCELLED") {
      steps.push([status, percent, Math.min(now - random.between(5, 40) * DAY, Math.max(due, createdAt) + DAY)]);
    }
    let version = 1;
    for (const [proposed, pct, at] of steps) {
      const submittedAt = Math.max(at, createdAt + DAY);
      const returned = random.chance(0.05);
      if (returned)
        addUpdate(ctx, plan, row, owner, proposed, pct, submittedAt - 6 * DAY, "RETURNED", due !== baseline);
      addUpdate(ctx, plan, row, owner, proposed, pct, submittedAt, "APPROVED", due !== baseline);
      version++;
    }
    row.version = version;
    row.updatedAt = new Date(Math.max(createdAt, ...steps.map((s) => Math.min(s[2] + 4 * DAY, now - 3_600_000))));
    if (plan.status === "ACTIVE" && status !== "COMPLETED" && status !== "CANCELLED") {
      ctx.pendingMilestones.push({ milestone: row, author: owner, projectId: plan.projectId });
    }
  }
}

/** One milestone update as submitted and (unless pending) reviewed, with its events. */
export function addUpdate(
  ctx: ProjectContext,
  plan: Pick<Plan, "projectId" | "leader">,
  milestone: Row,
  author: Person,
  proposed: string,
  percent: number,
  submittedAt: number,
  state: "APPROVED" | "RETURNED" | "SUBMITTED",
  replanned: boolean,
) {
  const { random, newId, out, ref } = ctx;
  const submitted = Math.min(submittedAt, ref.now - 2 * 3_600_000);
  const reviewed = Math.min(submitted + random.between(1, 9) * DAY, ref.now - 3_600_000);
  const comment = state === "RETURNED" ? random.pick(RETURN_COMMENTS) : null;
  const base: Row = {
    id: newId(),
    milestoneId: String(milestone.id),
    authorId: author.id,
    proposedStatus: proposed,
    proposedPercent: percent,
    proposedDueDate: replanned ? milestone.currentDueDate : null,
    dueDateReason: replanned ? "Re-planned after contractor delays." : null,
    narrative: random.pick(UPDATE_NARRATIVES),
    evidenceLinks: "[]",
    reviewState: "SUBMITTED",
    reviewerId: null,
    reviewComment: null,
    submittedAt: new Date(submitted),
    reviewedAt: null,
    version: 1,
    updatedAt: new Date(submitted),
  };
  out.events.push(event(submitted, actorOf(author), "milestoneUpdate.submit", "MilestoneUpdate", base, plan.projectId));
  if (state === "SUBMITTED") {
    out.rows.MilestoneUpdate.push(base);
    return;
  }
  const row: Row = {
    ...base,
    reviewState: state,
    reviewerId: plan.leader.id,
    reviewComment: comment,
    reviewedAt: new Date(reviewed),
    version: 2,
    updatedAt: new Date(reviewed),
  };
  out.rows.MilestoneUpdate.push(row);
  out.events.push({
    ...event(
      reviewed,
      actorOf(plan.leader),
      state === "APPROVED" ? "milestoneUpdate.approve" : "milestoneUpdate.return",
      "MilestoneUpdate",
      row,
      plan.projectId,
    ),
    before: base,
    reason: comment,
  });
}

function planIndicators(ctx: ProjectContext, plan: WorkPlan & { themeIndex: number }) {
  const { random, newId, out, scale } = ctx;
  const theme = THEMES[plan.themeIndex];
  for (let n = 0; n < scale.indicatorsPerProject; n++) {
    const pdo = n < 3;
    const template = theme.indicators[n % theme.indicators.length];
    const descending = DESCENDING.test(template.name);
    const target = template.target * (pdo ? 1 : random.between(0.2, 0.6));
    const baselineValue = descending ? target * 2.2 : template.measure === "PERCENTAGE" ? target * 0.5 : 0;
    const [frequency, months] =
      FREQUENCIES[random.next() < 0.45 ? 0 : random.next() < 0.75 ? 1 : random.next() < 0.7 ? 2 : 3];
    const createdAt = plan.created + 2 * DAY + n * 60_000;
    const row: Row = {
      id: newId(),
      projectId: plan.projectId,
      code: pdo ? `PDO_${n + 1}` : `IRI_${n - 2}`,
      name: pdo ? template.name : `${template.name} (component ${(n % 3) + 1})`,
      type: pdo ? "PDO" : "INTERMEDIATE",
      unit: template.unit,
      measure: template.measure,
      ascending: !descending,
      baselineValue: round(baselineValue),
      baselineDate: dayStart(plan.start),
      targetValue: round(target),
      targetDate: dayStart(plan.closing),
      originalTargetValue: null,
      targetRevisedOn: null,
      targetRevisionNote: null,
      frequency,
      dataSource: "Project progress reports",
      responsibleAgency: "Project implementation unit",
      sortOrder: n + 1,
      version: 1,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    };
    out.rows.Indicator.push(row);
    out.events.push(event(createdAt, actorOf(plan.leader), "indicator.create", "Indicator", row, plan.projectId));
    for (const share of [1 / 3, 2 / 3]) {
      out.rows.IndicatorTarget.push({
        id: newId(),
        indicatorId: String(row.id),
        periodEnd: dayStart(plan.start + (plan.closing - plan.start) * share),
        value: round(baselineValue + (target - baselineValue) * share),
      });
    }
    if (plan.status === "PIPELINE") continue;
    const lag =
      plan.health === "good"
        ? random.between(-0.05, 0.05)
        : plan.health === "watch"
          ? random.between(0.12, 0.2)
          : pdo
            ? random.between(0.28, 0.4)
            : random.between(0, 0.15);
    planValues(ctx, plan, row, { months, lag, baselineValue, target });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
const monthStart = (year: number, month: number) => Date.UTC(year, month, 1);

function planValues(
  ctx: ProjectContext,
  plan: WorkPlan,
  indicator: Row,
  shape: { months: number; lag: number; baselineValue: number; target: number },
) {
  const { random, ref, scale } = ctx;
  const now = ref.now;
  const today = new Date(now);
  // The latest period reported: the current one for most, the previous for some, two back for the laggards.
  const current = Math.floor(today.getUTCMonth() / shape.months) * shape.months;
  const r = random.next();
  const back = plan.status !== "ACTIVE" ? 0 : r < 0.55 ? 0 : r < 0.88 ? 1 : 2;
  let periods: [number, number][] = [];
  for (let p = back; periods.length < scale.valuesPerIndicator; p++) {
    const start = monthStart(today.getUTCFullYear(), current - p * shape.months);
    const end = monthStart(today.getUTCFullYear(), current - (p - 1) * shape.months) - DAY;
    if (start < plan.start) break;
    if (plan.status !== "ACTIVE" && end > Math.min(plan.closing, now)) continue;
    periods.push([start, end]);
  }
  periods = periods.reverse();
  const span = Math.max(plan.closing - plan.start, DAY);
  for (const [n, [start, end]] of periods.entries()) {
    const expected = Math.min(1, Math.max(0, (end - plan.start) / span));
    const share = Math.max(0, expected - shape.lag * Math.min(1, expected * 3));
    const value = round(shape.baselineValue + (shape.target - shape.baselineValue) * share);
    const submittedAt = Math.min(
      Math.max(end + random.between(3, 25) * DAY, start + DAY),
      now - random.between(1, 20) * DAY,
    );
    const latest = n === periods.length - 1;
    const reporter = plan.reporters[n % plan.reporters.length];
    if (!latest && random.chance(0.015)) {
      addValue(ctx, plan, indicator, reporter, [start, end], value * 1.5, submittedAt - 8 * DAY, "RETURNED");
    }
    const added = addValue(ctx, plan, indicator, reporter, [start, end], value, submittedAt, "VERIFIED");
    if (latest && plan.status === "ACTIVE") ctx.pendingValues.push(added);
  }
}

function addValue(
  ctx: ProjectContext,
  plan: Pick<Plan, "projectId" | "leader">,
  indicator: Row,
  reporter: Person,
  [start, end]: [number, number],
  value: number,
  submittedAt: number,
  state: "VERIFIED" | "RETURNED",
) {
  const { random, newId, out, ref } = ctx;
  const reviewed = Math.min(submittedAt + random.between(1, 12) * DAY, ref.now - 3_600_000);
  const reported: Row = {
    id: newId(),
    indicatorId: String(indicator.id),
    periodStart: new Date(start),
    periodEnd: new Date(end),
    value: round(value),
    comment: "",
    evidenceLinks: "[]",
    state: "SUBMITTED",
    reporterId: reporter.id,
    verifierId: null,
    reviewComment: null,
    submittedAt: new Date(submittedAt),
    reviewedAt: null,
    version: 1,
    updatedAt: new Date(submittedAt),
  };
  const comment = state === "RETURNED" ? random.pick(RETURN_COMMENTS) : null;
  const row: Row = {
    ...reported,
    state,
    verifierId: plan.leader.id,
    reviewComment: comment,
    reviewedAt: new Date(reviewed),
    updatedAt: new Date(reviewed),
  };
  out.rows.IndicatorValue.push(row);
  const reportedEvent = event(
    submittedAt,
    actorOf(reporter),
    "indicatorValue.report",
    "IndicatorValue",
    reported,
    plan.projectId,
  );
  const reviewEvent: PlannedEvent = {
    ...event(
      reviewed,
      actorOf(plan.leader),
      state === "VERIFIED" ? "indicatorValue.verify" : "indicatorValue.return",
      "IndicatorValue",
      row,
      plan.projectId,
    ),
    before: reported,
    reason: comment,
  };
  out.events.push(reportedEvent, reviewEvent);
  return { value: row, reportedEvent, reviewEvent };
}
