import { useEffect, useState } from "react";

/**
 * JSON read from `url` once `wanted` first turns true, and kept while the page stays: History's details and stored
 * records are fetched when opened, not sent with every page.
 */
export function useOnDemand<T>(url: string, wanted: boolean): T | "loading" | "failed" {
  const [state, setState] = useState<T | "loading" | "failed">("loading");
  const fetching = wanted && state === "loading";
  useEffect(() => {
    if (!fetching) return;
    let current = true;
    fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<T>) : Promise.reject(response.status)))
      .then(
        (value) => current && setState(value),
        () => current && setState("failed"),
      );
    return () => {
      current = false;
    };
  }, [url, fetching]);
  return state;
}
