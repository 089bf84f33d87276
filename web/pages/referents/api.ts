/**
 * Queries of the communes' referents (issue 18): the coordination's list (contact details are
 * personal data), naming or replacing a referent at the version read, removing one, relaying
 * news to the communes.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { BodyOf, ResponseOf } from "../../api/types";

type ReferentPath = "/api/contracts/{contractId}/communes/{communeId}/referents/{role}";
export type Referents = ResponseOf<"/api/contracts/{contractId}/referents", "get">;
export type CommuneRow = Referents["communes"][number];
export type Referent = NonNullable<CommuneRow["technical"]>;
export type ReferentRole = Referent["role"];
export type ReferentInput = BodyOf<ReferentPath, "put">;
export type RelayInput = BodyOf<"/api/contracts/{contractId}/relays", "post">;
export type Relayed = ResponseOf<"/api/contracts/{contractId}/relays", "post">;

export const referentKeys = { all: (contractId: string) => ["contracts", contractId, "referents"] as const };

export const useReferents = (contractId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: referentKeys.all(contractId), queryFn: ({ signal }) => api<Referents>(`/contracts/${contractId}/referents`, { signal }) });

/** The list, and the COTECH table whose process row counts the communes with both referents. */
function useRefresh(contractId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: referentKeys.all(contractId) }), queryClient.invalidateQueries({ queryKey: ["contracts", contractId, "cotech-table"] })]);
}

const referentUrl = (contractId: string, communeId: string, role: ReferentRole) => `/contracts/${contractId}/communes/${communeId}/referents/${role}`;

export function useSaveReferent(contractId: string, communeId: string, role: ReferentRole) {
  const refresh = useRefresh(contractId);
  return useMutation({ mutationFn: (body: ReferentInput) => api<Referent>(referentUrl(contractId, communeId, role), { method: "PUT", body }), onSuccess: () => refresh() });
}

export function useRemoveReferent(contractId: string) {
  const refresh = useRefresh(contractId);
  return useMutation({
    mutationFn: ({ communeId, role, version }: { communeId: string; role: ReferentRole; version: number }) => api<void>(`${referentUrl(contractId, communeId, role)}?version=${version}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}

export function useRelay(contractId: string) {
  const refresh = useRefresh(contractId);
  return useMutation({ mutationFn: (body: RelayInput) => api<Relayed>(`/contracts/${contractId}/relays`, { method: "POST", body }), onSuccess: () => refresh() });
}
