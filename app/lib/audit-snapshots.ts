import { z } from "zod";
import {
  IndicatorMeasure,
  IndicatorType,
  Institution,
  MilestoneStatus,
  OrganizationKind,
  PerformanceRating,
  ProjectStatus,
  ReviewState,
  RiskRating,
  Role,
  ValueState,
} from "~/generated/prisma/enums";

/**
 * The stored shape of each kind of record in audit snapshots (see audit-actions.ts for the rules they follow).
 */

// ---- Stored values --------------------------------------------------------------------------------------

const day = z.iso.date();
const instant = z.iso.datetime();
/** A date the models store as a day (`YYYY-MM-DD`) and whole rows store as an instant. */
const dayOrInstant = z.union([day, instant]);
/** BigInt minor units (US cents), serialised as a string of digits. */
const money = z.string().regex(/^-?\d+$/);
/** Evidence links: parsed to a list by the models, kept as the column's JSON text in whole rows. */
const links = z.union([z.array(z.string()), z.string()]);
const id = z.string().min(1);
const version = z.number().int().positive();
/** Added by a later migration: events stored before it have no such field. */
const translatedName = z.string().nullish();
/**
 * A file given as evidence, as the event of the submission that carried it seals it: the chain then vouches for
 * the file's SHA-256 (`npm run audit:verify -- --evidence` re-hashes the stored bytes against it).
 */
export const evidenceFileRecord = z.strictObject({
  id,
  name: z.string(),
  size: z.number().int().nonnegative(),
  type: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
/** Only events whose submission carries files have the field (and events written before files existed never). */
const evidenceFiles = z.array(evidenceFileRecord).optional();
/** Columns only whole rows carry (the seed's snapshots, the models' full-row snapshots). */
const rowStamps = { createdAt: instant.optional(), updatedAt: instant.optional() };

// ---- Snapshots, one per entity --------------------------------------------------------------------------

export const organizationSnapshot = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  nameRu: translatedName,
  nameKk: translatedName,
  kind: z.enum(OrganizationKind),
  version,
  ...rowStamps,
});

export const userSnapshot = z.strictObject({
  id,
  email: z.string(),
  name: z.string(),
  organizationId: id,
  role: z.enum(Role),
  locale: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  version,
  // Whole rows (the seed) also carry the throttling columns; never the password hash.
  failedLoginCount: z.number().int().optional(),
  lastFailedLoginAt: instant.nullish(),
  lockedUntil: instant.nullish(),
  passwordHash: z.never().optional(),
  ...rowStamps,
});

/** An admin's edit that changed the role or organisation ended the user's sessions: said in the snapshot. */
export const userUpdateSnapshot = userSnapshot.extend({ sessionsEnded: z.literal(true).optional() });

export const frameworkSnapshot = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  nameRu: translatedName,
  nameKk: translatedName,
  startDate: instant,
  endDate: instant,
  annualEnvelopeMinor: money,
  description: z.string(),
  version,
  ...rowStamps,
});

export const priorityAreaSnapshot = z.strictObject({
  id,
  frameworkId: id,
  code: z.string(),
  name: z.string(),
  nameRu: translatedName,
  nameKk: translatedName,
  description: z.string(),
  sortOrder: z.number().int(),
  version,
  ...rowStamps,
});

/** Projects are snapshotted as whole rows, by the models and the seed alike. */
export const projectSnapshot = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  description: z.string(),
  institution: z.enum(Institution),
  instrument: z.string(),
  implementingAgencyId: id,
  priorityAreaId: id,
  sectorCode: z.string(),
  status: z.enum(ProjectStatus),
  approvalDate: instant.nullable(),
  effectivenessDate: instant.nullable(),
  mtrPlannedDate: instant.nullable(),
  mtrActualDate: instant.nullable(),
  closingOriginalDate: instant.nullable(),
  closingRevisedDate: instant.nullable(),
  commitmentMinor: money,
  disbursedMinor: money,
  narrative: z.string(),
  archivedAt: instant.nullable(),
  version,
  createdAt: instant,
  updatedAt: instant,
});

export const memberSnapshot = z.strictObject({
  id,
  projectId: id,
  userId: id,
  capacity: z.string(),
  createdAt: instant,
});

export const ratingSnapshot = z.strictObject({
  id,
  projectId: id,
  ratedOn: instant,
  pdoRating: z.enum(PerformanceRating),
  ipRating: z.enum(PerformanceRating),
  riskRating: z.enum(RiskRating),
  justification: z.string(),
  authorId: id,
  createdAt: instant,
});

export const milestoneSnapshot = z.strictObject({
  title: z.string(),
  description: z.string(),
  baselineDueDate: dayOrInstant,
  currentDueDate: dayOrInstant,
  status: z.enum(MilestoneStatus),
  percentComplete: z.number().int().min(0).max(100),
  completedOn: dayOrInstant.nullable(),
  ownerId: id.nullable(),
  version,
  id: id.optional(),
  projectId: id.optional(),
  sortOrder: z.number().int().optional(),
  ...rowStamps,
});

/** An approved update applied to its milestone: which update it was is part of the snapshot, not the reason. */
export const appliedMilestoneSnapshot = milestoneSnapshot.extend({ appliedUpdateId: id });

export const milestoneUpdateSnapshot = z.strictObject({
  milestoneId: id,
  authorId: id,
  proposedStatus: z.enum(MilestoneStatus),
  proposedPercent: z.number().int().min(0).max(100),
  proposedDueDate: dayOrInstant.nullable(),
  dueDateReason: z.string().nullable(),
  narrative: z.string(),
  evidenceLinks: links,
  evidenceFiles,
  reviewState: z.enum(ReviewState),
  reviewerId: id.nullable(),
  reviewComment: z.string().nullable(),
  submittedAt: instant,
  reviewedAt: instant.nullable(),
  version,
  id: id.optional(),
  updatedAt: instant.optional(),
});

export const indicatorSnapshot = z.strictObject({
  code: z.string(),
  name: z.string(),
  type: z.enum(IndicatorType),
  unit: z.string(),
  measure: z.enum(IndicatorMeasure),
  ascending: z.boolean(),
  baselineValue: z.number().nullable(),
  baselineDate: dayOrInstant.nullable(),
  targetValue: z.number().nullable(),
  targetDate: dayOrInstant.nullable(),
  originalTargetValue: z.number().nullable(),
  targetRevisedOn: dayOrInstant.nullable(),
  targetRevisionNote: z.string().nullable(),
  frequency: z.string(),
  dataSource: z.string(),
  responsibleAgency: z.string(),
  version,
  targets: z.array(z.strictObject({ periodEnd: dayOrInstant, value: z.number() })).optional(),
  id: id.optional(),
  projectId: id.optional(),
  sortOrder: z.number().int().optional(),
  ...rowStamps,
});

export const indicatorValueSnapshot = z.strictObject({
  indicatorId: id,
  periodStart: dayOrInstant,
  periodEnd: dayOrInstant,
  value: z.number(),
  comment: z.string(),
  evidenceLinks: links,
  evidenceFiles,
  state: z.enum(ValueState),
  reporterId: id,
  verifierId: id.nullable(),
  reviewComment: z.string().nullable(),
  version,
  id: id.optional(),
  submittedAt: instant.optional(),
  reviewedAt: instant.nullish(),
  updatedAt: instant.optional(),
});

/** A failed password change: how many attempts in a row, and whether this one locked the account. */
export const failedPasswordChange = z.strictObject({
  failedAttempts: z.number().int().positive(),
  locked: z.boolean(),
});

/** An export is recorded before its first byte: the file, its filters, its size and the chain head it stops at. */
export const exportRecord = z.strictObject({
  format: z.string(),
  filters: z.record(z.string(), z.string()),
  rowCount: z.union([z.number().int().nonnegative(), z.record(z.string(), z.number().int().nonnegative())]),
  chainHeadSeq: z.number().int().nonnegative(),
  chainHeadHash: z.string().nullable(),
});

/** A single-use e-mail link (invitation or password reset): which one and until when. Never the token. */
export const linkTokenRecord = z.strictObject({
  tokenId: id,
  purpose: z.enum(["INVITATION", "PASSWORD_RESET"]),
  expiresAt: instant,
  tokenHash: z.never().optional(),
});

/** An outbox message's delivery state (an administrator sent a failed message again). Never its content. */
export const outboxDeliverySnapshot = z.strictObject({
  id,
  state: z.enum(["PENDING", "SENDING", "SENT", "FAILED"]),
  attempts: z.number().int().nonnegative(),
});

/** A run of the reminder job: what started it and what it wrote (each digest row and e-mail carries the run id). */
export const reminderRunSnapshot = z.strictObject({
  trigger: z.enum(["schedule", "admin", "cli"]),
  state: z.enum(["RUNNING", "DONE", "FAILED"]),
  digests: z.number().int().nonnegative(),
  notifications: z.number().int().nonnegative(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  error: z.string().nullable(),
});

/** A person's choice of reminder digests and event e-mails. */
export const notificationPreferenceSnapshot = z.strictObject({
  userId: id,
  digest: z.enum(["WEEKLY", "DAILY", "OFF"]),
  eventMessages: z.boolean(),
});

/** A single sign-on the provider vouched for but Qadam refused, and why (the account's id or the e-mail is the entity). */
export const ssoRefusal = z.strictObject({
  reason: z.enum(["noVerifiedEmail", "unknownAccount", "deactivated"]),
});

/** An e-mail domain whose people get an account in an organisation on their first single sign-on. */
export const ssoAutoDomainSnapshot = z.strictObject({ id, domain: z.string(), organizationId: id });
