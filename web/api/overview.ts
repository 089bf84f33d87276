/** Queries of the coordinator's views of a contract: COTECH table, dashboard, timeline (issue 5). */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { ResponseOf } from "./types";

export type CotechTable = ResponseOf<"/api/contracts/{contractId}/cotech-table", "get">;
export type CotechAxis = CotechTable["axes"][number];
export type CotechRow = CotechAxis["objectives"][number]["rows"][number];
export type FollowUpItem = CotechTable["transversal"][number];
export type Dashboard = ResponseOf<"/api/contracts/{contractId}/dashboard", "get">;
export type Timeline = ResponseOf<"/api/contracts/{contractId}/timeline", "get">;
export type TimelineRow = Timeline["rows"][number];

export const overviewKeys = {
  /** Under the contract's key: anything that refreshes a contract refreshes its views. */
  cotech: (contractId: string, year: number | null) => ["contracts", contractId, "cotech-table", year] as const,
  cotechAll: (contractId: string) => ["contracts", contractId, "cotech-table"] as const,
  dashboard: (contractId: string) => ["contracts", contractId, "dashboard"] as const,
  timeline: (contractId: string) => ["contracts", contractId, "timeline"] as const,
};

/** The table of a year; without a year, the server picks this year (within the contract's period). */
export const useCotechTable = (contractId: string, year: number | null) =>
  useQuery({
    queryKey: overviewKeys.cotech(contractId, year),
    queryFn: ({ signal }) => api<CotechTable>(`/contracts/${contractId}/cotech-table${year ? `?year=${year}` : ""}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useDashboard = (contractId: string) =>
  useQuery({ queryKey: overviewKeys.dashboard(contractId), queryFn: ({ signal }) => api<Dashboard>(`/contracts/${contractId}/dashboard`, { signal }) });

export const useTimeline = (contractId: string) =>
  useQuery({ queryKey: overviewKeys.timeline(contractId), queryFn: ({ signal }) => api<Timeline>(`/contracts/${contractId}/timeline`, { signal }) });

/**
 * After a change made from the table: the table is read again, and so is what
 * the fiche's own pages show (its follow-up, its status).
 */
export function useRefreshCotech(contractId: string) {
  const queryClient = useQueryClient();
  return async (actionId?: string) => {
    await queryClient.invalidateQueries({ queryKey: overviewKeys.cotechAll(contractId) });
    if (actionId) await queryClient.invalidateQueries({ queryKey: ["actions", actionId] });
    await queryClient.invalidateQueries({ queryKey: overviewKeys.dashboard(contractId) });
    await queryClient.invalidateQueries({ queryKey: overviewKeys.timeline(contractId) });
  };
}

/** Path of a fiche's « Suivi » page, at one of its parts (#avancement, #retroplanning…). */
export const followUpPath = (contractId: string, actionId: string, part = "") => `/contrats/${contractId}/fiches/${actionId}/suivi${part ? `#${part}` : ""}`;
