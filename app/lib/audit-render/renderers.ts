import type { z } from "zod";
import { currentAuditAction, type AuditAction } from "~/lib/audit-actions";
import type { exportRecord } from "~/lib/audit-snapshots";
import type { TranslationKey } from "~/i18n/keys";
import {
  changesBetween,
  FRAMEWORK_FIELDS,
  INDICATOR_FIELDS,
  INDICATOR_VALUE_FIELDS,
  MEMBER_FIELDS,
  MILESTONE_FIELDS,
  MILESTONE_UPDATE_FIELDS,
  ORGANIZATION_FIELDS,
  PLAIN_USER_FIELDS,
  PRIORITY_AREA_FIELDS,
  PROJECT_FIELDS,
  RATING_FIELDS,
  USER_FIELDS,
  type FieldSpecs,
} from "./fields";
import { ENTITY_KIND, type NameBook } from "./names";
import { parseAuditPayload, type PayloadMap } from "./payload";
import type { Change, EventView, RawDetail, RecordRef, Shown } from "./types";

/**
 * One renderer per audit action: from the action's typed payload to the record the sentence names, the values it
 * interpolates and the changes listed under it. The sentence itself is `audit.actions.<action>` in each language.
 * A new action without a renderer here fails the typecheck; without a sentence, the rendering test.
 */

type Rendered = { record: RecordRef | null; values?: Record<string, Shown>; changes: Change[]; creation?: boolean };
type Context = { entityId: string; names: NameBook };
type Renderer<A extends AuditAction> = (payload: PayloadMap[A], context: Context) => Rendered;
type Renderers = { [A in AuditAction]: Renderer<A> };

/** A record created: the values it was created with. */
function created<T extends object>(specs: FieldSpecs<T>, recordOf: (after: T, context: Context) => RecordRef | null) {
  return ({ after }: { after: T }, context: Context): Rendered => ({
    record: recordOf(after, context),
    changes: changesBetween(specs, null, after, context.names),
    creation: true,
  });
}

/** A record changed: what differs between the snapshots. */
function changed<T extends object, U extends T = T>(
  specs: FieldSpecs<U>,
  recordOf: (snapshot: T, context: Context) => RecordRef | null,
) {
  return ({ before, after }: { before: T; after: U }, context: Context): Rendered => ({
    record: recordOf(after, context),
    changes: changesBetween<U>(specs, before as Partial<U>, after, context.names),
  });
}

const organization = (s: { name: string; nameRu?: string | null; nameKk?: string | null }, c: Context) =>
  c.names.organization(c.entityId, { name: s.name, nameRu: s.nameRu ?? null, nameKk: s.nameKk ?? null });
const framework = (s: { name: string; code: string; nameRu?: string | null; nameKk?: string | null }, c: Context) =>
  c.names.framework(c.entityId, { name: s.name, code: s.code, nameRu: s.nameRu ?? null, nameKk: s.nameKk ?? null });
const priorityArea = (
  s: { name: string; code: string; frameworkId: string; nameRu?: string | null; nameKk?: string | null },
  c: Context,
) =>
  c.names.priorityArea(c.entityId, {
    name: s.name,
    code: s.code,
    frameworkId: s.frameworkId,
    nameRu: s.nameRu ?? null,
    nameKk: s.nameKk ?? null,
  });
const user = (s: { name: string }, c: Context) => c.names.user(c.entityId, { name: s.name });
const project = (s: { name: string; code: string }, c: Context) =>
  c.names.project(c.entityId, { name: s.name, code: s.code });
const milestone = (s: { title: string }, c: Context) => c.names.milestone(c.entityId, { title: s.title });
const indicator = (s: { name: string; code: string }, c: Context) =>
  c.names.indicator(c.entityId, { name: s.name, code: s.code });
const updatedMilestone = (s: { milestoneId: string }, c: Context) => c.names.milestone(s.milestoneId);
const valueOf = (s: { indicatorId: string }, c: Context) => c.names.indicator(s.indicatorId);

/** Sign-in events name the account tried: its id, or the e-mail typed when no account has it. */
const signIn = (_: unknown, { entityId, names }: Context): Rendered => ({
  record: names.userOrEmail(entityId),
  changes: [],
});

/** An indicator value's event: the period it is for goes into the sentence. */
function valueEvent(withChanges: boolean) {
  return (
    {
      before,
      after,
    }: PayloadMap["indicatorValue.verify"] | { before: null; after: PayloadMap["indicatorValue.verify"]["after"] },
    context: Context,
  ): Rendered => ({
    record: valueOf(after, context),
    values: { period: { kind: "period", start: after.periodStart.slice(0, 10), end: after.periodEnd.slice(0, 10) } },
    changes: withChanges
      ? changesBetween(INDICATOR_VALUE_FIELDS, before, after, context.names)
      : changesBetween(INDICATOR_VALUE_FIELDS, null, after, context.names),
    creation: !withChanges,
  });
}

const refOrGone = (ref: RecordRef | null): Shown => (ref ? { kind: "ref", ref } : { kind: "gone" });

/** An export: how many events it holds, and the filters it was made with (the ones a person chooses). */
function exported({ after }: { after: z.infer<typeof exportRecord> }, { names }: Context): Rendered {
  const rows =
    typeof after.rowCount === "number" ? after.rowCount : Object.values(after.rowCount).reduce((a, b) => a + b, 0);
  const filter = (label: TranslationKey, value: Shown | null): Change[] =>
    value ? [{ label, before: { kind: "none" }, after: value }] : [];
  const { from, to, project: code, actor } = after.filters;
  return {
    record: null,
    values: { count: { kind: "number", value: rows } },
    changes: [
      ...filter("audit.fields.fromDay", from ? { kind: "day", value: from } : null),
      ...filter("audit.fields.toDay", to ? { kind: "day", value: to } : null),
      ...filter("audit.fields.project", code ? { kind: "text", text: code } : null),
      ...filter("audit.fields.person", actor ? refOrGone(names.userOrEmail(actor)) : null),
    ],
    creation: true,
  };
}

/** A single fact listed under a sentence (a new value, with nothing before it). */
const fact = (label: TranslationKey, after: Shown): Change => ({ label, before: { kind: "none" }, after });

/** An e-mail link (invitation or password reset) sent to an account: until when it works. Never the token. */
const linkSent = ({ after }: { after: { expiresAt: string } }, { entityId, names }: Context): Rendered => ({
  record: names.user(entityId),
  changes: [fact("audit.fields.expiresAt", { kind: "instant", value: after.expiresAt })],
  creation: true,
});

/** A run of the reminder job: what started it, how it ended and what it wrote. */
const reminderRun = (
  { after }: { after: { trigger: string; state: string; digests: number; notifications: number } },
  _context: Context,
): Rendered => ({
  record: null,
  changes: [
    fact("audit.fields.trigger", { kind: "label", group: "audit.triggers", code: after.trigger }),
    fact("audit.fields.runState", { kind: "label", group: "audit.runStates", code: after.state }),
    fact("audit.fields.digests", { kind: "number", value: after.digests }),
    fact("audit.fields.notifications", { kind: "number", value: after.notifications }),
  ],
  creation: true,
});

/** An e-mail domain whose people get an account on their first single sign-on, and the organisation they join. */
const ssoDomain = (snapshot: { domain: string; organizationId: string }, { names }: Context): Rendered => ({
  record: null,
  values: { domain: { kind: "text", text: snapshot.domain } },
  changes: [fact("audit.fields.organization", refOrGone(names.organization(snapshot.organizationId)))],
  creation: true,
});

export const AUDIT_RENDERERS: Renderers = {
  "organization.create": created(ORGANIZATION_FIELDS, organization),
  "organization.update": changed(ORGANIZATION_FIELDS, organization),
  "framework.create": created(FRAMEWORK_FIELDS, framework),
  "framework.update": changed(FRAMEWORK_FIELDS, framework),
  "priorityArea.create": created(PRIORITY_AREA_FIELDS, priorityArea),
  "priorityArea.update": changed(PRIORITY_AREA_FIELDS, priorityArea),
  "priorityArea.reorder": changed(PRIORITY_AREA_FIELDS, priorityArea),

  "user.create": created(PLAIN_USER_FIELDS, user),
  "user.update": changed(USER_FIELDS, user),
  "user.deactivate": changed(PLAIN_USER_FIELDS, user),
  "user.reactivate": changed(PLAIN_USER_FIELDS, user),
  "user.resetPassword": changed(PLAIN_USER_FIELDS, user),
  "user.setLocale": changed(PLAIN_USER_FIELDS, user),
  "user.changePassword": changed(PLAIN_USER_FIELDS, user),
  "user.changePasswordFailed": ({ after }, { entityId, names }) => ({
    record: names.userOrEmail(entityId),
    changes: [
      {
        label: "audit.fields.failedAttempts",
        before: { kind: "none" },
        after: { kind: "number", value: after.failedAttempts },
      },
      { label: "audit.fields.accountLocked", before: { kind: "none" }, after: { kind: "bool", value: after.locked } },
    ],
    creation: true,
  }),

  "auth.login": signIn,
  "auth.logout": signIn,
  "auth.loginFailed": signIn,
  "auth.locked": signIn,

  "project.create": created(PROJECT_FIELDS, project),
  "project.update": changed(PROJECT_FIELDS, project),
  "project.archive": changed(PROJECT_FIELDS, project),
  "project.restore": changed(PROJECT_FIELDS, project),

  "member.add": created(MEMBER_FIELDS, (s, c) => c.names.user(s.userId)),
  "member.remove": ({ before }, { names }) => ({
    record: names.user(before.userId),
    changes: changesBetween(MEMBER_FIELDS, before, null, names),
  }),

  "rating.record": created(RATING_FIELDS, (s, c) => c.names.project(s.projectId)),

  "milestone.create": created(MILESTONE_FIELDS, milestone),
  "milestone.update": changed(MILESTONE_FIELDS, milestone),
  "milestone.applyUpdate": changed(MILESTONE_FIELDS, milestone),

  "milestoneUpdate.submit": created(MILESTONE_UPDATE_FIELDS, updatedMilestone),
  "milestoneUpdate.resubmit": changed(MILESTONE_UPDATE_FIELDS, updatedMilestone),
  "milestoneUpdate.approve": changed(MILESTONE_UPDATE_FIELDS, updatedMilestone),
  "milestoneUpdate.return": changed(MILESTONE_UPDATE_FIELDS, updatedMilestone),

  "indicator.create": created(INDICATOR_FIELDS, indicator),
  "indicator.update": changed(INDICATOR_FIELDS, indicator),
  "indicator.reviseTarget": changed(INDICATOR_FIELDS, indicator),

  "indicatorValue.report": valueEvent(false),
  "indicatorValue.verify": valueEvent(true),
  "indicatorValue.return": valueEvent(true),

  "export.audit_csv": exported,
  "export.audit_xlsx": exported,
  "export.audit_ndjson": exported,
  "export.portfolio_xlsx": exported,
  "export.iati_xml": exported,
  "export.evidence_pack": exported,

  "user.invite": linkSent,
  "user.revokeInvitation": (_payload, { entityId, names }) => ({ record: names.user(entityId), changes: [] }),
  "user.acceptInvitation": changed(PLAIN_USER_FIELDS, user),
  "user.requestPasswordReset": linkSent,
  "user.resetPasswordByLink": changed(PLAIN_USER_FIELDS, user),
  "user.createBySso": created(PLAIN_USER_FIELDS, user),
  "user.retireTemporaryPassword": changed(PLAIN_USER_FIELDS, user),
  "mail.retry": ({ before, after }) => ({
    record: null,
    changes: [
      {
        label: "audit.fields.mailState",
        before: { kind: "label", group: "audit.mailStates", code: before.state },
        after: { kind: "label", group: "audit.mailStates", code: after.state },
      },
      {
        label: "audit.fields.attempts",
        before: { kind: "number", value: before.attempts },
        after: { kind: "number", value: after.attempts },
      },
    ],
  }),
  "reminderRun.start": reminderRun,
  "reminderRun.finish": reminderRun,
  "notificationPreference.update": ({ before, after }, { names }) => ({
    record: names.user(after.userId),
    changes: [
      {
        label: "audit.fields.digest",
        before: { kind: "label", group: "audit.digests", code: before.digest },
        after: { kind: "label", group: "audit.digests", code: after.digest },
      },
      {
        label: "audit.fields.eventMessages",
        before: { kind: "bool", value: before.eventMessages },
        after: { kind: "bool", value: after.eventMessages },
      },
    ].filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after)) as Change[],
  }),
  "auth.ssoLogin": signIn,
  "auth.ssoRefused": ({ after }, { entityId, names }) => ({
    record: names.userOrEmail(entityId),
    changes: [fact("audit.fields.refusal", { kind: "label", group: "audit.ssoRefusals", code: after.reason })],
    creation: true,
  }),
  "ssoAutoDomain.add": ({ after }, context) => ssoDomain(after, context),
  "ssoAutoDomain.remove": ({ before }, context) => ssoDomain(before, context),
};

/** `audit.actions.<action>`: every action's sentence key is a key of the English strings (checked here by type). */
export function sentenceKey(action: AuditAction): TranslationKey {
  const key: `audit.actions.${AuditAction}` = `audit.actions.${action}`;
  return key;
}

function render<A extends AuditAction>(action: A, payload: PayloadMap[A], context: Context): Rendered {
  const renderer: Renderer<A> = AUDIT_RENDERERS[action];
  return renderer(payload, context);
}

export type StoredEvent = {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
};

/** The whole stored event, for those who read the whole log. */
export function rawOf(row: StoredEvent): RawDetail {
  return {
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    projectId: row.projectId,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    requestId: row.requestId,
    before: row.before,
    after: row.after,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** One stored event as History shows it (see EventView). `stored`: the reader may open the stored record. */
export function describeAuditEvent(row: StoredEvent, names: NameBook, options: { stored: boolean }): EventView {
  const action = currentAuditAction(row.action);
  const payload = action ? parseAuditPayload(action, row.before, row.after) : null;
  const context = { entityId: row.entityId, names };
  const rendered: Rendered | null = action && payload ? render(action, payload, context) : null;
  const project = names.project(row.projectId);
  const entityKind = ENTITY_KIND[row.entityType];
  // An address that names no account is shown as typed; the seed's and jobs' "system" is Qadam itself (null).
  const actor =
    names.user(row.actorId) ??
    (row.actorEmail?.includes("@") ? { kind: "email" as const, name: row.actorEmail, href: null } : null);
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    action: action ?? row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    projectId: row.projectId,
    projectCode: project?.code ?? null,
    sentence: action && rendered ? sentenceKey(action) : "audit.unreadable",
    actor,
    record: rendered ? rendered.record : entityKind ? (names[entityKind](row.entityId) ?? null) : null,
    project,
    values: rendered?.values ?? {},
    changes: rendered?.changes ?? [],
    creation: rendered?.creation ?? false,
    reason: row.reason,
    stored: options.stored,
  };
}
