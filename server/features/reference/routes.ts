import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ACTION_STATUSES, CONTRACT_STATUSES } from "../../domain/statuses.js";
import * as vocabulary from "../../domain/vocabulary.js";
import { CONTRACT_TRANSITIONS } from "../contracts/lifecycle.js";
import { assertSignedIn } from "../../auth/plugin.js";
import { notFound } from "../../http/problem.js";
import { communeByCode, epciByCode, formerCommune, searchCommunes, searchEpcis } from "../../territory/reference.js";
import {
  communeCodeParams,
  epciCodeParams,
  referenceCommuneListOut,
  referenceCommuneOut,
  referenceEpciListOut,
  referenceEpciOut,
  referenceOut,
  territorySearchQuery,
} from "./schema.js";
import { communeView, epciSummary, epciView } from "./territory.js";

const territoryTags = ["Référentiels"];

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

  // The official territory (@etalab/decoupage-administratif), for the contract form: signed-in users only.
  app.get(
    "/reference/communes",
    { schema: { querystring: territorySearchQuery, response: { 200: referenceCommuneListOut }, tags: territoryTags, summary: "Chercher une commune par son nom (sans tenir compte des accents), son code INSEE ou son code postal : 20 au plus" } },
    async (request) => {
      assertSignedIn(request.actor);
      return { items: searchCommunes(request.query.q).map(communeView) };
    },
  );

  app.get(
    "/reference/communes/:code",
    { schema: { params: communeCodeParams, response: { 200: referenceCommuneOut }, tags: territoryTags, summary: "Une commune par son code INSEE : nom, population, département, région, EPCI" } },
    async (request) => {
      assertSignedIn(request.actor);
      const { code } = request.params;
      const commune = communeByCode(code);
      if (commune) return communeView(commune);
      const former = formerCommune(code);
      const current = former && communeByCode(former.currentCode);
      throw notFound(
        former && current
          ? `Le code INSEE ${code} est celui de l'ancienne commune ${former.name}, aujourd'hui rattachée à ${current.name} (code ${current.code}).`
          : `Aucune commune n'a le code INSEE ${code}.`,
      );
    },
  );

  app.get(
    "/reference/epcis",
    { schema: { querystring: territorySearchQuery, response: { 200: referenceEpciListOut }, tags: territoryTags, summary: "Chercher un EPCI (communauté d'agglomération, de communes, urbaine, métropole) ou un EPT par son nom ou son SIREN : 20 au plus" } },
    async (request) => {
      assertSignedIn(request.actor);
      return { items: searchEpcis(request.query.q).map(epciSummary) };
    },
  );

  app.get(
    "/reference/epcis/:code",
    { schema: { params: epciCodeParams, response: { 200: referenceEpciOut }, tags: territoryTags, summary: "Un EPCI par son SIREN, avec ses communes et leurs populations" } },
    async (request) => {
      assertSignedIn(request.actor);
      const epci = epciByCode(request.params.code);
      if (!epci) throw notFound(`Aucun EPCI n'a le numéro SIREN ${request.params.code}.`);
      return epciView(epci);
    },
  );
};
