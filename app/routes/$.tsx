import { useRouteError } from "@remix-run/react";
import { notFound } from "~/lib/http.server";
import { rootMeta } from "~/lib/meta";
import { ErrorPanel } from "~/root";

// An address no route knows. Without this catch-all Remix answers 404 before any loader runs, so the root loader
// never reads the user's language and the page would always be in English; matching it here lets the root loader
// run first and the "not found" page speak the reader's language (and show their menu).
export const meta = rootMeta;

export async function loader() {
  throw notFound();
}

export default function UnknownAddress() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
