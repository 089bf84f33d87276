/**
 * Queries of residents' workshops (issue 14) for the contract's coordination and members:
 * the series, their call, registrations (personal data: the coordination only), the tables
 * of each session and the syntheses. The public side (call page, cancellation) is in
 * ./participation.ts.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { BodyOf, ItemOf, ResponseOf } from "./types";

export type WorkshopList = ResponseOf<"/api/contracts/{contractId}/workshops", "get">;
export type WorkshopItem = ItemOf<WorkshopList>;
export type Workshop = ResponseOf<"/api/workshops/{workshopId}", "get">;
export type WorkshopSession = Workshop["sessions"][number];
export type WorkshopTopic = Workshop["topics"][number];
export type WorkshopInput = BodyOf<"/api/contracts/{contractId}/workshops", "post">;
export type WorkshopUpdate = BodyOf<"/api/workshops/{workshopId}", "put">;
export type RegistrationList = ResponseOf<"/api/workshops/{workshopId}/registrations", "get">;
export type Registration = ItemOf<RegistrationList>;
export type ResidentRegistrationInput = BodyOf<"/api/workshops/{workshopId}/registrations", "post">;
export type ResidentRegistered = ResponseOf<"/api/workshops/{workshopId}/registrations", "post">;
export type SynthesisInput = BodyOf<"/api/workshops/{workshopId}/syntheses", "put">;
export type Tables = ResponseOf<"/api/workshop-sessions/{sessionId}/tables", "get">;
export type SeatedTable = Tables["tables"][number];
export type TablesInput = BodyOf<"/api/workshop-sessions/{sessionId}/tables", "put">;
export type ComposeInput = BodyOf<"/api/workshop-sessions/{sessionId}/tables", "post">;

export const workshopKeys = {
  list: (contractId: string) => ["contracts", contractId, "workshops"] as const,
  workshop: (id: string) => ["workshops", id] as const,
  registrations: (id: string) => ["workshops", id, "registrations"] as const,
  tables: (sessionId: string) => ["workshop-sessions", sessionId, "tables"] as const,
};

export const useWorkshops = (contractId: string) =>
  useQuery({ queryKey: workshopKeys.list(contractId), queryFn: ({ signal }) => api<WorkshopList>(`/contracts/${contractId}/workshops`, { signal }) });

export const useWorkshop = (id: string, enabled = true) =>
  useQuery({ enabled: enabled && !!id, queryKey: workshopKeys.workshop(id), queryFn: ({ signal }) => api<Workshop>(`/workshops/${id}`, { signal }) });

/** Registrations: asked only by those who may read residents' data. */
export const useRegistrations = (workshopId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: workshopKeys.registrations(workshopId), queryFn: ({ signal }) => api<RegistrationList>(`/workshops/${workshopId}/registrations`, { signal }) });

export const useTables = (sessionId: string, enabled = true) =>
  useQuery({ enabled: enabled && !!sessionId, queryKey: workshopKeys.tables(sessionId), queryFn: ({ signal }) => api<Tables>(`/workshop-sessions/${sessionId}/tables`, { signal }) });


/** After a change of a workshop: its page, the contract's list, and the public call read again. */
function useRefreshWorkshop(workshop: { id: string; contractId: string }) {
  const queryClient = useQueryClient();
  return async (view?: Workshop) => {
    if (view) queryClient.setQueryData(workshopKeys.workshop(view.id), view);
    else await queryClient.invalidateQueries({ queryKey: workshopKeys.workshop(workshop.id), exact: true });
    await queryClient.invalidateQueries({ queryKey: workshopKeys.list(workshop.contractId) });
  };
}

/** Creates (POST) or changes (PUT, with the version read) a workshop; answers its id. */
export function useSaveWorkshop(contractId: string, existing?: { id: string; version: number }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WorkshopInput): Promise<string> => {
      if (!existing) return (await api<{ id: string }>(`/contracts/${contractId}/workshops`, { method: "POST", body })).id;
      const view = await api<Workshop>(`/workshops/${existing.id}`, { method: "PUT", body: { ...body, version: existing.version } satisfies WorkshopUpdate });
      queryClient.setQueryData(workshopKeys.workshop(view.id), view);
      return view.id;
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: workshopKeys.list(contractId) });
      if (!existing) await queryClient.invalidateQueries({ queryKey: workshopKeys.workshop(id), exact: true });
    },
  });
}

export function useDeleteWorkshop(workshop: { id: string; contractId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/workshops/${workshop.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: workshopKeys.workshop(workshop.id) });
      await queryClient.invalidateQueries({ queryKey: workshopKeys.list(workshop.contractId) });
    },
  });
}

/** Publishes or withdraws the call for participation. */
export function useSetCall(workshop: { id: string; contractId: string }) {
  const refresh = useRefreshWorkshop(workshop);
  return useMutation({
    mutationFn: (published: boolean) => api<Workshop>(`/workshops/${workshop.id}/call`, { method: "PUT", body: { published } satisfies BodyOf<"/api/workshops/{workshopId}/call", "put"> }),
    onSuccess: (view) => refresh(view),
  });
}

/** Writes (or clears, with an empty text) a table's or the workshop's synthesis of a topic. */
export function useSaveSynthesis(workshop: { id: string; contractId: string }) {
  const refresh = useRefreshWorkshop(workshop);
  return useMutation({
    mutationFn: (body: SynthesisInput) => api<Workshop>(`/workshops/${workshop.id}/syntheses`, { method: "PUT", body }),
    onSuccess: (view) => refresh(view),
  });
}

/** Registration changes move counts (places, waitlist): the list and the workshop are read again. */
function useRefreshRegistrations(workshop: { id: string; contractId: string }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshWorkshop(workshop);
  return async () => {
    await queryClient.invalidateQueries({ queryKey: workshopKeys.registrations(workshop.id) });
    await refresh();
  };
}

/** A member registers a resident on their behalf (source « partenaire »). */
export function useRegisterResident(workshop: { id: string; contractId: string }) {
  const refresh = useRefreshRegistrations(workshop);
  return useMutation({
    mutationFn: (body: ResidentRegistrationInput) => api<ResidentRegistered>(`/workshops/${workshop.id}/registrations`, { method: "POST", body }),
    onSuccess: () => refresh(),
  });
}

export function useCancelResident(workshop: { id: string; contractId: string }) {
  const refresh = useRefreshRegistrations(workshop);
  return useMutation({ mutationFn: (registrationId: string) => api<void>(`/registrations/${registrationId}/cancel`, { method: "POST" }), onSuccess: () => refresh() });
}

export function useEraseResident(workshop: { id: string; contractId: string }) {
  const refresh = useRefreshRegistrations(workshop);
  return useMutation({ mutationFn: (registrationId: string) => api<void>(`/registrations/${registrationId}`, { method: "DELETE" }), onSuccess: () => refresh() });
}

export function useSetAttendance(workshopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ registrationId, sessionIds }: { registrationId: string; sessionIds: string[] }) =>
      api<void>(`/registrations/${registrationId}/attendance`, { method: "PUT", body: { sessionIds } satisfies BodyOf<"/api/registrations/{registrationId}/attendance", "put"> }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workshopKeys.registrations(workshopId) }),
  });
}

/** The address of one person's data as a JSON file (right of access). */
export const registrationExportUrl = (registrationId: string) => `/api/registrations/${registrationId}/export`;

/**
 * Composes a session's tables (locked places kept), or takes another session's; with
 * `saveFirst`, the tables as arranged are saved before (so that places just fixed are kept).
 */
export function useComposeTables(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ saveFirst, ...body }: ComposeInput & { saveFirst?: TablesInput }) => {
      if (saveFirst) await api<Tables>(`/workshop-sessions/${sessionId}/tables`, { method: "PUT", body: saveFirst });
      return api<Tables>(`/workshop-sessions/${sessionId}/tables`, { method: "POST", body });
    },
    onSuccess: (tables) => queryClient.setQueryData(workshopKeys.tables(sessionId), tables),
  });
}

/** Saves the tables as arranged (moves, locks); answers them with their new scores. */
export function useArrangeTables(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TablesInput) => api<Tables>(`/workshop-sessions/${sessionId}/tables`, { method: "PUT", body }),
    onSuccess: (tables) => queryClient.setQueryData(workshopKeys.tables(sessionId), tables),
  });
}

export type ProcessingRegister = ResponseOf<"/api/contracts/{contractId}/processing-register", "get">;
/** The « registre des traitements » of residents' data (the coordination only). */
export const useProcessingRegister = (contractId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: ["contracts", contractId, "processing-register"], queryFn: ({ signal }) => api<ProcessingRegister>(`/contracts/${contractId}/processing-register`, { signal }) });
