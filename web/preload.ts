/**
 * At start, what the first page needs is asked at once, beside the session: its chunk,
 * and the contract its address names (every contract page shows it). Otherwise each
 * waits for the one before (session, then chunk, then data) before anything shows.
 */
import type { QueryClient } from "@tanstack/react-query";
import { matchRoutes } from "react-router";
import { contractQuery } from "./api/queries";
import { PAGES } from "./App";

const ROUTES = PAGES.map(([path]) => ({ path }));

export function preloadFor(pathname: string, queryClient: QueryClient): void {
  const match = matchRoutes(ROUTES, pathname)?.[0];
  if (!match) return;
  // A chunk that fails here fails again, visibly, when React asks for it.
  PAGES.find(([path]) => path === match.route.path)?.[1]
    .preload()
    .catch(() => undefined);
  const contractId = match.params.contractId;
  // Signed out, the request answers 401 and the sign-in page clears what it cached.
  if (contractId) void queryClient.prefetchQuery(contractQuery(contractId));
}
