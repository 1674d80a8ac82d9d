import { z } from "zod";
import { addDays, isIsoDay, todayIsoDay } from "~/lib/dates";

export const PERFORMANCE_RATINGS = ["HS", "S", "MS", "MU", "U", "HU"] as const;
export const RISK_RATINGS = ["H", "S", "M", "L"] as const;
export const MIN_JUSTIFICATION_LENGTH = 30;

/**
 * The latest date a rating may carry: the UTC day AFTER today. Dates are days without a time zone, and the
 * check runs against the UTC clock, but users east of UTC (Kazakhstan is UTC+5) are already on the next day
 * between their midnight and 05:00: a rating dated their today must not be refused as "in the future". A one-day
 * tolerance covers every zone up to UTC+14; it lets a user west of UTC date a rating one day ahead, which is harmless.
 */
export function latestRatingDay(now: Date = new Date()): string {
  return addDays(todayIsoDay(now), 1);
}

/** An ISR-style rating: PDO and implementation progress (HS..HU), overall risk (H/S/M/L), with a justification. */
export const RatingSchema = z.object({
  ratedOn: z
    .string("projects.errors.dateInvalid")
    .trim()
    .refine(isIsoDay, "projects.errors.dateInvalid")
    // Compared when the form is checked (client) and again when it is saved (server), each against its own clock;
    // up to the UTC day after today, for time zones east of UTC (see latestRatingDay).
    .refine((v) => v <= latestRatingDay(), "projects.ratings.errors.future"),
  pdoRating: z.enum(PERFORMANCE_RATINGS, { message: "projects.ratings.errors.ratingRequired" }),
  ipRating: z.enum(PERFORMANCE_RATINGS, { message: "projects.ratings.errors.ratingRequired" }),
  riskRating: z.enum(RISK_RATINGS, { message: "projects.ratings.errors.riskRequired" }),
  justification: z
    .string("projects.ratings.errors.justificationTooShort")
    .trim()
    .min(MIN_JUSTIFICATION_LENGTH, "projects.ratings.errors.justificationTooShort")
    .max(4000, "projects.errors.textTooLong"),
});
export type RatingFormValues = z.input<typeof RatingSchema>;
export type RatingInput = z.output<typeof RatingSchema>;
