/**
 * An indicator that has measurements is never removed from its fiche (issue 12): its
 * measurements would go with it, silently. The form and the spreadsheet import both
 * refuse it, naming the indicator; the measurements are removed first, on purpose.
 */
import { count, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { indicatorMeasurements } from "../../db/schema.js";
import { plural, pluralWord } from "../../domain/dates.js";

/** How many measurements each of these indicators has (absent: none). */
export async function measurementCounts(db: Db | Tx, indicatorIds: readonly string[]): Promise<Map<string, number>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await db
    .select({ id: indicatorMeasurements.indicatorId, n: count() })
    .from(indicatorMeasurements)
    .where(inArray(indicatorMeasurements.indicatorId, [...indicatorIds]))
    .groupBy(indicatorMeasurements.indicatorId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export const measuredIndicatorMessage = (label: string, n: number) =>
  `L'indicateur « ${label} » a ${plural(n, "mesure")} : retirez-${pluralWord(n, "la", "les")} d'abord ou gardez l'indicateur.`;

/**
 * The indicators of `before` (the fiche's list, in its order) that `after` drops while
 * they have measurements, as errors on their place in the list ("indicators.2").
 */
export function droppedMeasuredIndicators(
  before: readonly { id?: string; label: string }[],
  after: readonly { id?: string }[],
  counts: ReadonlyMap<string, number>,
): { path: string; message: string }[] {
  const kept = new Set(after.flatMap((i) => (i.id ? [i.id] : [])));
  return before.flatMap((indicator, index) => {
    const n = indicator.id && !kept.has(indicator.id) ? (counts.get(indicator.id) ?? 0) : 0;
    return n > 0 ? [{ path: `indicators.${index}`, message: measuredIndicatorMessage(indicator.label, n) }] : [];
  });
}
