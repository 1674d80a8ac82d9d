import { z } from "zod";
import { isIsoDay } from "~/lib/dates";
import { MAX_USD_CENTS, parseUsdToCents } from "~/lib/money";
import { ORGANIZATION_KINDS, ROLES } from "~/lib/permissions";
import { idField, refineAcross } from "./fields";

/**
 * The administration forms, shared by the browser (react-hook-form + zodResolver) and the route actions.
 * Messages are i18n keys under `admin.errors`.
 */

export const ADMIN_LOCALES = ["en", "ru", "kk"] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

/** A stored locale as the user forms offer it; anything else (none is stored today) shows as English. */
export function toAdminLocale(value: string): AdminLocale {
  return ADMIN_LOCALES.find((locale) => locale === value) ?? "en";
}

/** For values a person does not type (hidden fields, the URL): a tampered or truncated request. */
const BAD_REQUEST = "common.errors.badRequest";
const id = idField;
export const adminVersionField = z.coerce
  .number("admin.errors.versionMissing")
  .int()
  .min(1, "admin.errors.versionMissing");
const name = z
  .string("admin.errors.nameRequired")
  .trim()
  .min(1, "admin.errors.nameRequired")
  .max(200, "admin.errors.tooLong");
/** Optional Russian / Kazakh form of a name (blank = show the English name). */
const translatedName = z.string(BAD_REQUEST).trim().max(200, "admin.errors.tooLong").default("");
const translatedNames = { nameRu: translatedName, nameKk: translatedName };
const description = z.string(BAD_REQUEST).trim().max(4000, "admin.errors.tooLong").default("");

const email = z
  .string("admin.errors.emailRequired")
  .trim()
  .toLowerCase()
  .min(1, "admin.errors.emailRequired")
  .max(254, "admin.errors.tooLong")
  .email("admin.errors.emailInvalid");
const role = z.enum(ROLES, "admin.errors.roleRequired");
const locale = z.enum(ADMIN_LOCALES, "admin.errors.localeRequired");
const organizationId = z
  .string("admin.errors.organizationRequired")
  .trim()
  .min(1, "admin.errors.organizationRequired")
  .max(64, "admin.errors.organizationRequired");

// ---- Users ----------------------------------------------------------------------------------------------

export const CreateUserSchema = z.object({ email, name, organizationId, role, locale });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.object({
  intent: z.literal("update", BAD_REQUEST),
  version: adminVersionField,
  name,
  organizationId,
  role,
  locale,
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const SetActiveSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"], BAD_REQUEST),
  version: adminVersionField,
});

export const UserIntentSchema = z.object({
  intent: z.enum(
    ["update", "deactivate", "reactivate", "sendResetLink", "resendInvitation", "revokeInvitation"],
    BAD_REQUEST,
  ),
});

/** The users list filters (URL). */
export const UserFilterSchema = z.object({
  organizationId: id.optional(),
  role: role.optional(),
  active: z.enum(["true", "false"], BAD_REQUEST).optional(),
  q: z.string(BAD_REQUEST).trim().max(100, BAD_REQUEST).optional(),
  page: z.coerce.number(BAD_REQUEST).int(BAD_REQUEST).min(1, BAD_REQUEST).max(100_000, BAD_REQUEST).optional(),
});

// ---- Organisations --------------------------------------------------------------------------------------

const code = z
  .string("admin.errors.codeRequired")
  .trim()
  .toUpperCase()
  .min(1, "admin.errors.codeRequired")
  .max(32, "admin.errors.tooLong")
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, "admin.errors.codeInvalid");

const organizationFields = {
  code,
  name,
  ...translatedNames,
  kind: z.enum(ORGANIZATION_KINDS, "admin.errors.kindRequired"),
};

export const CreateOrganizationSchema = z.object({ intent: z.literal("create", BAD_REQUEST), ...organizationFields });
export const UpdateOrganizationSchema = z.object({
  intent: z.literal("update", BAD_REQUEST),
  id,
  version: adminVersionField,
  ...organizationFields,
});
export type OrganizationInput = z.infer<typeof CreateOrganizationSchema>;
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationSchema>;
export const OrganizationIntentSchema = z.object({ intent: z.enum(["create", "update"], BAD_REQUEST) });

// ---- Frameworks and priority areas ----------------------------------------------------------------------

const day = z.string("admin.errors.dateRequired").trim().refine(isIsoDay, "admin.errors.dateInvalid");
const usd = z
  .string("admin.errors.amountInvalid")
  .trim()
  .refine((v) => parseUsdToCents(v) !== null, "admin.errors.amountInvalid")
  .refine((v) => (parseUsdToCents(v) ?? 0n) <= MAX_USD_CENTS, "admin.errors.amountTooLarge");

const frameworkFields = {
  code,
  name,
  ...translatedNames,
  startDate: day,
  endDate: day,
  /** US dollars as typed ("1,000,000,000"); converted to BigInt cents on the server. */
  annualEnvelopeUsd: usd,
  description,
};
const endAfterStart = (v: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) => {
  if (v.startDate && v.endDate && v.endDate <= v.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "admin.errors.endBeforeStart" });
};

export const CreateFrameworkSchema = refineAcross(
  z.object({ intent: z.literal("createFramework", BAD_REQUEST), ...frameworkFields }),
  endAfterStart,
);
export const UpdateFrameworkSchema = refineAcross(
  z.object({ intent: z.literal("updateFramework", BAD_REQUEST), id, version: adminVersionField, ...frameworkFields }),
  endAfterStart,
);
export type FrameworkInput = z.infer<typeof CreateFrameworkSchema>;
export type UpdateFrameworkInput = z.infer<typeof UpdateFrameworkSchema>;

const areaFields = { code, name, ...translatedNames, description };
export const CreateAreaSchema = z.object({
  intent: z.literal("createArea", BAD_REQUEST),
  frameworkId: id,
  ...areaFields,
});
export const UpdateAreaSchema = z.object({
  intent: z.literal("updateArea", BAD_REQUEST),
  id,
  version: adminVersionField,
  ...areaFields,
});
export const MoveAreaSchema = z.object({
  intent: z.literal("moveArea", BAD_REQUEST),
  id,
  version: adminVersionField,
  direction: z.enum(["up", "down"], BAD_REQUEST),
});
export type AreaInput = z.infer<typeof CreateAreaSchema>;
export type UpdateAreaInput = z.infer<typeof UpdateAreaSchema>;
export const FrameworkIntentSchema = z.object({
  intent: z.enum(["createFramework", "updateFramework", "createArea", "updateArea", "moveArea"], BAD_REQUEST),
});
