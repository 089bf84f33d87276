/**
 * At start, what the first page needs is asked at once, beside the session: its chunk,
 * the contract its address names (every contract page shows it), the contracts of the
 * user menu, and the page's own first data where known. Otherwise each waits for the one
 * before (session, then chunk, then data) before anything shows.
 */
import type { QueryClient } from "@tanstack/react-query";
import { matchRoutes } from "react-router";
import { sessionQuery } from "./api/accounts";
import { actionsQuery, contractQuery, contractsQuery } from "./api/queries";
import { PAGES } from "./App";
import { isPublicPath } from "./components/AuthGate";

const ROUTES = PAGES.map(([path]) => ({ path }));

/** A page's own first data, by route, asked with its chunk (the same query options the page uses). */
const PAGE_DATA: Record<string, (params: Record<string, string | undefined>, queryClient: QueryClient) => void> = {
  "/contrats/:contractId": ({ contractId }, queryClient) => void queryClient.prefetchQuery(actionsQuery(contractId!, {})),
};

export function preloadFor(pathname: string, queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQuery);
  if (isPublicPath(pathname)) return;
  // Signed out, these answer 401 and the sign-in page clears what they cached.
  void queryClient.prefetchQuery(contractsQuery());
  const match = matchRoutes(ROUTES, pathname)?.[0];
  if (!match) return;
  // A chunk that fails here fails again, visibly, when React asks for it.
  PAGES.find(([path]) => path === match.route.path)?.[1]
    .preload()
    .catch(() => undefined);
  const contractId = match.params.contractId;
  if (contractId) void queryClient.prefetchQuery(contractQuery(contractId));
  PAGE_DATA[match.route.path!]?.(match.params, queryClient);
}
