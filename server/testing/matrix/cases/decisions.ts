/** The decisions of meetings that concern a fiche (issue 15, item 14). */
import { type Cases, readers } from "../support.js";

export const decisionCases: Cases = {
  "GET /api/actions/:actionId/decisions": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/decisions` }), expect: readers }],
};
