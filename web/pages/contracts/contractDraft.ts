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

/** The visible labels of the contract form's fields (without « (facultatif) », which the optional ones add). */
export const CONTRACT_LABELS = {
  name: "Nom du contrat",
  localAuthority: "Collectivité signataire",
  slug: "Identifiant court",
  startDate: "Début",
  endDate: "Fin",
  status: "Statut",
  summary: "Présentation",
  population: "Population indiquée par le contrat",
  keyDates: "Dates clés",
  communes: "Communes du contrat",
  priorityAreas: "Quartiers prioritaires (QPV)",
  signatories: "Signataires",
} as const;

/** The fields of each entry of the contract's lists: the entry's name, then each field's label. */
export const CONTRACT_ITEM_LABELS = {
  keyDates: { group: "date clé", on: "Date", label: "Ce qui a eu lieu" },
  priorityAreas: { group: "quartier", name: "Nom du quartier", code: "Code QPV", communeInseeCode: "Commune" },
  signatories: { group: "signataire", organisation: "Organisation", signedOn: "Date de signature", representative: "Représentant", title: "Qualité" },
  communes: { group: "commune" },
} as const;

/** The error summary's name for the field of `path`: its visible label, with its entry for a list's (« Date (date clé 2) »). */
export function contractErrorLabel(path: string): string {
  const [head = "", index, field] = path.split(".");
  const labels: Record<string, string> = CONTRACT_LABELS;
  if (index !== undefined && head in CONTRACT_ITEM_LABELS) {
    const item: Record<string, string> = CONTRACT_ITEM_LABELS[head as keyof typeof CONTRACT_ITEM_LABELS];
    const entry = `${item.group} ${Number(index) + 1}`;
    const label = (field !== undefined ? item[field] : undefined) ?? labels[head];
    return `${label} (${entry})`;
  }
  return labels[head] ?? "Champ";
}
