import { Link } from "@remix-run/react";
import { ColourBadge } from "~/components/board/status-badge";
import { STATUS_COLOURS, type StatusColour } from "~/lib/status-rules";
import { ShowingNote } from "~/components/ui/showing-note";
import { EnvelopeBar } from "./envelope-bar";
import { labelOf, type Formatters, type FrameworkWords } from "./framework-words";

export type AreaView = {
  id: string;
  code: string;
  /** In the reader's language (the loader picks it). */
  name: string;
  description: string;
  committedCents: number;
  pipelineCents: number;
  byStatus: Record<"PIPELINE" | "ACTIVE" | "CLOSED" | "CANCELLED", number>;
  byColour: Record<StatusColour, number>;
  indicatorProgress: number | null;
  indicatorCount: number;
  /** How many visible projects the area has; `projects` holds the first of them. */
  projectTotal: number;
  projects: {
    id: string;
    code: string;
    name: string;
    institution: string;
    status: string;
    colour: StatusColour;
    commitmentCents: number;
    disbursedShare: number | null;
  }[];
};

type Words = { words: FrameworkWords; format: Formatters };

/** One priority area of a CPF: money against the framework's envelope, projects by status, PDO progress, projects. */
export function AreaPanel({
  area,
  totalEnvelopeCents,
  words,
  format,
}: Words & { area: AreaView; totalEnvelopeCents: number }) {
  return (
    <section className="panel" aria-labelledby={`area-${area.id}`} data-area-code={area.code}>
      <h2 id={`area-${area.id}`}>
        {area.name} <span className="record-code">{area.code}</span>
      </h2>
      {area.description ? <p className="muted">{area.description}</p> : null}
      <div className="grid">
        <div>
          <h3>{words.money}</h3>
          <EnvelopeBar
            totalEnvelopeCents={totalEnvelopeCents}
            committedCents={area.committedCents}
            pipelineCents={area.pipelineCents}
            words={words}
            format={format}
          />
        </div>
        <div>
          <h3>{words.byStatus}</h3>
          <ul className="inline-list">
            {(Object.keys(area.byStatus) as (keyof AreaView["byStatus"])[]).map((status) => (
              <li key={status}>
                {words.statuses[status]}: <strong>{area.byStatus[status]}</strong>
              </li>
            ))}
          </ul>
          <ul className="inline-list">
            {STATUS_COLOURS.map((colour) => (
              <li key={colour}>
                <ColourBadge colour={colour} label={words.colours[colour]} /> <strong>{area.byColour[colour]}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{words.indicators}</h3>
          {area.indicatorProgress === null ? (
            <p className="muted">{words.noIndicators}</p>
          ) : (
            <p data-testid="area-progress">
              <strong>{format.percent(area.indicatorProgress)}</strong>{" "}
              <span className="muted">{words.indicatorCount(area.indicatorCount)}</span>
            </p>
          )}
        </div>
      </div>
      {area.projects.length === 0 ? (
        <p className="muted">{words.noProjects}</p>
      ) : (
        <>
          <AreaProjectsTable projects={area.projects} words={words} format={format} />
          <ShowingNote
            shown={area.projects.length}
            total={area.projectTotal}
            to={`/projects?priorityArea=${area.id}`}
            label={words.seeAllProjects}
          />
        </>
      )}
    </section>
  );
}

/** The area's visible projects: institution, status, board colour, commitment and disbursement. */
function AreaProjectsTable({ projects, words, format }: Words & { projects: AreaView["projects"] }) {
  const { columns } = words;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{columns.project}</th>
            <th>{columns.institution}</th>
            <th>{columns.status}</th>
            <th>{columns.board}</th>
            <th className="num">{columns.commitment}</th>
            <th className="num">{columns.disbursed}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-project-code={p.code}>
              <td>
                <Link to={`/projects/${p.id}`}>{p.name}</Link> <span className="record-code">{p.code}</span>
              </td>
              <td>{labelOf(words.institutions, p.institution)}</td>
              <td>{labelOf(words.statuses, p.status)}</td>
              <td>
                <ColourBadge colour={p.colour} label={words.colours[p.colour]} />
              </td>
              <td className="num">{format.moneyFromCents(p.commitmentCents)}</td>
              <td className="num">{format.percent(p.disbursedShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
