import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/projects.$projectId";

/** The project layout's data (header fields) for its child routes. */
export function useProjectLayoutData() {
  return useRouteLoaderData<typeof loader>("routes/projects.$projectId");
}
