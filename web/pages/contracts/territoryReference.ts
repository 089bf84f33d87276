/**
 * The official territory (GET /api/reference/communes, /epcis): searches for the contract form,
 * and the départements and regions of a list of communes, derived as the server derives them.
 */
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { ItemOf, ResponseOf } from "../../api/types";

export type ReferenceCommune = ResponseOf<"/api/reference/communes/{code}", "get">;
export type EpciSummary = ItemOf<ResponseOf<"/api/reference/epcis", "get">>;
export type ReferenceEpci = ResponseOf<"/api/reference/epcis/{code}", "get">;
export interface Division {
  code: string;
  name: string;
}

/** Reference data does not change while the page is open. */
const FOREVER = { staleTime: Infinity, gcTime: 30 * 60_000 } as const;

export const referenceKeys = {
  commune: (code: string) => ["reference", "commune", code] as const,
  communes: (q: string) => ["reference", "communes", q] as const,
  epcis: (q: string) => ["reference", "epcis", q] as const,
  epci: (code: string) => ["reference", "epci", code] as const,
};

/** The value, once it has stopped changing for `ms` (a search is not sent at every keystroke). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The server searches from 2 characters on. */
export const searchable = (q: string) => q.trim().length >= 2;

export function useCommuneSearch(q: string) {
  const query = useDebounced(q.trim());
  return useQuery({
    queryKey: referenceKeys.communes(query),
    queryFn: ({ signal }) => api<{ items: ReferenceCommune[] }>(`/reference/communes?q=${encodeURIComponent(query)}`, { signal }),
    enabled: searchable(query),
    placeholderData: keepPreviousData,
    ...FOREVER,
  });
}

export function useEpciSearch(q: string) {
  const query = useDebounced(q.trim());
  return useQuery({
    queryKey: referenceKeys.epcis(query),
    queryFn: ({ signal }) => api<{ items: EpciSummary[] }>(`/reference/epcis?q=${encodeURIComponent(query)}`, { signal }),
    enabled: searchable(query),
    placeholderData: keepPreviousData,
    ...FOREVER,
  });
}

export function useEpci(code: string | null) {
  return useQuery({
    queryKey: referenceKeys.epci(code ?? ""),
    queryFn: ({ signal }) => api<ReferenceEpci>(`/reference/epcis/${code}`, { signal }),
    enabled: code !== null,
    ...FOREVER,
  });
}

/** The département of a commune from its INSEE code (as server/domain/roles.ts `departmentOf`). */
export const departmentOf = (inseeCode: string) => (inseeCode.startsWith("97") ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2));

/** Codes by how many communes they hold, most first (ties: code order), as the server orders them. */
function byWeight<T extends Division>(items: T[]): T[] {
  const counts = new Map<string, { item: T; n: number }>();
  for (const item of items) {
    const seen = counts.get(item.code);
    if (seen) seen.n++;
    else counts.set(item.code, { item, n: 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.item.code.localeCompare(b.item.code)).map((c) => c.item);
}

/**
 * The départements and regions of the communes being edited, derived (never typed): one commune
 * per département is looked up in the reference (those picked from a search already are).
 */
export function useDerivedDivisions(inseeCodes: readonly string[]): { departements: Division[]; regions: Division[]; pending: boolean } {
  const sample = new Map<string, string>();
  for (const code of inseeCodes) if (!sample.has(departmentOf(code))) sample.set(departmentOf(code), code);
  const results = useQueries({
    queries: [...sample.values()].map((code) => ({
      queryKey: referenceKeys.commune(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<ReferenceCommune>(`/reference/communes/${code}`, { signal }),
      retry: false,
      ...FOREVER,
    })),
  });
  const known = new Map<string, ReferenceCommune>();
  for (const r of results) if (r.data) known.set(r.data.departement.code, r.data);
  const rows = inseeCodes.flatMap((code) => known.get(departmentOf(code)) ?? []);
  return {
    departements: byWeight(rows.map((c) => c.departement)),
    regions: byWeight(rows.map((c) => c.region)),
    pending: results.some((r) => r.isPending),
  };
}
