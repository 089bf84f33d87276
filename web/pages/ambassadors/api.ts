/**
 * Queries of the health ambassadors' page (issue 14, item 7): the network in numbers (every
 * reader), the roster (the coordination only: residents' personal data), trainings,
 * activities, and one count recorded as a measurement of a fiche's indicator.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { BodyOf, ItemOf, ResponseOf } from "../../api/types";
import { periodQuery, type Period } from "./drafts";

export type Network = ResponseOf<"/api/contracts/{contractId}/ambassador-network", "get">;
export type NetworkArea = Network["areas"][number];
export type Training = Network["trainings"][number];
export type Activity = Network["activities"][number];
export type Roster = ResponseOf<"/api/contracts/{contractId}/ambassadors", "get">;
export type Ambassador = ItemOf<Roster>;
export type AmbassadorInput = BodyOf<"/api/contracts/{contractId}/ambassadors", "post">;
export type AmbassadorUpdate = BodyOf<"/api/ambassadors/{ambassadorId}", "put">;
export type TrainingInput = BodyOf<"/api/contracts/{contractId}/ambassador-trainings", "post">;
export type ActivityInput = BodyOf<"/api/contracts/{contractId}/ambassador-activities", "post">;
export type MeasurementRequest = BodyOf<"/api/contracts/{contractId}/ambassador-measurements", "post">;
export type MeasurementRecorded = ResponseOf<"/api/contracts/{contractId}/ambassador-measurements", "post">;
export type MeasureKey = MeasurementRequest["measure"];

export const ambassadorKeys = {
  all: (contractId: string) => ["contracts", contractId, "ambassadors"] as const,
  network: (contractId: string, period: Period) => ["contracts", contractId, "ambassadors", "network", period.from, period.to] as const,
  roster: (contractId: string) => ["contracts", contractId, "ambassadors", "roster"] as const,
};

/** The network over a period (empty ends: since the beginning, until today). */
export const useNetwork = (contractId: string, period: Period, enabled = true) =>
  useQuery({
    enabled,
    queryKey: ambassadorKeys.network(contractId, period),
    queryFn: ({ signal }) => api<Network>(`/contracts/${contractId}/ambassador-network${periodQuery(period)}`, { signal }),
    placeholderData: (previous) => previous,
  });

/** The roster: asked only by those who may read residents' data. */
export const useRoster = (contractId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: ambassadorKeys.roster(contractId), queryFn: ({ signal }) => api<Roster>(`/contracts/${contractId}/ambassadors`, { signal }) });

/** Every change moves counts: the network and the roster are read again. */
function useRefresh(contractId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ambassadorKeys.all(contractId) });
}

/** Adds a person (POST, with their consent) or changes their record (PUT, with the version read). */
export function useSaveAmbassador(contractId: string, existing?: { id: string; version: number }) {
  const refresh = useRefresh(contractId);
  return useMutation({
    mutationFn: (body: AmbassadorInput) => {
      if (!existing) return api<Ambassador>(`/contracts/${contractId}/ambassadors`, { method: "POST", body });
      const { consent: _consent, ...fields } = body;
      return api<Ambassador>(`/ambassadors/${existing.id}`, { method: "PUT", body: { ...fields, version: existing.version } satisfies AmbassadorUpdate });
    },
    onSuccess: () => refresh(),
  });
}

export function useEraseAmbassador(contractId: string) {
  const refresh = useRefresh(contractId);
  return useMutation({ mutationFn: (id: string) => api<void>(`/ambassadors/${id}`, { method: "DELETE" }), onSuccess: () => refresh() });
}

/** The address of one person's data as a JSON file (right of access). */
export const ambassadorExportUrl = (id: string) => `/api/ambassadors/${id}/export`;

/** Records (POST) or changes (PUT, with the version read) a training or an activity. */
function useSaveRecord<I extends object>(contractId: string, collection: "ambassador-trainings" | "ambassador-activities", existing?: { id: string; version: number }) {
  const refresh = useRefresh(contractId);
  return useMutation({
    mutationFn: (body: I) =>
      existing ? api<unknown>(`/${collection}/${existing.id}`, { method: "PUT", body: { ...body, version: existing.version } }) : api<unknown>(`/contracts/${contractId}/${collection}`, { method: "POST", body }),
    onSuccess: () => refresh(),
  });
}

export const useSaveTraining = (contractId: string, existing?: { id: string; version: number }) => useSaveRecord<TrainingInput>(contractId, "ambassador-trainings", existing);
export const useSaveActivity = (contractId: string, existing?: { id: string; version: number }) => useSaveRecord<ActivityInput>(contractId, "ambassador-activities", existing);

export function useDeleteRecord(contractId: string, collection: "ambassador-trainings" | "ambassador-activities") {
  const refresh = useRefresh(contractId);
  return useMutation({ mutationFn: (id: string) => api<void>(`/${collection}/${id}`, { method: "DELETE" }), onSuccess: () => refresh() });
}

/** Records one count of the network as a measurement; the fiche's indicators are read again. */
export function useRecordMeasurement(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasurementRequest) => api<MeasurementRecorded>(`/contracts/${contractId}/ambassador-measurements`, { method: "POST", body }),
    onSuccess: (recorded) => queryClient.invalidateQueries({ queryKey: ["actions", recorded.actionId] }),
  });
}
