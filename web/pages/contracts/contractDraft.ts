import type { ContractBody } from "../../../server/features/contracts/schema";

/** A contract as its form edits it: populations are typed as text until saved. */
export type ContractDraft = Omit<ContractBody, "communes"> & { communes: { inseeCode: string; name: string; population: string }[] };
