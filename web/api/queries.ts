import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ActionFilters } from "../../server/features/actions/filters";
import { api } from "./client";
import type { ResponseOf } from "./types";

/** A contract with what the signed-in person may do on it (decided by the server). */
export type Contract = ResponseOf<"/api/contracts/{contractId}", "get">;
/** A whole fiche with its shown status, merge links and what the signed-in person may do on it. */
export type Action = ResponseOf<"/api/actions/{actionId}", "get">;
export type ActionList = ResponseOf<"/api/contracts/{contractId}/actions", "get">;
/** A fiche of the list, with the status people see (« En retard », « Fusionnée »). */
export type ActionItem = ActionList["items"][number];

export const keys = {
  contracts: ["contracts"] as const,
  contract: (id: string) => ["contracts", id] as const,
  actions: (contractId: string, filters: ActionFilters) => ["contracts", contractId, "actions", filters] as const,
  action: (id: string) => ["actions", id] as const,
};

/** A page of the contracts the signed-in person may read. */
export type ContractPage = ResponseOf<"/api/contracts", "get">;

/** A page of the contracts (the first by default), searched by `q`. The first is also asked at start (web/preload.ts). */
export const contractsQuery = (params: { q?: string; page?: number } = {}) =>
  queryOptions({
    queryKey: [...keys.contracts, "list", params] as const,
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      if (params.q) search.set("q", params.q);
      if (params.page && params.page > 1) search.set("page", String(params.page));
      return api<ContractPage>(`/contracts${search.size ? `?${search}` : ""}`, { signal });
    },
  });
export const useContracts = (enabled = true, params: { q?: string; page?: number } = {}) =>
  useQuery({ ...contractsQuery(params), enabled, placeholderData: (previous) => previous });

/** A contract's page data (also prefetched at start when the address names a contract: web/preload.ts). */
export const contractQuery = (id: string) =>
  // No id (the creation page): nothing to ask, rather than a 400 from `/contracts/`.
  queryOptions({ queryKey: keys.contract(id), queryFn: ({ signal }) => api<Contract>(`/contracts/${id}`, { signal }), enabled: id !== "" });
export const useContract = (id: string) => useQuery(contractQuery(id));

/** A contract's fiches, filtered (the unfiltered list is also asked at start on the contract page: web/preload.ts). */
export const actionsQuery = (contractId: string, filters: ActionFilters) =>
  queryOptions({
    queryKey: keys.actions(contractId, filters),
    queryFn: ({ signal }) => api<ActionList>(`/contracts/${contractId}/actions?${new URLSearchParams(filters as Record<string, string>)}`, { signal }),
  });
export const useActions = (contractId: string, filters: ActionFilters) => useQuery({ ...actionsQuery(contractId, filters), placeholderData: (previous) => previous });

export const useAction = (id: string) =>
  useQuery({ queryKey: keys.action(id), queryFn: ({ signal }) => api<Action>(`/actions/${id}`, { signal }), enabled: id !== "" });
