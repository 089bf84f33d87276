/** Queries of governance: bodies and their members, meetings, alerts, the calendar feed. */
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";
import type { ItemOf, ResponseOf } from "./types";

export type Body = ItemOf<ResponseOf<"/api/contracts/{contractId}/bodies", "get">>;
export type BodyMember = ItemOf<ResponseOf<"/api/bodies/{bodyId}/members", "get">>;
export type MeetingItem = ItemOf<ResponseOf<"/api/contracts/{contractId}/meetings", "get">>;
export type Meeting = ResponseOf<"/api/meetings/{meetingId}", "get">;
export type Participant = Meeting["participants"][number];
export type Attachment = Meeting["attachments"][number];
export type GovernanceAlert = ItemOf<ResponseOf<"/api/contracts/{contractId}/governance-alerts", "get">>;

export const governanceKeys = {
  bodies: (contractId: string) => ["contracts", contractId, "bodies"] as const,
  bodyMembers: (bodyId: string) => ["bodies", bodyId, "members"] as const,
  /** The same key as the follow-up's list of meetings. */
  meetings: (contractId: string) => ["contracts", contractId, "meetings"] as const,
  meeting: (meetingId: string) => ["meetings", meetingId] as const,
  alerts: (contractId: string) => ["contracts", contractId, "governance-alerts"] as const,
  feed: (contractId: string) => ["contracts", contractId, "calendar-feed"] as const,
};

export const useBodies = (contractId: string) =>
  useQuery({ queryKey: governanceKeys.bodies(contractId), queryFn: ({ signal }) => api<ResponseOf<"/api/contracts/{contractId}/bodies", "get">>(`/contracts/${contractId}/bodies`, { signal }) });

export const useBodyMembers = (bodyId: string, enabled = true) =>
  useQuery({ enabled: enabled && !!bodyId, queryKey: governanceKeys.bodyMembers(bodyId), queryFn: ({ signal }) => api<ResponseOf<"/api/bodies/{bodyId}/members", "get">>(`/bodies/${bodyId}/members`, { signal }) });

export const useMeetings = (contractId: string) =>
  useQuery({ queryKey: governanceKeys.meetings(contractId), queryFn: ({ signal }) => api<ResponseOf<"/api/contracts/{contractId}/meetings", "get">>(`/contracts/${contractId}/meetings`, { signal }) });

export const useMeeting = (meetingId: string, enabled = true) =>
  useQuery({ enabled: enabled && !!meetingId, queryKey: governanceKeys.meeting(meetingId), queryFn: ({ signal }) => api<Meeting>(`/meetings/${meetingId}`, { signal }) });

export const useGovernanceAlerts = (contractId: string) =>
  useQuery({ queryKey: governanceKeys.alerts(contractId), queryFn: ({ signal }) => api<ResponseOf<"/api/contracts/{contractId}/governance-alerts", "get">>(`/contracts/${contractId}/governance-alerts`, { signal }) });

export const useCalendarFeed = (contractId: string) =>
  useQuery({ queryKey: governanceKeys.feed(contractId), queryFn: ({ signal }) => api<ResponseOf<"/api/contracts/{contractId}/calendar-feed", "get">>(`/contracts/${contractId}/calendar-feed`, { signal }) });
