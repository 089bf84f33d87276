import type { ContractBody } from "../../../server/features/contracts/schema";

/** A commune of the form: from the official reference (or as the contract stored it), shown read-only. */
export interface DraftCommune {
  inseeCode: string;
  name: string;
  /** Null: the server takes the reference's when saving. */
  population: number | null;
}

/** A contract as its form edits it. */
export type ContractDraft = Omit<ContractBody, "communes"> & { communes: DraftCommune[] };

/** Replaces item i of list `key` (or removes it when patch is null). */
export function patchList<K extends "communes" | "priorityAreas" | "signatories">(d: ContractDraft, key: K, i: number, patch: Partial<ContractDraft[K][number]> | null): ContractDraft {
  const list = d[key] as ContractDraft[K][number][];
  return { ...d, [key]: patch === null ? list.filter((_, j) => j !== i) : list.map((x, j) => (j === i ? { ...x, ...patch } : x)) };
}
