import type { ActionSort } from "./filters.js";
import { ACTION_STATUSES, type ActionStatus } from "../../domain/statuses.js";

export interface SortableAction {
  number: number;
  title: string;
  axis: { number: number };
  lead: { name: string } | null;
  startMonth: string | null;
  endMonth: string | null;
  status: ActionStatus;
  rank?: number;
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const statusOrder = Object.keys(ACTION_STATUSES) as ActionStatus[];

/** Missing values sort last whatever the direction, as users expect of an empty cell. */
function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, dir: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b) * dir;
}

/** Orders fiches for the list, in French collation; ties fall back to the fiche number. */
export function sortActions<T extends SortableAction>(items: readonly T[], sort: ActionSort, order: "asc" | "desc"): T[] {
  const dir = order === "desc" ? -1 : 1;
  const byText = (x: string, y: string) => collator.compare(x, y);
  const primary = (a: T, b: T): number => {
    switch (sort) {
      case "number":
        return (a.number - b.number) * dir;
      case "title":
        return byText(a.title, b.title) * dir;
      case "axis":
        return (a.axis.number - b.axis.number) * dir;
      case "lead":
        return compareNullable(a.lead?.name ?? null, b.lead?.name ?? null, byText, dir);
      case "start":
        return compareNullable(a.startMonth, b.startMonth, byText, dir);
      case "end":
        return compareNullable(a.endMonth, b.endMonth, byText, dir);
      case "status":
        return (statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status)) * dir;
      case "relevance":
        return ((b.rank ?? 0) - (a.rank ?? 0)) * dir;
    }
  };
  return [...items].sort((a, b) => primary(a, b) || a.number - b.number);
}
