/** Calendar quarters, as the quarterly reviews use them. Days are ISO ("2021-07-01"). */

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const pad = (n: number) => String(n).padStart(2, "0");
const LAST_DAY = ["03-31", "06-30", "09-30", "12-31"] as const;

/** First and last day of a quarter. */
export function quarterRange({ year, quarter }: Quarter): { start: string; end: string } {
  return { start: `${year}-${pad((quarter - 1) * 3 + 1)}-01`, end: `${year}-${LAST_DAY[quarter - 1]}` };
}

/** « 3e trimestre 2021 » (« 1er trimestre 2022 »). */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${quarter === 1 ? "1er" : `${quarter}e`} trimestre ${year}`;
}

/** The quarter a day falls in. */
export function quarterOfDay(day: string): Quarter {
  return { year: Number(day.slice(0, 4)), quarter: (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as Quarter["quarter"] };
}

/** The quarters that overlap the contract's period and have started by `today`, newest first. */
export function contractQuarters(startDate: string, endDate: string, today: string): Quarter[] {
  const quarters: Quarter[] = [];
  let q = quarterOfDay(startDate);
  const last = quarterOfDay(endDate < today ? endDate : today);
  while (q.year < last.year || (q.year === last.year && q.quarter <= last.quarter)) {
    quarters.push(q);
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: (q.quarter + 1) as Quarter["quarter"] };
  }
  return quarters.reverse();
}

/** Days from `day` to the end of its quarter (0 on the last day). */
export function daysToQuarterEnd(day: string): number {
  const { end } = quarterRange(quarterOfDay(day));
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}
