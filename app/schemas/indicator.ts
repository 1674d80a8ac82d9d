import { z } from "zod";
import {
  evidenceLinksField,
  isoDay,
  optionalIsoDay,
  optionalNumber,
  optionalText,
  refineAcross,
  requiredNumber,
  versionField,
} from "./fields";
import { parsePeriodKey, periodRefusal, type PeriodRules } from "~/lib/periods";

/** Indicator (KPI) forms, shared by the browser and the route actions. Messages are i18n keys. */

export const INDICATOR_TYPES = ["PDO", "INTERMEDIATE"] as const;
export const INDICATOR_MEASURES = ["UNIT", "PERCENTAGE", "QUALITATIVE"] as const;
/**
 * Reporting frequencies, the ONE list: the form, the schema, the labels (workflow.indicators.frequency.* and
 * portfolio.frequency.*), the seed and "who hasn't reported" (app/models/reporting.server.ts) all use these codes.
 */
export const INDICATOR_FREQUENCIES = ["MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];
/** The length of one reporting period, in months (periods are aligned on the calendar year). */
export const FREQUENCY_MONTHS: Record<IndicatorFrequency, number> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  SEMI_ANNUAL: 6,
  ANNUAL: 12,
};
export function isIndicatorFrequency(value: unknown): value is IndicatorFrequency {
  return typeof value === "string" && (INDICATOR_FREQUENCIES as readonly string[]).includes(value);
}

const code = z
  .string("workflow.errors.codeRequired")
  .trim()
  .min(1, "workflow.errors.codeRequired")
  .max(32, "workflow.errors.tooLong")
  .regex(/^[A-Za-z0-9._-]+$/, "workflow.errors.codeInvalid");
const name = z
  .string("workflow.errors.nameRequired")
  .trim()
  .min(1, "workflow.errors.nameRequired")
  .max(300, "workflow.errors.tooLong");
const unit = z
  .string("workflow.errors.unitRequired")
  .trim()
  .min(1, "workflow.errors.unitRequired")
  .max(60, "workflow.errors.tooLong");
const ascending = z.preprocess(
  (v) => (v === "true" || v === true ? true : v === "false" || v === false ? false : v),
  z.boolean("workflow.errors.directionRequired"),
);

/** Interim targets as react-hook-form holds them: targets.0.periodEnd, targets.0.value, ... */
const targetRow = z.object({ periodEnd: isoDay(), value: requiredNumber() }, "common.errors.badRequest");

/**
 * A plain HTML form posts `targets.0.periodEnd` etc. as flat keys; the browser-side form already holds
 * nested arrays. Nest the flat keys so both reach the same schema.
 */
export function nestTargets(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  if (Array.isArray(input.targets)) return raw;
  const rows: Record<string, Record<string, unknown>>[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const match = /^targets\.(\d{1,3})\.(periodEnd|value)$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const index = Number(match[1]);
    (rows[index] ??= {})[match[2]] = value as never;
  }
  out.targets = rows.filter(Boolean);
  return out;
}

const fields = {
  name,
  type: z.enum(INDICATOR_TYPES, "workflow.errors.typeRequired"),
  unit,
  measure: z.enum(INDICATOR_MEASURES, "workflow.errors.measureRequired"),
  ascending,
  baselineValue: optionalNumber(),
  baselineDate: optionalIsoDay(),
  targetValue: optionalNumber(),
  targetDate: optionalIsoDay(),
  frequency: z.enum(INDICATOR_FREQUENCIES, "workflow.errors.frequencyRequired"),
  dataSource: optionalText(300),
  responsibleAgency: optionalText(300),
  targets: z
    .array(targetRow, "common.errors.badRequest")
    .max(40, "workflow.errors.tooManyTargets")
    .optional()
    .default([]),
};

/** What the cross-field rules read: any field may be missing (it failed, and shows its own error). */
type IndicatorFields = {
  baselineValue?: number;
  baselineDate?: string;
  targetValue?: number;
  targetDate?: string;
  ascending?: boolean;
  targets?: { periodEnd: string }[];
};

function checkIndicator(v: IndicatorFields, ctx: z.RefinementCtx) {
  if (v.baselineDate && v.targetDate && v.targetDate <= v.baselineDate) {
    ctx.addIssue({ code: "custom", path: ["targetDate"], message: "workflow.errors.targetBeforeBaseline" });
  }
  if (v.baselineValue !== undefined && v.targetValue !== undefined && v.baselineValue !== v.targetValue) {
    const goesUp = v.targetValue > v.baselineValue;
    if (v.ascending !== undefined && goesUp !== v.ascending)
      ctx.addIssue({ code: "custom", path: ["ascending"], message: "workflow.errors.directionMismatch" });
  }
  const seen = new Set<string>();
  (v.targets ?? []).forEach((row, index) => {
    if (seen.has(row.periodEnd)) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", index, "periodEnd"],
        message: "workflow.errors.duplicatePeriod",
      });
    }
    seen.add(row.periodEnd);
  });
}

export const IndicatorCreateSchema = z.preprocess(
  nestTargets,
  refineAcross(z.object({ code, ...fields }), checkIndicator),
);
export type IndicatorCreateData = z.infer<typeof IndicatorCreateSchema>;

/**
 * Editing an indicator. Changing an end target that is already set is a formal revision: it needs a note, and
 * the model keeps the original target (set once, never overwritten by later revisions).
 */
export function indicatorEditSchema(current: { targetValue: number | null }) {
  return z.preprocess(
    nestTargets,
    refineAcross(z.object({ version: versionField, ...fields, revisionNote: optionalText(2000) }), (v, ctx) => {
      checkIndicator(v, ctx);
      // "targetValue" failed to parse: it shows its own error, so the rules about it wait.
      if (current.targetValue !== null && !ctx.issues.some((issue) => issue.path?.[0] === "targetValue")) {
        if (v.targetValue === undefined) {
          ctx.addIssue({ code: "custom", path: ["targetValue"], message: "workflow.errors.targetRequiredOnceSet" });
        } else if (v.targetValue !== current.targetValue && !v.revisionNote) {
          ctx.addIssue({ code: "custom", path: ["revisionNote"], message: "workflow.errors.revisionNoteRequired" });
        }
      }
    }),
  );
}
export type IndicatorEditData = z.infer<ReturnType<typeof indicatorEditSchema>>;

/**
 * The reporting period: a key from the list the form offers ("2026-Q3"), checked against the same rules the
 * list is built from (frequency, not ended yet, before the baseline, after the end target); the parsed value is
 * the period with its first and last day.
 */
export function periodField(rules: PeriodRules) {
  return z
    .string("forms.period.required")
    .trim()
    .min(1, "forms.period.required")
    .transform((key, ctx) => {
      const period = parsePeriodKey(rules.frequency, key);
      if (!period) {
        ctx.addIssue({ code: "custom", message: "forms.period.invalid" });
        return z.NEVER;
      }
      const refusal = periodRefusal(period, rules);
      if (refusal) {
        ctx.addIssue({ code: "custom", message: `forms.period.${refusal}` });
        return z.NEVER;
      }
      return period;
    });
}

/**
 * An officer reports one value for one period of the indicator. `rules.today` is the server's day in the action;
 * the browser checks against the day the loader sent, so both speak of the same day.
 */
export function indicatorValueSchema(rules: PeriodRules) {
  return z.object({
    period: periodField(rules),
    value: requiredNumber(),
    comment: optionalText(4000),
    evidenceLinks: evidenceLinksField,
  });
}
export type IndicatorValueData = z.infer<ReturnType<typeof indicatorValueSchema>>;

/** The period rules of an indicator as loaders hold it (dates as ISO strings, frequency as a stored code). */
export function periodRulesOf(
  indicator: { frequency: string; baselineDate: string | null; targetDate: string | null },
  today: string,
): PeriodRules {
  return {
    frequency: isIndicatorFrequency(indicator.frequency) ? indicator.frequency : "ANNUAL",
    baselineDate: indicator.baselineDate ? indicator.baselineDate.slice(0, 10) : null,
    targetDate: indicator.targetDate ? indicator.targetDate.slice(0, 10) : null,
    today,
  };
}

export const IndicatorIntentSchema = z.enum(["edit", "report", "verify", "return"], "common.errors.badRequest");

export type IndicatorForm = {
  code?: string;
  version?: string;
  name: string;
  type: string;
  unit: string;
  measure: string;
  ascending: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  frequency: string;
  dataSource: string;
  responsibleAgency: string;
  revisionNote?: string;
  targets: { periodEnd: string; value: string }[];
};
export type IndicatorValueForm = {
  period: string;
  value: string;
  comment: string;
  evidenceLinks: string;
};
