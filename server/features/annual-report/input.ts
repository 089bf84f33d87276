/** What the annual report reads (the loader, service.ts, gives it; build.ts and texts.ts are pure functions of it). */
import type { DatePrecision } from "../../domain/dates.js";
import type { ActionStatus } from "../../domain/statuses.js";
import type { PeriodBody, PeriodMeeting } from "./governance.js";

export interface ReportIndicator {
  id: string;
  actionId: string;
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  position: number;
}

export interface AnnualReportInput {
  year: number;
  /** Paris day the report is made. */
  today: string;
  contract: { name: string; startDate: string; endDate: string };
  author: string;
  bodies: PeriodBody[];
  meetings: PeriodMeeting[];
  axes: { id: string; number: number; title: string }[];
  fiches: { id: string; axisId: string; number: number; title: string; status: ActionStatus; mergedIntoId: string | null }[];
  milestones: { actionId: string; title: string; plannedBy: string; originallyBy: string; doneOn: string | null }[];
  /** `happenedOnPrecision` « month »: only the month is known (absent: the day). */
  progress: { actionId: string; happenedOn: string; happenedOnPrecision?: DatePrecision; text: string }[];
  indicators: ReportIndicator[];
  measurements: { indicatorId: string; measuredOn: string; value: number }[];
  /** Published versions of the quarterly reviews (any year: the builder keeps the year's). */
  publications: { year: number; quarter: number; number: number; publishedOn: string; publishedByName: string; correctionNote: string }[];
  /** Reviews shared before Clés (reviews/shared-reviews.ts). */
  sharedReviews: { year: number; quarter: number; sharedOn: string; note: string }[];
  /**
   * The coordination's synthesis and outlook (HTML): published, for every reader; a saved
   * draft, for the coordination only. Null: the report shows what Clés drafts from the data.
   */
  texts: { status: "draft" | "published"; synthesis: string; outlook: string } | null;
}
