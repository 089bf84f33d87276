/** Case tables of the features, one file each, merged into the authorization matrix. */
import type { Cases } from "../support.js";
import { calendarCases } from "./calendar.js";
import { deckCases } from "./decks.js";
import { decisionCases } from "./decisions.js";
import { followUpCases } from "./followup.js";
import { indicatorCases } from "./indicators.js";
import { jobCases } from "./jobs.js";
import { meetingCases } from "./meetings.js";
import { overviewCases } from "./overview.js";
import { participationCases } from "./participation.js";
import { reviewCases } from "./reviews.js";
import { reportCases } from "./reports.js";
import { spreadsheetCases } from "./spreadsheet.js";
import { surveyCases } from "./surveys.js";
import { ambassadorCases } from "./ambassadors.js";
import { userCases } from "./users.js";
import { searchCases } from "./search.js";
import { todoCases } from "./todo.js";
import { referenceTerritoryCases } from "./reference-territory.js";
import { referentialCases } from "./referentials.js";
import { territoryCases } from "./territories.js";
import { referentCases } from "./referents.js";
import { proConnectCases } from "./proconnect.js";

export const EXTRA_CASES: Cases = { ...calendarCases, ...followUpCases, ...overviewCases, ...indicatorCases, ...meetingCases, ...decisionCases, ...reviewCases, ...deckCases, ...reportCases, ...jobCases, ...spreadsheetCases, ...participationCases, ...surveyCases, ...ambassadorCases, ...userCases, ...searchCases, ...todoCases, ...referenceTerritoryCases, ...referentialCases, ...territoryCases, ...referentCases, ...proConnectCases };
