/** Queries of a fiche's follow-up (« Suivi »): milestones, progress, remaining work, adjustments, indicators, remarks. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { listComments } from "../../server/features/comments/service";
import type { listMeetings } from "../../server/features/governance/service";
import type { listAdjustments } from "../../server/features/monitoring/adjustments";
import type { listIndicators } from "../../server/features/monitoring/measurements";
import type { milestoneView } from "../../server/features/monitoring/milestones";
import type { listProgress } from "../../server/features/monitoring/progress";
import type { listRemaining } from "../../server/features/monitoring/remaining";
import type { ShownStatus } from "../../server/features/monitoring/rules";
import { api } from "./client";
import { keys, type Action, type ActionItem, type Json } from "./queries";

type Item<T extends (...args: never[]) => Promise<unknown[]>> = Json<Awaited<ReturnType<T>>[number]>;

export type Milestone = Json<ReturnType<typeof milestoneView>>;
export type ProgressEntry = Item<typeof listProgress>;
export type RemainingItem = Item<typeof listRemaining>;
export type Adjustment = Item<typeof listAdjustments>;
export type Indicator = Item<typeof listIndicators>;
export type Measurement = Indicator["measurements"][number];
export type Remark = Item<typeof listComments>;
export type MeetingSummary = Item<typeof listMeetings>;

export interface FicheLink {
  id: string;
  number: number;
  title: string;
}

/** What GET /actions/:actionId adds to a fiche for its follow-up (issue 5). */
export type FicheWithFollowUp = Action & {
  shownStatus?: ShownStatus;
  shownStatusLabel?: string;
  mergedInto?: FicheLink | null;
  mergedFrom?: FicheLink[];
};
export type FicheItem = ActionItem & { shownStatus?: ShownStatus; shownStatusLabel?: string };

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

export const useIndicators = (actionId: string) =>
  useQuery({
    queryKey: followUpKeys.part(actionId, "indicators"),
    queryFn: ({ signal }) => api<{ items: Indicator[]; permissions: { measure: boolean } }>(`/actions/${actionId}/indicators`, { signal }),
  });

export const useRemarks = (actionId: string) =>
  useQuery({
    queryKey: followUpKeys.part(actionId, "comments"),
    queryFn: ({ signal }) => api<{ items: Remark[]; permissions: { comment: boolean } }>(`/actions/${actionId}/comments`, { signal }),
  });

export const useContractMeetings = (contractId: string) =>
  useQuery({
    queryKey: followUpKeys.meetings(contractId),
    queryFn: ({ signal }) => api<{ items: MeetingSummary[] }>(`/contracts/${contractId}/meetings`, { signal }),
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
