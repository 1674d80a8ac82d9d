import { LOCALIZED_NAME_SELECT } from "~/lib/localized-name";

/** Frameworks with their priority areas, in the order the list filters and the project form offer them. */
export const FRAMEWORKS_WITH_AREAS = {
  orderBy: { startDate: "desc" as const },
  select: {
    id: true,
    code: true,
    ...LOCALIZED_NAME_SELECT,
    priorityAreas: {
      orderBy: { sortOrder: "asc" as const },
      select: { id: true, code: true, ...LOCALIZED_NAME_SELECT },
    },
  },
};

/** A project's latest rating (the newest day; the last recorded of that day). */
export const LATEST_RATING = {
  orderBy: [{ ratedOn: "desc" as const }, { createdAt: "desc" as const }],
  take: 1,
  select: { pdoRating: true, ipRating: true, riskRating: true, ratedOn: true },
};
