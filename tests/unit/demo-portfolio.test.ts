// Properties of the demo portfolio itself that the app's forms and rules must accept. The other unit tests build
// their own records; these load the whole demo seed because the demo data is what they check.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { toProjectFormValues } from "~/models/project/form.server";
import { ProjectEditSchema } from "~/schemas/project";
import { seedDatabase } from "../../prisma/seed";

beforeAll(async () => {
  await seedDatabase(db);
}, 120_000);

describe("the demo portfolio", () => {
  it("every seeded project can be saved back unchanged (the form's rules accept the demo data)", async () => {
    for (const row of await db.project.findMany()) {
      const result = ProjectEditSchema.safeParse(toProjectFormValues(row));
      expect(result.success, `${row.code}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });
});
