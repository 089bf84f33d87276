/** The queries and mutations of « Comptes » (platform admin). */
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/types";

export type UsersPage = ResponseOf<"/api/admin/users", "get">;
export type UserItem = UsersPage["items"][number];
export type Territories = ResponseOf<"/api/admin/territories", "get">;
export type UserCreated = ResponseOf<"/api/admin/users", "post">;
export type LinkSent = ResponseOf<"/api/admin/users/{userId}/reset-link", "post">;

export interface TerritoryValue {
  departements: string[];
  regions: string[];
}

export const userKeys = { all: ["admin-users"] as const, list: (q: string, page: number) => ["admin-users", "list", q, page] as const, territories: ["admin-territories"] as const };

export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: userKeys.list(q, page),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      if (q) search.set("q", q);
      if (page > 1) search.set("page", String(page));
      return api<UsersPage>(`/admin/users${search.size ? `?${search}` : ""}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export const useTerritories = () => useQuery({ queryKey: userKeys.territories, queryFn: ({ signal }) => api<Territories>("/admin/territories", { signal }), staleTime: Infinity });

/** After a change: every page of the list is asked again. */
export function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}
