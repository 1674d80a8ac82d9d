import { Link } from "@remix-run/react";
import type { BoardViewCard } from "~/models/board-view.server";
import { WrittenReasonList } from "./reason-text";

/** One project on the board: what it is, and why it has its colour (its lines written by the loader). */
export function ProjectCard({ project, noIssues }: { project: BoardViewCard; noIssues: string }) {
  return (
    <article className={`board-card board-card-${project.colour.toLowerCase()}`} data-project-code={project.code}>
      <h3>
        <Link to={`/projects/${project.id}`}>{project.name}</Link>{" "}
        <span className="board-code muted">{project.code}</span>
      </h3>
      <p className="muted board-meta">{project.meta}</p>
      {project.rating ? <p className="board-meta">{project.rating}</p> : null}
      <WrittenReasonList reasons={project.reasons} none={noIssues} />
    </article>
  );
}
