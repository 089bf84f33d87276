/** Committee slides (issue 6): every reader of the contract may download them. */
import { type Cases, readers } from "../support.js";

export const deckCases: Cases = {
  "GET /api/contracts/:contractId/deck.pptx": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/deck.pptx?year=2021&actions=1,2` }), expect: readers }],
  "GET /api/contracts/:contractId/deck.pdf": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/deck.pdf?year=2021&actions=1,2` }), expect: readers }],
};
