import { useTranslation } from "react-i18next";
import { useLabel } from "~/i18n/keys";
import { useFormat } from "~/i18n/format";
import { DAY_MS, toUtcDay } from "~/lib/dates";
import { STATUS_COLOUR, useSlipText } from "./milestone-status-badge";

export type TimelineMilestone = {
  id: string;
  title: string;
  baselineDueDate: string;
  currentDueDate: string;
  status: string;
  percentComplete: number;
  slipDays: number;
  overdue: boolean;
};

const WIDTH = 960;
const LABEL_WIDTH = 250;
const RIGHT_PAD = 48;
const ROW = 30;
const AXIS = 34;

/** Tick days: first of each year for long spans, of each quarter for shorter ones. */
function ticks(from: number, to: number): number[] {
  const start = new Date(from * DAY_MS);
  const spanYears = (to - from) / 365;
  const stepMonths = spanYears > 4 ? 12 : spanYears > 1.5 ? 6 : 3;
  let year = start.getUTCFullYear();
  let month = Math.ceil(start.getUTCMonth() / stepMonths) * stepMonths;
  const out: number[] = [];
  for (let guard = 0; guard < 200; guard++) {
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
    const day = Date.UTC(year, month, 1) / DAY_MS;
    if (day > to) break;
    if (day >= from) out.push(day);
    month += stepMonths;
  }
  return out;
}

function diamond(cx: number, cy: number, r: number): string {
  return `M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z`;
}

function clip(text: string, max = 34): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Where each day falls on the plot: the span of every date shown (and today), with a margin either side. */
function scaleFor(milestones: TimelineMilestone[], todayDay: number) {
  const days = milestones.flatMap((m) => [toUtcDay(m.baselineDueDate), toUtcDay(m.currentDueDate)]).concat(todayDay);
  const min = Math.min(...days);
  const max = Math.max(...days);
  const pad = Math.max(20, Math.round((max - min) * 0.04));
  const from = min - pad;
  const to = max + pad;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  return { from, to, x: (day: number) => LABEL_WIDTH + ((day - from) / (to - from)) * plotWidth };
}

/**
 * A Gantt-like timeline drawn as SVG from the data: one row per milestone with the baseline due date
 * (hollow marker), the current due date (filled marker, coloured by status, red outline when overdue), the slip
 * between them as a bar, and a line for today. Each row carries a title and aria-label; the milestone table
 * next to it is the accessible alternative.
 */
export function MilestoneTimeline({ milestones, today }: { milestones: TimelineMilestone[]; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const todayDay = toUtcDay(today);
  const { from, to, x } = scaleFor(milestones, todayDay);
  if (milestones.length === 0) return null;
  const height = AXIS + milestones.length * ROW + 8;

  return (
    <figure className="milestone-timeline" data-testid="milestone-timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="group"
        aria-label={t("workflow.timeline.caption", { count: milestones.length })}
        style={{ maxHeight: height * 1.2 }}
      >
        {ticks(from, to).map((day) => (
          <g key={day} aria-hidden="true">
            <line x1={x(day)} x2={x(day)} y1={AXIS - 6} y2={height} stroke="#e3e7ec" />
            <text x={x(day)} y={AXIS - 12} fontSize="11" textAnchor="middle" fill="#5b6675">
              {format.monthYear(new Date(day * DAY_MS))}
            </text>
          </g>
        ))}
        {milestones.map((m, index) => (
          <TimelineRow key={m.id} milestone={m} index={index} x={x} />
        ))}
        <g aria-hidden="true">
          <line
            x1={x(todayDay)}
            x2={x(todayDay)}
            y1={AXIS - 4}
            y2={height}
            stroke="#b42318"
            strokeDasharray="4 3"
            strokeWidth={1.5}
          />
          <text x={x(todayDay) + 4} y={AXIS - 1} fontSize="11" fill="#b42318">
            {t("workflow.timeline.today")}
          </text>
        </g>
      </svg>
      <TimelineLegend />
    </figure>
  );
}

/** One milestone: its title, the slip bar, the baseline and current markers and its percent complete. */
function TimelineRow({
  milestone: m,
  index,
  x,
}: {
  milestone: TimelineMilestone;
  index: number;
  x: (day: number) => number;
}) {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  const format = useFormat();
  const slipText = useSlipText();
  const y = AXIS + index * ROW + ROW / 2;
  const baseline = x(toUtcDay(m.baselineDueDate));
  const current = x(toUtcDay(m.currentDueDate));
  const colour = STATUS_COLOUR[m.status] ?? "#6b7683";
  const label = t("workflow.timeline.barLabel", {
    title: m.title,
    baseline: format.date(m.baselineDueDate),
    current: format.date(m.currentDueDate),
    slip: slipText(m.slipDays),
    status: codeLabel("domain.milestoneStatus", m.status),
    percent: m.percentComplete,
  });
  return (
    <g role="img" aria-label={label} data-milestone-id={m.id} data-status={m.status}>
      <title>{label}</title>
      {index % 2 === 0 ? <rect x={0} y={y - ROW / 2} width={WIDTH} height={ROW} fill="#f7f9fb" /> : null}
      <text x={8} y={y + 4} fontSize="12" fill="#1b2430">
        {clip(m.title)}
      </text>
      {m.slipDays !== 0 ? (
        <rect
          x={Math.min(baseline, current)}
          y={y - 4}
          width={Math.max(2, Math.abs(current - baseline))}
          height={8}
          rx={3}
          fill={m.slipDays > 0 ? "#f3b25b" : "#8fcf9f"}
        />
      ) : null}
      <path d={diamond(baseline, y, 6)} fill="#fff" stroke="#1b2430" strokeWidth={1.5} />
      <path
        d={diamond(current, y, 7)}
        fill={colour}
        stroke={m.overdue ? "#b42318" : "#fff"}
        strokeWidth={m.overdue ? 2.5 : 1}
      />
      <text x={current + 11} y={y + 4} fontSize="11" fill="#5b6675">
        {m.percentComplete}%
      </text>
    </g>
  );
}

function TimelineLegend() {
  const { t } = useTranslation();
  const codeLabel = useLabel();
  return (
    <figcaption className="timeline-legend">
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <path d={diamond(7, 7, 5)} fill="#fff" stroke="#1b2430" strokeWidth={1.5} />
        </svg>{" "}
        {t("workflow.timeline.legendBaseline")}
      </span>
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <path d={diamond(7, 7, 6)} fill={STATUS_COLOUR.IN_PROGRESS} />
        </svg>{" "}
        {t("workflow.timeline.legendCurrent")}
      </span>
      <span>
        <svg width="22" height="10" aria-hidden="true">
          <rect x={0} y={1} width={22} height={8} rx={3} fill="#f3b25b" />
        </svg>{" "}
        {t("workflow.timeline.legendSlip")}
      </span>
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <path d={diamond(7, 7, 5)} fill={STATUS_COLOUR.IN_PROGRESS} stroke="#b42318" strokeWidth={2} />
        </svg>{" "}
        {t("workflow.timeline.legendOverdue")}
      </span>
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <line x1={7} x2={7} y1={0} y2={14} stroke="#b42318" strokeDasharray="3 2" strokeWidth={1.5} />
        </svg>{" "}
        {t("workflow.timeline.today")}
      </span>
      {Object.entries(STATUS_COLOUR).map(([status, colour]) => (
        <span key={status}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" fill={colour} />
          </svg>{" "}
          {codeLabel("domain.milestoneStatus", status)}
        </span>
      ))}
    </figcaption>
  );
}
