import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ACTION_STATUSES, CONTRACT_STATUSES } from "../../domain/statuses.js";
import * as vocabulary from "../../domain/vocabulary.js";
import { CONTRACT_TRANSITIONS } from "../contracts/lifecycle.js";
import { referenceOut } from "./schema.js";

/** The controlled vocabularies, for clients other than the web app (which imports them). */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/reference", { schema: { response: { 200: referenceOut }, tags: ["Référentiels"], summary: "Listes de valeurs : thèmes, déterminants, secteurs, statuts…" } }, async () => ({
    themes: vocabulary.THEMES,
    determinants: vocabulary.DETERMINANTS,
    partnerSectors: vocabulary.PARTNER_SECTORS,
    participationDegrees: vocabulary.PARTICIPATION_DEGREES,
    cityContractAnswers: vocabulary.CITY_CONTRACT_ANSWERS,
    territoryScopes: vocabulary.TERRITORY_SCOPES,
    indicatorKinds: vocabulary.INDICATOR_KINDS,
    otherPlans: vocabulary.OTHER_PLANS,
    actionStatuses: ACTION_STATUSES,
    contractStatuses: CONTRACT_STATUSES,
    contractTransitions: CONTRACT_TRANSITIONS,
  }));
};
