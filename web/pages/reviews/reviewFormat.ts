/** How the review pages say dates and states. */
import type { ReviewSummary } from "../../api/reviews";
import { formatDay, plural } from "../../format";

// The review pages' dates come from the web's one format module: "3 décembre 2021", "3 décembre 2021 à 10:32".
export { formatDay, formatDateTime as formatDayTime } from "../../format";

/** « Version 2 publiée le 3 décembre 2021 », « Brouillon modifié le … », « Version 1 publiée le … — correction en cours ». */
export function reviewState(r: Pick<ReviewSummary, "status" | "publishedNumber" | "lastPublishedAt" | "updatedAt">): string {
  const published = r.publishedNumber && r.lastPublishedAt ? `Version ${r.publishedNumber} publiée le ${formatDay(r.lastPublishedAt)}` : null;
  if (r.status === "draft" || !published) return `Brouillon modifié le ${formatDay(r.updatedAt)}`;
  if (r.status === "correcting") return `${published} — correction en cours`;
  return published;
}

/** « 12 membres », « 1 membre ». */
export const members = (n: number) => plural(n, "membre");

/** The review lists annexes (attachments of the quarter's meetings): their ZIP can be downloaded. */
export const hasAnnexes = (sections: { kind: string; hidden: boolean }[]) => sections.some((s) => s.kind === "annexes" && !s.hidden);
