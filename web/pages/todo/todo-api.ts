/** Queries of « À faire » (issue 15): the fiches a person pilots, and a contract's list of what is due. */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/types";

export type MyFiches = ResponseOf<"/api/my/fiches", "get">;
export type ContractTodo = ResponseOf<"/api/contracts/{contractId}/todo", "get">;
export type TodoFiche = MyFiches["contracts"][number]["fiches"][number];
export type DueItem = TodoFiche["due"][number];

export const todoKeys = {
  mine: ["my", "fiches"] as const,
  contract: (contractId: string) => ["contracts", contractId, "todo"] as const,
};

export const myFichesQuery = { queryKey: todoKeys.mine, queryFn: ({ signal }: { signal?: AbortSignal }) => api<MyFiches>("/my/fiches", { signal }) };

/** The fiches the signed-in person pilots, by contract, with what is due on each. */
export const useMyFiches = () => useQuery(myFichesQuery);

/** What is due across a contract's fiches (the coordination's; `enabled` false for others). */
export const useContractTodo = (contractId: string, enabled: boolean) =>
  useQuery({ queryKey: todoKeys.contract(contractId), queryFn: ({ signal }) => api<ContractTodo>(`/contracts/${contractId}/todo`, { signal }), enabled });
