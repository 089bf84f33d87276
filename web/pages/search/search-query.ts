/** The search of a contract (issue 15): its query and answer types, from the API's OpenAPI document. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/types";

export type SearchResult = ResponseOf<"/api/contracts/{contractId}/search", "get">;
export type SearchGroup = SearchResult["groups"][number];
export type SearchHit = SearchGroup["items"][number];

/** The server's bounds of a query (server/features/search/schema.ts). */
export const SEARCH_MIN = 2;
export const SEARCH_MAX = 200;

/** The same words as the server's field error, said before asking it. */
export function queryProblem(q: string): string | null {
  const trimmed = q.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length < SEARCH_MIN) return `Saisissez au moins ${SEARCH_MIN} caractères.`;
  if (trimmed.length > SEARCH_MAX) return `La recherche ne doit pas dépasser ${SEARCH_MAX} caractères.`;
  return null;
}

export const useContractSearch = (contractId: string, q: string) => {
  const trimmed = q.trim();
  return useQuery({
    queryKey: ["contracts", contractId, "search", trimmed],
    queryFn: ({ signal }) => api<SearchResult>(`/contracts/${encodeURIComponent(contractId)}/search?q=${encodeURIComponent(trimmed)}`, { signal }),
    enabled: trimmed.length >= SEARCH_MIN && trimmed.length <= SEARCH_MAX,
    placeholderData: keepPreviousData,
  });
};
