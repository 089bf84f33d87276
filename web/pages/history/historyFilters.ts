/** The filters of a history page (who, what, when) as the page's address keeps them, and as the API takes them. */
import { AUDIT_OBJECT_TYPE_LABELS, type AuditObjectType } from "../../../server/shared";

export interface HistoryFilters {
  /** An account's id, or the name of a change made without an account. */
  actor: string;
  type: AuditObjectType | "";
  /** Paris days "2021-09-14", both included. */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { actor: "", type: "", from: "", to: "" };

const isType = (value: string): value is AuditObjectType => Object.hasOwn(AUDIT_OBJECT_TYPE_LABELS, value);

/** The filters and the page of an address's query (`?actor=…&type=meeting&from=2021-09-01&page=2`). */
export function filtersOf(params: URLSearchParams): HistoryFilters & { page: number } {
  const type = params.get("type") ?? "";
  return {
    actor: params.get("actor") ?? "",
    type: isType(type) ? type : "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    page: Math.max(1, Math.floor(Number(params.get("page"))) || 1),
  };
}

/** The query of the filters, without the empty ones (and without the page when it is the first). */
export function queryOf(filters: HistoryFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "type", "from", "to"] as const) if (filters[key]) params.set(key, filters[key]);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const hasFilters = (f: HistoryFilters) => !!(f.actor || f.type || f.from || f.to);

/** What the form says before asking the server. */
export function filterErrors(f: HistoryFilters): Record<string, string> {
  return f.from && f.to && f.from > f.to ? { to: "La date de fin doit suivre la date de début." } : {};
}
