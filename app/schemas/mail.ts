import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./auth";

/** Setting a password through an e-mail link (invitation or reset). The token comes from the URL, not the form. */
export const SetPasswordSchema = z
  .object({
    password: z
      .string("auth.password.tooShort")
      .min(MIN_PASSWORD_LENGTH, "auth.password.tooShort")
      .max(1024, "auth.login.tooLong"),
    confirmPassword: z.string("mail.pages.mismatch").max(1024, "auth.login.tooLong"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "mail.pages.mismatch" });
export type SetPasswordInput = z.infer<typeof SetPasswordSchema>;

export const ForgotPasswordSchema = z.object({
  email: z
    .string("auth.login.emailRequired")
    .trim()
    .min(1, "auth.login.emailRequired")
    .email("auth.login.emailInvalid")
    .max(254, "auth.login.tooLong"),
});
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordSchema>;
