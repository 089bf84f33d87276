import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actionPermissions, assertCan, type Actor } from "../../policies/index.js";
import type { Db } from "../../db/client.js";
import { uuid, version } from "../../validation/fields.js";
import { orderBody } from "../axes/schema.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { variantOf } from "../../cache/shared-values.js";
import { parisDay } from "../../domain/dates.js";
import { loadFicheProjections } from "./fiches.js";
import { mergeLinks } from "./merges.js";
import { actionFilters } from "./filters.js";
import { ACTION_NOT_FOUND, actionContractId, actionFacets, assertCommuneOf, getAction, listActions } from "./queries.js";
import { actionBody, actionUpdateBody } from "./schema.js";
import { archiveAction, createAction, reorderActions, restoreAction, updateAction } from "./service.js";
import { noContent } from "../../http/responses.js";
import { actionListOut, ficheOut } from "./schema-out.js";

const actionParams = z.object({ actionId: uuid });
const versionBody = z.object({ version });
const tags = ["Fiches actions"];

/** A fiche as every reader sees it on a day: its content, its status shown (from the fiche read model) and its merge links. */
async function loadFiche(db: Db, contractId: string, actionId: string, today: string) {
  const [view, [fiche]] = await Promise.all([getAction(db, actionId), loadFicheProjections(db, contractId, today, { ids: [actionId] })]);
  const links = await mergeLinks(db, actionId, fiche!.mergedIntoId);
  return { ...view, shownStatus: fiche!.shownStatus, shownStatusLabel: fiche!.shownStatusLabel, pilots: fiche!.pilots, ...links };
}

/** A fiche with what the actor may do on it, read afresh (after a write). */
async function actionForActor(db: Db, actor: Actor, contractId: string, actionId: string) {
  const fiche = await loadFiche(db, contractId, actionId, parisDay());
  return { ...fiche, permissions: actionPermissions(actor, contractId, actionId) };
}

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/actions",
    { schema: { response: { 200: actionListOut }, tags, summary: "Fiches d'un contrat : filtres, recherche plein texte, tri", params: contractParams, querystring: actionFilters } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "action.read", { contractId });
      const today = parisDay();
      // « Mes fiches » depends on who asks: applied to the shared view, outside it.
      const { mine, ...query } = request.query;
      if (query.commune) await assertCommuneOf(app.db, contractId, query.commune);
      const view = await app.readViews.view(contractId, `actions:${today}:${JSON.stringify(query)}`, async () => {
        const set = query.archived === "true" ? "archived" : "live";
        const [list, facets, fiches] = await Promise.all([listActions(app.db, contractId, query), actionFacets(app.db, contractId), loadFicheProjections(app.db, contractId, today, set), contractExists(app.db, contractId)]);
        const shown = new Map(fiches.map((f) => [f.id, f]));
        // Both reads run at once: a fiche archived or restored between them waits for the next read.
        const items = list.items
          .flatMap((i) => {
            const fiche = shown.get(i.id);
            return fiche ? [{ ...i, shownStatus: fiche.shownStatus, shownStatusLabel: fiche.shownStatusLabel, pilots: fiche.pilots }] : [];
          })
          .filter((i) => !query.shown || i.shownStatus === query.shown);
        return { ...list, items, total: items.length, facets };
      });
      if (mine !== "true") return view;
      const me = request.actor.kind === "user" ? request.actor.id : null;
      const items = view.items.filter((i) => i.pilots.some((p) => p.id === me));
      return { ...view, items, total: items.length };
    },
  );

  app.post(
    "/contracts/:contractId/actions",
    { schema: { response: { 201: ficheOut }, tags, summary: "Créer une fiche action", params: contractParams, body: actionBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "action.create", { contractId });
      const id = await createAction(app.db, request.actor, contractId, request.body);
      return reply.status(201).send(await actionForActor(app.db, request.actor, contractId, id));
    },
  );

  app.put(
    "/contracts/:contractId/actions/order",
    { schema: { response: { 204: noContent }, tags, summary: "Réordonner les fiches (renumérotées 1..n)", params: contractParams, body: orderBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "action.update", { contractId });
      await reorderActions(app.db, request.actor, contractId, request.body.ids);
      return reply.status(204).send();
    },
  );

  app.get("/actions/:actionId", { schema: { response: { 200: ficheOut }, tags, summary: "Une fiche action complète", params: actionParams } }, async (request) => {
    const { actionId } = request.params;
    // A fiche never changes contract: which one it belongs to is remembered once known.
    const contractId = await app.readViews.lasting(`action-contract:${actionId}`, () => actionContractId(app.db, actionId));
    assertCan(request.actor, "action.read", { contractId, missing: ACTION_NOT_FOUND });
    const today = parisDay();
    const fiche = await app.readViews.view(contractId, `action:${actionId}:${today}`, () => loadFiche(app.db, contractId, actionId, today));
    const permissions = actionPermissions(request.actor, contractId, actionId);
    return variantOf(fiche, JSON.stringify(permissions), () => ({ ...fiche, permissions }));
  });

  app.put(
    "/actions/:actionId",
    { schema: { response: { 200: ficheOut }, tags, summary: "Modifier une fiche action (version lue obligatoire)", params: actionParams, body: actionUpdateBody } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.update", { contractId, actionId: request.params.actionId, missing: ACTION_NOT_FOUND });
      await updateAction(app.db, request.actor, request.params.actionId, request.body);
      return actionForActor(app.db, request.actor, contractId, request.params.actionId);
    },
  );

  app.post(
    "/actions/:actionId/archive",
    { schema: { response: { 200: ficheOut }, tags, summary: "Archiver une fiche (jamais supprimée)", params: actionParams, body: versionBody } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.archive", { contractId, missing: ACTION_NOT_FOUND });
      await archiveAction(app.db, request.actor, request.params.actionId, request.body.version);
      return actionForActor(app.db, request.actor, contractId, request.params.actionId);
    },
  );

  app.post(
    "/actions/:actionId/restore",
    { schema: { response: { 200: ficheOut }, tags, summary: "Restaurer une fiche archivée", params: actionParams, body: versionBody } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.archive", { contractId, missing: ACTION_NOT_FOUND });
      await restoreAction(app.db, request.actor, request.params.actionId, request.body.version);
      return actionForActor(app.db, request.actor, contractId, request.params.actionId);
    },
  );
};
