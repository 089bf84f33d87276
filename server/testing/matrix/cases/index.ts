/** Case tables of the features, one file each, merged into the authorization matrix. */
import type { Cases } from "../support.js";
import { calendarCases } from "./calendar.js";
import { deckCases } from "./decks.js";
import { followUpCases } from "./followup.js";
import { indicatorCases } from "./indicators.js";
import { jobCases } from "./jobs.js";
import { meetingCases } from "./meetings.js";
import { overviewCases } from "./overview.js";
import { reviewCases } from "./reviews.js";
import { reportCases } from "./reports.js";
import { spreadsheetCases } from "./spreadsheet.js";

export const EXTRA_CASES: Cases = { ...calendarCases, ...followUpCases, ...overviewCases, ...indicatorCases, ...meetingCases, ...reviewCases, ...deckCases, ...reportCases, ...jobCases, ...spreadsheetCases };
