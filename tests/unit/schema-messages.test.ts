// Every message a shared form schema can produce is an i18n key that exists in English: the forms show
// `t(message)`, so a zod default ("Too big: expected string to have <=254 characters") would reach the user
// untranslated. Each schema is parsed with many kinds of bad input (missing fields, wrong types, too long, empty,
// wrong enum values, non-numbers) and every issue's message must resolve in app/i18n/locales/en.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "~/i18n/locales/en";
import * as admin from "~/schemas/admin";
import * as auth from "~/schemas/auth";
import * as indicator from "~/schemas/indicator";
import * as membership from "~/schemas/membership";
import * as milestone from "~/schemas/milestone";
import * as project from "~/schemas/project";
import * as rating from "~/schemas/rating";
import * as review from "~/schemas/review";
import * as sso from "~/schemas/sso";

function resolves(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

const current = { currentDueDate: "2026-06-30", targetValue: 10 };

/** Every schema whose messages a form shows (field errors) or an action returns to one. */
const SCHEMAS: Record<string, z.ZodType> = {
  "auth.LoginSchema": auth.LoginSchema,
  "auth.ChangePasswordSchema": auth.ChangePasswordSchema,
  "admin.CreateUserSchema": admin.CreateUserSchema,
  "admin.UpdateUserSchema": admin.UpdateUserSchema,
  "admin.SetActiveSchema": admin.SetActiveSchema,
  "admin.CreateOrganizationSchema": admin.CreateOrganizationSchema,
  "admin.UpdateOrganizationSchema": admin.UpdateOrganizationSchema,
  "admin.CreateFrameworkSchema": admin.CreateFrameworkSchema,
  "admin.UpdateFrameworkSchema": admin.UpdateFrameworkSchema,
  "admin.CreateAreaSchema": admin.CreateAreaSchema,
  "admin.UpdateAreaSchema": admin.UpdateAreaSchema,
  "admin.MoveAreaSchema": admin.MoveAreaSchema,
  "project.ProjectCreateSchema": project.ProjectCreateSchema,
  "project.ProjectEditSchema": project.ProjectEditSchema,
  "project.ArchiveProjectSchema": project.ArchiveProjectSchema,
  "project.ProjectListQuerySchema": project.ProjectListQuerySchema,
  "rating.RatingSchema": rating.RatingSchema,
  "membership.AddMemberSchema": membership.AddMemberSchema,
  "milestone.MilestoneCreateSchema": milestone.MilestoneCreateSchema,
  "milestone.milestoneEditSchema": milestone.milestoneEditSchema(current),
  "milestone.milestoneUpdateSchema": milestone.milestoneUpdateSchema(current),
  "indicator.IndicatorCreateSchema": indicator.IndicatorCreateSchema,
  "indicator.indicatorEditSchema": indicator.indicatorEditSchema(current),
  "indicator.indicatorValueSchema": indicator.indicatorValueSchema({
    frequency: "QUARTERLY",
    baselineDate: "2024-11-15",
    targetDate: "2030-06-30",
    today: "2026-12-01",
  }),
  "review.ReturnSchema": review.ReturnSchema,
  "review.BulkApproveSchema": review.BulkApproveSchema,
  "sso.AddSsoDomainSchema": sso.AddSsoDomainSchema,
  "sso.RemoveSsoDomainSchema": sso.RemoveSsoDomainSchema,
};

/** The field names a schema knows, found by parsing an empty object (every required field then complains). */
function fieldNames(schema: z.ZodType): string[] {
  const names = new Set<string>();
  const result = schema.safeParse({});
  if (!result.success)
    for (const issue of result.error.issues) if (typeof issue.path[0] === "string") names.add(issue.path[0]);
  if (schema instanceof z.ZodObject) for (const name of Object.keys(schema.shape)) names.add(name);
  return [...names];
}

function badInputs(fields: string[]): Array<[string, Record<string, unknown>]> {
  const every = (value: unknown) => Object.fromEntries(fields.map((f) => [f, value]));
  const inputs: Array<[string, Record<string, unknown>]> = [
    ["nothing posted", {}],
    ["empty strings", every("")],
    ["blanks", every("   ")],
    ["far too long", every("9".repeat(20_000))],
    ["far too long text", every("x".repeat(20_000))],
    ["not a value of any list", every("NOT-A-CHOICE")],
    ["not a number", every("twelve")],
    ["negative", every("-5")],
    ["zero", every("0")],
    ["huge number", every("1e400")],
    ["fraction", every("1.555")],
    ["a date far in the future", every("2999-12-31")],
    ["an impossible date", every("2026-02-30")],
  ];
  // One field wrong at a time, the others empty: reaches the checks that only run once earlier ones pass.
  for (const field of fields) {
    inputs.push([`${field} too long`, { ...every(""), [field]: "x".repeat(20_000) }]);
  }
  return inputs;
}

describe("every message a shared form schema produces is an English i18n key", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      // field: message → the first bad input that produced it
      const untranslated = new Map<string, string>();
      for (const [label, input] of badInputs(fieldNames(schema))) {
        const result = schema.safeParse(input);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          const key = `${issue.path.join(".") || "(form)"}: ${issue.message}`;
          if (!resolves(issue.message) && !untranslated.has(key)) untranslated.set(key, label);
        }
      }
      expect([...untranslated].map(([key, label]) => `${key} [${label}]`)).toEqual([]);
    });
  }
});
