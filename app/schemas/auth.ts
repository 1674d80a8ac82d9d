import { z } from "zod";
import { refineAcross } from "./fields";

/** Messages are i18n keys: the form translates them, on the client and when the server returns them. */
export const LoginSchema = z.object({
  email: z
    .string("auth.login.emailRequired")
    .trim()
    .min(1, "auth.login.emailRequired")
    .email("auth.login.emailInvalid")
    .max(254, "auth.login.tooLong"),
  password: z
    .string("auth.login.passwordRequired")
    .min(1, "auth.login.passwordRequired")
    .max(1024, "auth.login.tooLong"),
  redirectTo: z.string("common.errors.badRequest").optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const MIN_PASSWORD_LENGTH = 12;

export const ChangePasswordSchema = refineAcross(
  z.object({
    currentPassword: z
      .string("auth.login.passwordRequired")
      .min(1, "auth.login.passwordRequired")
      .max(1024, "auth.login.tooLong"),
    newPassword: z
      .string("auth.password.tooShort")
      .min(MIN_PASSWORD_LENGTH, "auth.password.tooShort")
      .max(1024, "auth.login.tooLong"),
    confirmPassword: z.string("auth.password.mismatch").max(1024, "auth.login.tooLong"),
  }),
  (v, ctx) => {
    if (v.newPassword !== undefined && v.confirmPassword !== undefined && v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth.password.mismatch" });
    if (v.newPassword !== undefined && v.newPassword === v.currentPassword)
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "auth.password.sameAsOld" });
  },
);
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;
