import { z } from "zod";
import { idField } from "./fields";

/** The Organisations page's single sign-on forms; messages are i18n keys under `sso.errors`. */

const BAD_REQUEST = "common.errors.badRequest";

/** A domain as people type it ("@WorldBank.org ", "worldbank.org"), stored lower-case without "@". */
const domain = z
  .string("sso.errors.domainRequired")
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .min(1, "sso.errors.domainRequired")
      .max(253, "sso.errors.domainInvalid")
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "sso.errors.domainInvalid"),
  );

export const AddSsoDomainSchema = z.object({
  intent: z.literal("addSsoDomain", BAD_REQUEST),
  domain,
  organizationId: z
    .string("sso.errors.organizationRequired")
    .trim()
    .min(1, "sso.errors.organizationRequired")
    .max(64, BAD_REQUEST),
});
export type AddSsoDomainInput = z.infer<typeof AddSsoDomainSchema>;

export const RemoveSsoDomainSchema = z.object({
  intent: z.literal("removeSsoDomain", BAD_REQUEST),
  id: idField,
});

export const SSO_DOMAIN_INTENTS = ["addSsoDomain", "removeSsoDomain"] as const;
