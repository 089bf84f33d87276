import { useQuery } from "@tanstack/react-query";
import type { ActionFilters } from "../../server/features/actions/filters";
import type { ActionListItem, ActionView } from "../../server/features/actions/queries";
import type { ContractSummary, ContractView } from "../../server/features/contracts/queries";
import type { ShownStatus } from "../../server/features/monitoring/rules";
import type { actionPermissions, contractPermissions } from "../../server/policies/index";
import { api } from "./client";

/** JSON turns dates into strings on the way. */
export type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** A contract with what the signed-in person may do on it (decided by the server). */
export type Contract = Json<ContractView> & { permissions: ReturnType<typeof contractPermissions> };
export type Action = Json<ActionView> & { permissions: ReturnType<typeof actionPermissions> };
/** A fiche of the list, with the status people see (« En retard », « Fusionnée »). */
export type ActionItem = Json<ActionListItem> & { shownStatus: ShownStatus; shownStatusLabel: string };
export interface ActionList {
  items: ActionItem[];
  total: number;
  sort: string;
  facets: { leads: { id: string; name: string; shortName: string | null }[]; themes: string[] };
}

export const keys = {
  contracts: ["contracts"] as const,
  contract: (id: string) => ["contracts", id] as const,
  actions: (contractId: string, filters: ActionFilters) => ["contracts", contractId, "actions", filters] as const,
  action: (id: string) => ["actions", id] as const,
};

export const useContracts = (enabled = true) =>
  useQuery({ enabled, queryKey: keys.contracts, queryFn: ({ signal }) => api<{ items: Json<ContractSummary>[]; permissions: { create: boolean; import: boolean } }>("/contracts", { signal }) });

export const useContract = (id: string) =>
  useQuery({ queryKey: keys.contract(id), queryFn: ({ signal }) => api<Contract>(`/contracts/${id}`, { signal }) });

export const useActions = (contractId: string, filters: ActionFilters) =>
  useQuery({
    queryKey: keys.actions(contractId, filters),
    queryFn: ({ signal }) => api<ActionList>(`/contracts/${contractId}/actions?${new URLSearchParams(filters as Record<string, string>)}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useAction = (id: string) =>
  useQuery({ queryKey: keys.action(id), queryFn: ({ signal }) => api<Action>(`/actions/${id}`, { signal }) });
