import type { GlobalAction, ProjectAction } from "./permissions";

/**
 * Every route module and the permission its loader and action enforce. The permission-matrix test reads this
 * table: it fails when a file in app/routes has no entry here, and it checks each listed action against
 * every role in and out of scope. "public" = no session needed; "session" = any signed-in user.
 * Routes that read several actions name them all (e.g. a review action checks the review permission per item).
 */
export type Access = "public" | "session" | GlobalAction | ProjectAction | Array<GlobalAction | ProjectAction>;
export type RouteAccess = { loader?: Access; action?: Access };

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  // Foundation
  "root.tsx": { loader: "public" },
  "routes/_index.tsx": { loader: "session" },
  "routes/login.tsx": { loader: "public", action: "public" },
  "routes/logout.tsx": { loader: "public", action: "public" },
  "routes/healthz.ts": { loader: "public" },
  // An unknown address: a 404 in the reader's language.
  "routes/$.tsx": { loader: "public" },
  "routes/account.language.tsx": { loader: "public", action: "public" },
  "routes/account.password.tsx": { loader: "session", action: "session" },
  "routes/account.notifications.tsx": { loader: "session", action: "session" },
  "routes/notifications.tsx": { loader: "session", action: "session" },
  // Single sign-on (issue 8): signed-out visitors start it and the provider sends them back.
  "routes/auth.sso.tsx": { loader: "public" },
  "routes/auth.sso.callback.tsx": { loader: "public" },

  // Projects (issue 3)
  "routes/projects._index.tsx": { loader: "portfolio.view" },
  "routes/projects.new.tsx": { loader: "project.create", action: "project.create" },
  "routes/projects.$projectId.tsx": { loader: "project.view" },
  "routes/projects.$projectId._index.tsx": { loader: "project.view" },
  "routes/projects.$projectId.edit.tsx": { loader: "project.edit", action: ["project.edit", "project.archive"] },
  "routes/projects.$projectId.milestones._index.tsx": { loader: "project.view", action: "milestone.create" },
  "routes/projects.$projectId.milestones.$milestoneId.tsx": {
    loader: "project.view",
    action: ["milestone.edit", "milestoneUpdate.submit"],
  },
  // Evidence files (issue 12): whoever sees the project downloads its files.
  "routes/projects.$projectId.evidence.$fileId.ts": { loader: "evidence.download" },
  "routes/projects.$projectId.indicators._index.tsx": { loader: "project.view", action: "indicator.create" },
  "routes/projects.$projectId.indicators.$indicatorId.tsx": {
    loader: "project.view",
    action: ["indicator.edit", "indicatorValue.report", "indicatorValue.review"],
  },
  "routes/projects.$projectId.ratings.tsx": { loader: "project.view", action: "rating.record" },
  "routes/projects.$projectId.team.tsx": { loader: "project.view", action: "project.manageMembers" },
  "routes/reviews.tsx": {
    loader: "reviewQueue.view",
    action: ["reviewQueue.view", "milestoneUpdate.review", "indicatorValue.review"],
  },
  "routes/board.tsx": { loader: "portfolio.view" },
  "routes/frameworks._index.tsx": { loader: "portfolio.view" },
  "routes/frameworks.$frameworkId.tsx": { loader: "portfolio.view" },
  "routes/reporting.tsx": { loader: "portfolio.view" },
  "routes/admin.tsx": { loader: "admin.users" },
  "routes/admin._index.tsx": { loader: "admin.users", action: "reminders.run" },
  "routes/admin.users._index.tsx": { loader: "admin.users" },
  "routes/admin.users.new.tsx": { loader: "admin.users", action: "admin.users" },
  "routes/admin.users.$userId.tsx": { loader: "admin.users", action: "admin.users" },
  "routes/admin.organizations.tsx": { loader: "admin.organizations", action: "admin.organizations" },
  "routes/admin.frameworks.tsx": { loader: "admin.frameworks", action: "admin.frameworks" },

  // E-mail, invitations and password reset (issue 8)
  "routes/admin.mail.tsx": { loader: "admin.mail", action: "admin.mail" },
  "routes/invite.tsx": { loader: "public", action: "public" },
  "routes/reset-password.tsx": { loader: "public", action: "public" },
  "routes/forgot-password.tsx": { action: "public" },

  // History and exports (issue 4)
  "routes/history.tsx": { loader: "history.viewAll" },
  // One event's stored record, fetched when an auditor opens it on History (issue 9: not sent with every page).
  "routes/history_.stored.$seq.ts": { loader: "history.viewStored" },
  // One event's details (what changed, the reason), fetched when opened on History, and the same on its own page
  // for a browser without JavaScript (issue 9: one sentence per event in the list). Scoped as the list is.
  "routes/history_.details.$seq.ts": { loader: "history.viewAll" },
  "routes/history_.events.$seq.tsx": { loader: "history.viewAll" },
  "routes/projects.$projectId.history.tsx": { loader: "history.view" },
  "routes/projects.$projectId.report.tsx": { loader: "report.print" },
  "routes/exports._index.tsx": { loader: "portfolio.export" },
  "routes/exports.audit[.]csv.ts": { loader: "history.export" },
  "routes/exports.audit[.]xlsx.ts": { loader: "history.export" },
  "routes/exports.audit[.]ndjson.ts": { loader: "history.export" },
  "routes/exports.evidence-pack[.]zip.ts": { loader: "history.export" },
  "routes/exports.portfolio[.]xlsx.ts": { loader: "portfolio.export" },
  "routes/exports.iati[.]xml.ts": { loader: "portfolio.export" },

  // Reporting from a spreadsheet (issue 12): each row is then held to its project's own permission.
  "routes/import._index.tsx": {
    loader: "reporting.spreadsheet",
    action: ["reporting.spreadsheet", "indicatorValue.report", "milestoneUpdate.submit"],
  },
  "routes/import.template[.]xlsx.ts": { loader: "reporting.spreadsheet" },
};
