/** Queries of accounts, members, history, public pages and the development outbox (read by its page only). */
import { useQuery } from "@tanstack/react-query";
import type { getAccount } from "../../server/features/accounts/service";
import type { listAudit } from "../../server/features/audit/service";
import type { describeInvitation, listMembers } from "../../server/features/members/service";
import type { publicContract } from "../../server/features/publication/routes";
import type { OutboxItem } from "../../server/mail/mailer";
import { api, setCsrfToken } from "./client";
import type { Json } from "./queries";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}
export interface Session {
  user: SessionUser | null;
  csrfToken: string;
  /** The development mail page (/dev/courriels) is open to this browser: local demo without SMTP. */
  devOutbox: boolean;
}
export type Account = Json<Awaited<ReturnType<typeof getAccount>>>;
export type Members = Json<Awaited<ReturnType<typeof listMembers>>>;
export type Member = Members["items"][number];
export type Invitation = Json<Awaited<ReturnType<typeof describeInvitation>>>;
export type HistoryPage = Json<Awaited<ReturnType<typeof listAudit>>>;
export type HistoryEntry = HistoryPage["items"][number];
export type PublicContract = Json<Awaited<ReturnType<typeof publicContract>>>;

export const accountKeys = {
  session: ["session"] as const,
  account: ["account"] as const,
  members: (contractId: string) => ["contracts", contractId, "members"] as const,
  history: (kind: "action" | "contract" | "all", id: string, page: number) => ["history", kind, id, page] as const,
};

/** The session (null when signed out); keeps the CSRF token of the API client up to date. */
export const useSession = () =>
  useQuery({
    queryKey: accountKeys.session,
    queryFn: async ({ signal }) => {
      const session = await api<Session>("/auth/session", { signal });
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });

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
  useQuery({ queryKey: ["outbox"], queryFn: ({ signal }) => api<{ items: OutboxItem[] }>("/dev/outbox", { signal }), retry: false, refetchInterval: 5000 });

/** Whether the development mail page is open to this browser: told by the session, never asked of the outbox. */
export const useOutboxAvailable = () => useSession().data?.devOutbox === true;
