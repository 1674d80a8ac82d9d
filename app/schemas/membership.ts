import { z } from "zod";

/** The part a person plays on a project's team. */
export const MEMBER_CAPACITIES = ["TASK_TEAM_LEADER", "PROJECT_OFFICER", "FOCAL_POINT", "REVIEWER"] as const;
export type MemberCapacity = (typeof MEMBER_CAPACITIES)[number];

const id = z
  .string("projects.team.errors.userRequired")
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "projects.team.errors.userRequired");

export const AddMemberSchema = z.object({
  userId: id,
  capacity: z.enum(MEMBER_CAPACITIES, { message: "projects.team.errors.capacityRequired" }),
});
export type AddMemberValues = z.input<typeof AddMemberSchema>;

export const RemoveMemberSchema = z.object({
  memberId: z
    .string("common.errors.badRequest")
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "common.errors.badRequest"),
});

export const TeamIntentSchema = z.enum(["add", "remove"], "common.errors.badRequest");
