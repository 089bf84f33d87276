/** Queries of accounts, members, history, public pages and the development outbox (read by its page only). */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, setCsrfToken } from "./client";
import type { ResponseOf } from "./types";

/** The session: the signed-in person (null when signed out), the CSRF token, whether the development mail page is open to this browser. */
export type Session = ResponseOf<"/api/auth/session", "get">;
export type SessionUser = NonNullable<Session["user"]>;
export type Account = ResponseOf<"/api/account", "get">;
export type Members = ResponseOf<"/api/contracts/{contractId}/members", "get">;
export type Member = Members["items"][number];
export type Invitation = ResponseOf<"/api/invitations/{token}", "get">;
export type HistoryPage = ResponseOf<"/api/audit", "get">;
export type HistoryEntry = HistoryPage["items"][number];
export type PublicContract = ResponseOf<"/api/public/contracts/{slug}", "get">;
type OutboxList = ResponseOf<"/api/dev/outbox", "get">;

export const accountKeys = {
  session: ["session"] as const,
  account: ["account"] as const,
  members: (contractId: string) => ["contracts", contractId, "members"] as const,
  history: (kind: "action" | "contract" | "all", id: string, page: number) => ["history", kind, id, page] as const,
};

/** The session (null when signed out); keeps the CSRF token of the API client up to date. Also asked at start (web/preload.ts). */
export const sessionQuery = queryOptions({
  queryKey: accountKeys.session,
  queryFn: async ({ signal }) => {
    const session = await api<Session>("/auth/session", { signal });
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
});
export const useSession = () => useQuery(sessionQuery);

export const useAccount = () => useQuery({ queryKey: accountKeys.account, queryFn: ({ signal }) => api<Account>("/account", { signal }) });

export const useMembers = (contractId: string) =>
  useQuery({ queryKey: accountKeys.members(contractId), queryFn: ({ signal }) => api<Members>(`/contracts/${contractId}/members`, { signal }) });

export const useInvitation = (token: string) =>
  useQuery({ queryKey: ["invitation", token], queryFn: ({ signal }) => api<Invitation>(`/invitations/${token}`, { signal }), retry: false });

const historyPath = (kind: "action" | "contract" | "all", id: string, page: number) =>
  kind === "action" ? `/actions/${id}/history?page=${page}` : kind === "contract" ? `/contracts/${id}/history?page=${page}` : `/audit?page=${page}`;

export const useHistory = (kind: "action" | "contract" | "all", id: string, page = 1) =>
  useQuery({ queryKey: accountKeys.history(kind, id, page), queryFn: ({ signal }) => api<HistoryPage>(historyPath(kind, id, page), { signal }), placeholderData: (p) => p });

export const usePublicContract = (slug: string) =>
  useQuery({ queryKey: ["public", slug], queryFn: ({ signal }) => api<PublicContract>(`/public/contracts/${slug}`, { signal }), retry: false });

export const useOutbox = () =>
  useQuery({ queryKey: ["outbox"], queryFn: ({ signal }) => api<OutboxList>("/dev/outbox", { signal }), retry: false, refetchInterval: 5000 });

/** Whether the development mail page is open to this browser: told by the session, never asked of the outbox. */
export const useOutboxAvailable = () => useSession().data?.devOutbox === true;
