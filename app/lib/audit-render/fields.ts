import type { z } from "zod";
import type { LabelGroup, TranslationKey } from "~/i18n/keys";
import type {
  frameworkSnapshot,
  indicatorSnapshot,
  indicatorValueSnapshot,
  memberSnapshot,
  milestoneSnapshot,
  milestoneUpdateSnapshot,
  organizationSnapshot,
  priorityAreaSnapshot,
  projectSnapshot,
  ratingSnapshot,
  userSnapshot,
  userUpdateSnapshot,
} from "~/lib/audit-snapshots";
import type { NameBook } from "./names";
import type { Change, RecordRef, Shown } from "./types";

/**
 * How each stored field is shown: its translated label and how its value is formatted. A field without an entry
 * (ids, versions, row stamps) is not part of the sentence; auditors still see it in the raw detail.
 */

type FieldSpec<V> = { label: TranslationKey; show: (value: V, names: NameBook) => Shown };
export type FieldSpecs<T> = { [K in keyof T]?: FieldSpec<NonNullable<T[K]>> };

const NONE: Shown = { kind: "none" };
const orGone = (ref: RecordRef | null): Shown => (ref ? { kind: "ref", ref } : { kind: "gone" });

export const text = (label: TranslationKey): FieldSpec<string> => ({
  label,
  show: (value) => (value.trim() ? { kind: "text", text: value } : NONE),
});
/** Dates stored as a day by the models and as an instant by whole rows: both are shown as the day. */
export const day = (label: TranslationKey): FieldSpec<string> => ({
  label,
  show: (value) => ({ kind: "day", value: value.slice(0, 10) }),
});
export const instant = (label: TranslationKey): FieldSpec<string> => ({
  label,
  show: (value) => ({ kind: "instant", value }),
});
export const number = (label: TranslationKey): FieldSpec<number> => ({
  label,
  show: (value) => ({ kind: "number", value }),
});
export const percent = (label: TranslationKey): FieldSpec<number> => ({
  label,
  show: (value) => ({ kind: "percent", value }),
});
export const money = (label: TranslationKey): FieldSpec<string> => ({
  label,
  show: (cents) => ({ kind: "money", cents }),
});
export const coded = (label: TranslationKey, group: LabelGroup): FieldSpec<string> => ({
  label,
  show: (code) => ({ kind: "label", group, code }),
});
export const rating = (label: TranslationKey, group: LabelGroup): FieldSpec<string> => ({
  label,
  show: (code) => ({ kind: "rating", group, code }),
});
export const yesNo = (label: TranslationKey): FieldSpec<boolean> => ({
  label,
  show: (value) => ({ kind: "bool", value }),
});
export const person = (label: TranslationKey): FieldSpec<string> => ({
  label,
  show: (id, names) => orGone(names.user(id)),
});
export const organization = (label: TranslationKey): FieldSpec<string> => ({
  label,
  show: (id, names) => orGone(names.organization(id)),
});
/** Evidence links: a list from the models, the column's JSON text in the seed's whole rows. */
export const links = (label: TranslationKey): FieldSpec<string | string[]> => ({
  label,
  show: (value) => {
    const urls = Array.isArray(value) ? value : parseLinks(value);
    return urls.length ? { kind: "links", urls } : NONE;
  },
});

/** Evidence files as the submission's event sealed them: shown by name and size. */
export const files = (
  label: TranslationKey,
): FieldSpec<Array<{ id: string; name: string; size: number; type: string; sha256: string }>> => ({
  label,
  show: (value) =>
    value.length ? { kind: "files", files: value.map(({ id, name, size }) => ({ id, name, size })) } : NONE,
});

function parseLinks(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((url): url is string => typeof url === "string") : [];
  } catch {
    return value.trim() ? [value] : [];
  }
}

function shown<V>(spec: FieldSpec<NonNullable<V>>, value: V | undefined, names: NameBook): Shown {
  return value === null || value === undefined ? NONE : spec.show(value, names);
}

/** The fields whose shown value differs between the two snapshots (every set field of a creation), in spec order. */
export function changesBetween<T extends object>(
  specs: FieldSpecs<T>,
  before: Partial<T> | null,
  after: Partial<T> | null,
  names: NameBook,
): Change[] {
  const changes: Change[] = [];
  const one = <K extends keyof T>(key: K) => {
    const spec = specs[key];
    if (!spec) return;
    const was = before ? shown(spec, before[key], names) : NONE;
    const now = after ? shown(spec, after[key], names) : NONE;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes.push({ label: spec.label, before: was, after: now });
  };
  for (const key of Object.keys(specs)) if (isKeyOf(specs, key)) one(key);
  return changes;
}

function isKeyOf<T extends object>(specs: FieldSpecs<T>, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(specs, key);
}

// ---- The fields of each kind of record -----------------------------------------------------------------------

type Snap<S extends z.ZodType> = z.infer<S>;

export const ORGANIZATION_FIELDS: FieldSpecs<Snap<typeof organizationSnapshot>> = {
  name: text("audit.fields.name"),
  nameRu: text("audit.fields.nameRu"),
  nameKk: text("audit.fields.nameKk"),
  code: text("audit.fields.code"),
  kind: coded("audit.fields.organizationKind", "common.orgKinds"),
};

export const USER_FIELDS: FieldSpecs<Snap<typeof userUpdateSnapshot>> = {
  name: text("audit.fields.name"),
  email: text("audit.fields.email"),
  role: coded("audit.fields.role", "common.roles"),
  organizationId: organization("audit.fields.organization"),
  locale: coded("audit.fields.language", "common.languages"),
  active: yesNo("audit.fields.active"),
  mustChangePassword: yesNo("audit.fields.mustChangePassword"),
  sessionsEnded: yesNo("audit.fields.sessionsEnded"),
};
/** The user snapshot without the admin-edit flag has the same labels. */
export const PLAIN_USER_FIELDS: FieldSpecs<Snap<typeof userSnapshot>> = USER_FIELDS;

export const FRAMEWORK_FIELDS: FieldSpecs<Snap<typeof frameworkSnapshot>> = {
  name: text("audit.fields.name"),
  nameRu: text("audit.fields.nameRu"),
  nameKk: text("audit.fields.nameKk"),
  code: text("audit.fields.code"),
  startDate: day("audit.fields.startDate"),
  endDate: day("audit.fields.endDate"),
  annualEnvelopeMinor: money("audit.fields.annualEnvelope"),
  description: text("audit.fields.description"),
};

export const PRIORITY_AREA_FIELDS: FieldSpecs<Snap<typeof priorityAreaSnapshot>> = {
  name: text("audit.fields.name"),
  nameRu: text("audit.fields.nameRu"),
  nameKk: text("audit.fields.nameKk"),
  code: text("audit.fields.code"),
  description: text("audit.fields.description"),
  sortOrder: number("audit.fields.position"),
};

export const PROJECT_FIELDS: FieldSpecs<Snap<typeof projectSnapshot>> = {
  name: text("projects.fields.name"),
  code: text("projects.fields.code"),
  status: coded("projects.fields.status", "domain.projectStatus"),
  institution: coded("projects.fields.institution", "domain.institution"),
  instrument: coded("projects.fields.instrument", "projects.instruments"),
  implementingAgencyId: organization("projects.fields.implementingAgency"),
  priorityAreaId: {
    label: "projects.fields.priorityArea",
    show: (id, names) => orGone(names.priorityArea(id)),
  },
  sectorCode: text("projects.fields.sectorCode"),
  approvalDate: day("projects.fields.approvalDate"),
  effectivenessDate: day("projects.fields.effectivenessDate"),
  mtrPlannedDate: day("projects.fields.mtrPlannedDate"),
  mtrActualDate: day("projects.fields.mtrActualDate"),
  closingOriginalDate: day("projects.fields.closingOriginalDate"),
  closingRevisedDate: day("projects.fields.closingRevisedDate"),
  commitmentMinor: money("projects.fields.commitment"),
  disbursedMinor: money("projects.fields.disbursed"),
  description: text("projects.fields.description"),
  narrative: text("projects.fields.narrative"),
  archivedAt: instant("audit.fields.archivedAt"),
};

export const MEMBER_FIELDS: FieldSpecs<Snap<typeof memberSnapshot>> = {
  userId: person("audit.fields.person"),
  capacity: coded("audit.fields.capacity", "projects.team.capacities"),
};

export const RATING_FIELDS: FieldSpecs<Snap<typeof ratingSnapshot>> = {
  ratedOn: day("audit.fields.ratedOn"),
  pdoRating: rating("audit.fields.pdoRating", "domain.rating"),
  ipRating: rating("audit.fields.ipRating", "domain.rating"),
  riskRating: rating("audit.fields.riskRating", "domain.risk"),
  justification: text("audit.fields.justification"),
};

export const MILESTONE_FIELDS: FieldSpecs<Snap<typeof milestoneSnapshot>> = {
  title: text("audit.fields.title"),
  status: coded("audit.fields.status", "domain.milestoneStatus"),
  percentComplete: percent("audit.fields.percentComplete"),
  baselineDueDate: day("audit.fields.baselineDueDate"),
  currentDueDate: day("audit.fields.dueDate"),
  completedOn: day("audit.fields.completedOn"),
  ownerId: person("audit.fields.owner"),
  description: text("audit.fields.description"),
};

export const MILESTONE_UPDATE_FIELDS: FieldSpecs<Snap<typeof milestoneUpdateSnapshot>> = {
  proposedStatus: coded("audit.fields.status", "domain.milestoneStatus"),
  proposedPercent: percent("audit.fields.percentComplete"),
  proposedDueDate: day("audit.fields.dueDate"),
  dueDateReason: text("audit.fields.dueDateReason"),
  narrative: text("audit.fields.narrative"),
  evidenceLinks: links("audit.fields.evidence"),
  evidenceFiles: files("evidence.history.files"),
  reviewState: coded("audit.fields.reviewState", "domain.reviewState"),
  reviewComment: text("audit.fields.reviewComment"),
};

export const INDICATOR_FIELDS: FieldSpecs<Snap<typeof indicatorSnapshot>> = {
  name: text("audit.fields.name"),
  code: text("audit.fields.code"),
  type: coded("audit.fields.indicatorType", "domain.indicatorType"),
  unit: text("audit.fields.unit"),
  measure: coded("audit.fields.measure", "domain.measure"),
  ascending: yesNo("audit.fields.higherIsBetter"),
  baselineValue: number("audit.fields.baselineValue"),
  baselineDate: day("audit.fields.baselineDate"),
  targetValue: number("audit.fields.targetValue"),
  targetDate: day("audit.fields.targetDate"),
  originalTargetValue: number("audit.fields.originalTargetValue"),
  targetRevisedOn: day("audit.fields.targetRevisedOn"),
  targetRevisionNote: text("audit.fields.targetRevisionNote"),
  targets: {
    label: "audit.fields.interimTargets",
    show: (targets) =>
      targets.length
        ? { kind: "targets", targets: targets.map((t) => ({ periodEnd: t.periodEnd.slice(0, 10), value: t.value })) }
        : NONE,
  },
  frequency: coded("audit.fields.frequency", "workflow.indicators.frequency"),
  dataSource: text("audit.fields.dataSource"),
  responsibleAgency: text("audit.fields.responsibleAgency"),
};

export const INDICATOR_VALUE_FIELDS: FieldSpecs<Snap<typeof indicatorValueSnapshot>> = {
  value: number("audit.fields.value"),
  comment: text("audit.fields.comment"),
  evidenceLinks: links("audit.fields.evidence"),
  evidenceFiles: files("evidence.history.files"),
  state: coded("audit.fields.valueState", "domain.valueState"),
  reviewComment: text("audit.fields.reviewComment"),
};
