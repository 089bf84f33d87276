/** Queries of the territory pages (issue 15, item 5): the scope picker, the overview, the comparison; and the addresses of the exports. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/types";

export type TerritoryScope = ResponseOf<"/api/territories/scope", "get">;
export type Overview = ResponseOf<"/api/territories/overview", "get">;
export type ContractRow = Overview["contracts"]["items"][number];
export type Comparison = ResponseOf<"/api/territories/compare", "get">;

/** The keys of the overview's address that the API reads: the scope, the filters, then the page and order. */
export const SCOPE_KEYS = ["departement", "region"] as const;
export const FILTER_KEYS = ["theme", "determinant", "prsCode", "status", "year", "from", "to"] as const;
export const PAGE_KEYS = ["sort", "order", "page"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The query string of the API for these keys of the page's address (empty values left out). */
export function apiQuery(params: URLSearchParams, keys: readonly string[]): string {
  const out = new URLSearchParams();
  for (const key of keys) for (const value of params.getAll(key)) if (value.trim()) out.append(key, value.trim());
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The overview's query: scope, filters and page. */
export const overviewQuery = (params: URLSearchParams) => apiQuery(params, [...SCOPE_KEYS, ...FILTER_KEYS, ...PAGE_KEYS]);
/** The exports' query: scope and filters (every contract, every fiche: no page). */
export const exportQuery = (params: URLSearchParams) => apiQuery(params, [...SCOPE_KEYS, ...FILTER_KEYS]);

/** The comparison's address for these contracts. */
export const compareLink = (ids: readonly string[]) => `/territoire/comparer?contracts=${ids.join(",")}`;

/** The contracts of the comparison's address (comma-separated or repeated). */
export const comparedIds = (params: URLSearchParams): string[] => params.getAll("contracts").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

export const territoryKeys = {
  scope: ["territories", "scope"] as const,
  overview: (query: string) => ["territories", "overview", query] as const,
  compare: (ids: string) => ["territories", "compare", ids] as const,
};

/** The territories the person may read (none for a person who is neither ARS nor admin). */
export const useTerritoryScope = () => useQuery({ queryKey: territoryKeys.scope, queryFn: ({ signal }) => api<TerritoryScope>("/territories/scope", { signal }), staleTime: 60_000 });

export const useOverview = (query: string, enabled: boolean) =>
  useQuery({
    queryKey: territoryKeys.overview(query),
    queryFn: ({ signal }) => api<Overview>(`/territories/overview${query}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useComparison = (ids: readonly string[]) =>
  useQuery({
    queryKey: territoryKeys.compare(ids.join(",")),
    queryFn: ({ signal }) => api<Comparison>(`/territories/compare?contracts=${ids.join(",")}`, { signal }),
    enabled: ids.length > 0,
    retry: false,
  });

/** « 45 % », or « — » when there is nothing to count. */
export const percent = (share: number | null): string => (share === null ? "—" : `${Math.round(share * 100)} %`);

/** « 1 200 € ». */
