import type { z } from "zod";
import {
  organizationSnapshot,
  userSnapshot,
  userUpdateSnapshot,
  frameworkSnapshot,
  priorityAreaSnapshot,
  projectSnapshot,
  memberSnapshot,
  ratingSnapshot,
  milestoneSnapshot,
  appliedMilestoneSnapshot,
  milestoneUpdateSnapshot,
  indicatorSnapshot,
  indicatorValueSnapshot,
  failedPasswordChange,
  exportRecord,
  linkTokenRecord,
  outboxDeliverySnapshot,
  reminderRunSnapshot,
  notificationPreferenceSnapshot,
  ssoRefusal,
  ssoAutoDomainSnapshot,
} from "./audit-snapshots";

/**
 * Every action the audit log records, with the shape of its before/after snapshots and whether a person's reason
 * must come with it. Writers are held to it (`appendAuditEvent` refuses an action that is not here) and readers
 * build on it: one entry per action, so history can say what each event means.
 *
 * Snapshots are described as they are stored, i.e. after JSON: money (BigInt minor units) as a string of digits,
 * dates as ISO strings. Two writers store them: the app's models (often a chosen `…AuditShape`, dates as days) and
 * the demo seed (whole rows, dates as instants, links as JSON text). Events already stored keep their shape, so a
 * schema accepts both, and a field the seed's whole rows add is optional. Objects are strict: a snapshot carrying
 * an undeclared field fails the check in development and tests, so a new column is declared here before it is
 * written (and a password hash can never slip into the log unnoticed).
 */

// ---- The registry ---------------------------------------------------------------------------------------

type Snapshot = z.ZodType | null;

export type AuditActionSpec = {
  entityType: string;
  /** null: the event has no snapshot on that side (a creation has no before, a removal no after). */
  before: Snapshot;
  after: Snapshot;
  /** The event must carry a person's reason (shown as written in History). */
  reasonRequired: boolean;
  /** Names this action was stored under before it was renamed: events keep the name they were written with. */
  legacyNames?: readonly string[];
  /**
   * No longer written (what wrote it is gone): kept so that events already stored still read as sentences and parse.
   * A test holds that nothing writes a retired action.
   */
  retired?: true;
};

/** A creation: nothing before, the new record after. */
const created = <E extends string, S extends z.ZodType>(entityType: E, after: S) =>
  ({ entityType, before: null, after, reasonRequired: false }) as const;
/** A change of one record: the same snapshot on both sides. */
const changed = <E extends string, S extends z.ZodType>(entityType: E, snapshot: S, reasonRequired = false) =>
  ({ entityType, before: snapshot, after: snapshot, reasonRequired }) as const;
const exported = { entityType: "Export", before: null, after: exportRecord, reasonRequired: false } as const;
const signIn = { entityType: "User", before: null, after: null, reasonRequired: false } as const;

export const AUDIT_ACTIONS = {
  "organization.create": created("Organization", organizationSnapshot),
  "organization.update": changed("Organization", organizationSnapshot),
  "framework.create": created("Framework", frameworkSnapshot),
  "framework.update": changed("Framework", frameworkSnapshot),
  "priorityArea.create": created("PriorityArea", priorityAreaSnapshot),
  "priorityArea.update": changed("PriorityArea", priorityAreaSnapshot),
  "priorityArea.reorder": changed("PriorityArea", priorityAreaSnapshot),

  "user.create": created("User", userSnapshot),
  "user.update": { entityType: "User", before: userSnapshot, after: userUpdateSnapshot, reasonRequired: false },
  "user.deactivate": changed("User", userSnapshot),
  "user.reactivate": changed("User", userSnapshot),
  /** An administrator typed a temporary password; retired: administrators now send a reset link instead. */
  "user.resetPassword": { ...changed("User", userSnapshot), retired: true },
  "user.setLocale": changed("User", userSnapshot),
  "user.changePassword": changed("User", userSnapshot),
  "user.changePasswordFailed": {
    entityType: "User",
    before: null,
    after: failedPasswordChange,
    reasonRequired: false,
    legacyNames: ["user.changePassword_failed"],
  },

  /** E-mail links: an invitation sent or revoked, a reset asked for, and a link used to set a password. */
  "user.invite": { entityType: "User", before: null, after: linkTokenRecord, reasonRequired: false },
  "user.revokeInvitation": { entityType: "User", before: linkTokenRecord, after: null, reasonRequired: false },
  "user.acceptInvitation": changed("User", userSnapshot),
  "user.requestPasswordReset": { entityType: "User", before: null, after: linkTokenRecord, reasonRequired: false },
  "user.resetPasswordByLink": changed("User", userSnapshot),
  "mail.retry": changed("OutboxMessage", outboxDeliverySnapshot),

  /** Sign-in events name the account tried (its id, or the e-mail typed when no account has it). */
  "auth.login": signIn,
  "auth.logout": signIn,
  "auth.loginFailed": { ...signIn, legacyNames: ["auth.login_failed"] },
  "auth.locked": signIn,
  /** Single sign-on: a session opened for the account whose verified e-mail the provider vouched for. */
  "auth.ssoLogin": signIn,
  "auth.ssoRefused": { entityType: "User", before: null, after: ssoRefusal, reasonRequired: false },
  /** An account opened by a first single sign-on, under an administrator's domain rule. */
  "user.createBySso": created("User", userSnapshot),
  /** A signed-in-by-SSO user's temporary password (set by an administrator, never used) stops working. */
  "user.retireTemporaryPassword": changed("User", userSnapshot),
  "ssoAutoDomain.add": created("SsoAutoAccountDomain", ssoAutoDomainSnapshot),
  "ssoAutoDomain.remove": {
    entityType: "SsoAutoAccountDomain",
    before: ssoAutoDomainSnapshot,
    after: null,
    reasonRequired: false,
  },

  "project.create": created("Project", projectSnapshot),
  "project.update": changed("Project", projectSnapshot),
  "project.archive": changed("Project", projectSnapshot, true),
  "project.restore": changed("Project", projectSnapshot, true),

  "member.add": created("ProjectMember", memberSnapshot),
  "member.remove": { entityType: "ProjectMember", before: memberSnapshot, after: null, reasonRequired: false },

  "rating.record": created("Rating", ratingSnapshot),

  "milestone.create": created("Milestone", milestoneSnapshot),
  /** The reason is required by the form only when the current due date moves. */
  "milestone.update": changed("Milestone", milestoneSnapshot),
  "milestone.applyUpdate": {
    entityType: "Milestone",
    before: milestoneSnapshot,
    after: appliedMilestoneSnapshot,
    reasonRequired: false,
  },

  "milestoneUpdate.submit": created("MilestoneUpdate", milestoneUpdateSnapshot),
  "milestoneUpdate.resubmit": changed("MilestoneUpdate", milestoneUpdateSnapshot),
  "milestoneUpdate.approve": changed("MilestoneUpdate", milestoneUpdateSnapshot),
  "milestoneUpdate.return": changed("MilestoneUpdate", milestoneUpdateSnapshot, true),

  "indicator.create": created("Indicator", indicatorSnapshot),
  "indicator.update": changed("Indicator", indicatorSnapshot),
  "indicator.reviseTarget": changed("Indicator", indicatorSnapshot, true),

  "indicatorValue.report": created("IndicatorValue", indicatorValueSnapshot),
  "indicatorValue.verify": changed("IndicatorValue", indicatorValueSnapshot),
  "indicatorValue.return": changed("IndicatorValue", indicatorValueSnapshot, true),

  "export.audit_csv": exported,
  "export.audit_xlsx": exported,
  "export.audit_ndjson": exported,
  "export.portfolio_xlsx": exported,
  "export.iati_xml": exported,
  /** An auditor's evidence pack: the audit log's slice, every evidence file it names and a manifest. */
  "export.evidence_pack": exported,

  /** A reminder run, at its start and at its end (a start without an end is a run that was interrupted). */
  "reminderRun.start": created("ReminderRun", reminderRunSnapshot),
  "reminderRun.finish": changed("ReminderRun", reminderRunSnapshot),
  "notificationPreference.update": changed("NotificationPreference", notificationPreferenceSnapshot),
} as const satisfies Record<string, AuditActionSpec>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type EntityType = (typeof AUDIT_ACTIONS)[AuditAction]["entityType"];
/** The entity type an action is recorded against. */
export type EntityTypeOf<A extends AuditAction> = (typeof AUDIT_ACTIONS)[A]["entityType"];

/** The registry seen through its common shape, for code that handles any action. */
const SPECS: Readonly<Record<AuditAction, AuditActionSpec>> = AUDIT_ACTIONS;

export function isAuditAction(name: string): name is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, name);
}

export function auditActionSpec(action: AuditAction): AuditActionSpec {
  return SPECS[action];
}

const CURRENT_NAME_OF_LEGACY: ReadonlyMap<string, AuditAction> = new Map(
  (Object.keys(SPECS) as AuditAction[]).flatMap((action) =>
    (SPECS[action].legacyNames ?? []).map((legacy) => [legacy, action] as const),
  ),
);

/** The action a stored name means today (a renamed action's old name included); null when no action has it. */
export function currentAuditAction(storedName: string): AuditAction | null {
  if (isAuditAction(storedName)) return storedName;
  return CURRENT_NAME_OF_LEGACY.get(storedName) ?? null;
}

/**
 * Every name events of this action may be stored under: its current name first, then its old ones. A filter for
 * either the new or the old name finds both. An unknown name is returned alone (older or foreign data).
 */
export function storedAuditActionNames(name: string): string[] {
  const action = currentAuditAction(name);
  if (!action) return [name];
  return [action, ...(SPECS[action].legacyNames ?? [])];
}

export type StoredAuditPayload = {
  entityType: string;
  /** The snapshots as stored, parsed from JSON; null when the event has none. */
  before: unknown;
  after: unknown;
  reason: string | null;
};

function snapshotProblems(side: "before" | "after", schema: Snapshot, value: unknown): string[] {
  if (schema === null) return value === null ? [] : [`${side}: this action records no ${side} snapshot`];
  if (value === null) return [`${side}: missing`];
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${side}.${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/** What is wrong with an event of `action` as stored (empty when it matches the registry). */
export function auditPayloadProblems(action: AuditAction, payload: StoredAuditPayload): string[] {
  const spec = SPECS[action];
  const problems: string[] = [];
  if (payload.entityType !== spec.entityType) {
    problems.push(`entityType: ${action} is recorded against ${spec.entityType}, not ${payload.entityType}`);
  }
  if (spec.reasonRequired && !payload.reason?.trim()) problems.push("reason: required for this action");
  return [
    ...problems,
    ...snapshotProblems("before", spec.before, payload.before),
    ...snapshotProblems("after", spec.after, payload.after),
  ];
}
