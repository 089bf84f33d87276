/** Queries of a fiche's follow-up (« Suivi »): milestones, progress, remaining work, adjustments, indicators, remarks. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys, type Action, type ActionItem } from "./queries";
import type { ItemOf, ResponseOf } from "./types";

export type Milestone = ItemOf<ResponseOf<"/api/actions/{actionId}/milestones", "get">>;
export type ProgressEntry = ItemOf<ResponseOf<"/api/actions/{actionId}/progress", "get">>;
export type RemainingItem = ItemOf<ResponseOf<"/api/actions/{actionId}/remaining", "get">>;
export type Adjustment = ItemOf<ResponseOf<"/api/actions/{actionId}/adjustments", "get">>;
export type Indicator = ItemOf<ResponseOf<"/api/actions/{actionId}/indicators", "get">>;
export type Measurement = Indicator["measurements"][number];
export type Remark = ItemOf<ResponseOf<"/api/actions/{actionId}/comments", "get">>;
export type WorkshopSynthesis = ItemOf<ResponseOf<"/api/actions/{actionId}/workshop-syntheses", "get">>;
export type FicheSurvey = ItemOf<ResponseOf<"/api/actions/{actionId}/surveys", "get">>;
export type MeetingSummary = ItemOf<ResponseOf<"/api/contracts/{contractId}/meetings", "get">>;

/** A fiche named by its number and title (a merge link). */
export type FicheLink = NonNullable<Action["mergedInto"]>;
/** A fiche with its follow-up facts: shown status (issue 5) and merge links. */
export type FicheWithFollowUp = Action;
export type FicheItem = ActionItem;

export const followUpKeys = {
  all: (actionId: string) => ["actions", actionId, "follow-up"] as const,
  part: (actionId: string, part: string) => ["actions", actionId, "follow-up", part] as const,
  meetings: (contractId: string) => ["contracts", contractId, "meetings"] as const,
};

function useList<T>(actionId: string, part: string) {
  return useQuery({
    queryKey: followUpKeys.part(actionId, part),
    queryFn: ({ signal }) => api<{ items: T[] }>(`/actions/${actionId}/${part}`, { signal }),
  });
}

export const useMilestones = (actionId: string) => useList<Milestone>(actionId, "milestones");
export const useProgress = (actionId: string) => useList<ProgressEntry>(actionId, "progress");
export const useRemaining = (actionId: string) => useList<RemainingItem>(actionId, "remaining");
export const useAdjustments = (actionId: string) => useList<Adjustment>(actionId, "adjustments");
export const useWorkshopSyntheses = (actionId: string) => useList<WorkshopSynthesis>(actionId, "workshop-syntheses");
export const useFicheSurveys = (actionId: string) => useList<FicheSurvey>(actionId, "surveys");

export const useIndicators = (actionId: string) =>
  useQuery({
    queryKey: followUpKeys.part(actionId, "indicators"),
    queryFn: ({ signal }) => api<ResponseOf<"/api/actions/{actionId}/indicators", "get">>(`/actions/${actionId}/indicators`, { signal }),
  });

export const useRemarks = (actionId: string) =>
  useQuery({
    queryKey: followUpKeys.part(actionId, "comments"),
    queryFn: ({ signal }) => api<ResponseOf<"/api/actions/{actionId}/comments", "get">>(`/actions/${actionId}/comments`, { signal }),
  });

export const useContractMeetings = (contractId: string) =>
  useQuery({
    queryKey: followUpKeys.meetings(contractId),
    queryFn: ({ signal }) => api<ResponseOf<"/api/contracts/{contractId}/meetings", "get">>(`/contracts/${contractId}/meetings`, { signal }),
  });

/**
 * Refreshes a part of the follow-up after a change. Milestones and adjustments
 * also change the fiche itself (shown status « En retard », « Fusionnée »).
 */
export function useRefreshFollowUp(actionId: string) {
  const queryClient = useQueryClient();
  return async (...parts: string[]) => {
    await Promise.all(parts.map((part) => queryClient.invalidateQueries({ queryKey: followUpKeys.part(actionId, part) })));
    if (parts.includes("milestones") || parts.includes("adjustments")) {
      await queryClient.invalidateQueries({ queryKey: keys.action(actionId), exact: true });
      await queryClient.invalidateQueries({ queryKey: ["contracts"] });
    }
  };
}
