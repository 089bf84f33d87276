/** The coordinator's views of a contract: COTECH table (and XLSX), dashboard, timeline; the table's own rows. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { can, assertCan } from "../../policies/index.js";
import { cotechWorkbook } from "./cotech-xlsx.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { parisDay } from "../../domain/dates.js";
import { loadCotechTable, tableFor } from "./cotech-table.js";
import { dashboardAt, loadDashboard, loadTimeline } from "./service.js";
import { createItem, deleteItem, ITEM_NOT_FOUND, itemContractId, updateItem } from "./follow-up-items.js";
import { itemBody, itemParams, itemUpdateBody, yearQuery } from "./schema.js";
import { binary, noContent } from "../../http/responses.js";
import { cotechTableOut, dashboardOut, followUpItemOut, timelineOut } from "./schema-out.js";

const tags = ["Vues de la coordination"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The year's table as `actor` sees it: the rows are read once for everyone, the permissions per actor. */
  async function table(actor: Parameters<typeof can>[0], contractId: string, year: number | undefined) {
    const today = parisDay();
    const shared = await app.readViews.view(contractId, `cotech-table:${year ?? "current"}:${today}`, () => loadCotechTable(app.db, contractId, year, today, () => false));
    return tableFor(shared, (actionId) => can(actor, "action.update", { contractId, actionId }));
  }

  app.get(
    "/contracts/:contractId/cotech-table",
    { schema: { response: { 200: cotechTableOut }, tags, summary: "Tableau de suivi COTECH d'une année : par axe et objectif opérationnel, une ligne par fiche", params: contractParams, querystring: yearQuery } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const result = await table(request.actor, contractId, request.query.year);
      return { ...result, permissions: { manage: can(request.actor, "governance.manage", { contractId }) } };
    },
  );

  app.get(
    "/contracts/:contractId/cotech-table.xlsx",
    { schema: { response: { 200: binary("Le tableau COTECH (XLSX)", XLSX) }, tags, summary: "Tableau de suivi COTECH d'une année, au format Excel", params: contractParams, querystring: yearQuery } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const result = await table(request.actor, contractId, request.query.year);
      const file = await cotechWorkbook(result.contractName, result);
      const name = `tableau-cotech-${result.year}.xlsx`;
      return reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="${name}"`).send(file);
    },
  );

  app.post("/contracts/:contractId/follow-up-items", { schema: { response: { 201: followUpItemOut }, tags, summary: "Ajouter une action transversale ou une ligne de processus au tableau COTECH", params: contractParams, body: itemBody } }, async (request, reply) => {
    assertCan(request.actor, "governance.manage", request.params);
    return reply.status(201).send(await createItem(app.db, request.actor, request.params.contractId, request.body));
  });

  app.put("/follow-up-items/:itemId", { schema: { response: { 200: followUpItemOut }, tags, summary: "Modifier une ligne du tableau COTECH (version lue obligatoire)", params: itemParams, body: itemUpdateBody } }, async (request) => {
    const contractId = await itemContractId(app.db, request.params.itemId);
    assertCan(request.actor, "governance.manage", { contractId, missing: ITEM_NOT_FOUND });
    return updateItem(app.db, request.actor, request.params.itemId, request.body);
  });

  app.delete("/follow-up-items/:itemId", { schema: { response: { 204: noContent }, tags, summary: "Retirer une ligne du tableau COTECH", params: itemParams } }, async (request, reply) => {
    const contractId = await itemContractId(app.db, request.params.itemId);
    assertCan(request.actor, "governance.manage", { contractId, missing: ITEM_NOT_FOUND });
    await deleteItem(app.db, request.actor, request.params.itemId);
    return reply.status(204).send();
  });

  app.get("/contracts/:contractId/dashboard", { schema: { response: { 200: dashboardOut }, tags, summary: "Tableau de bord du contrat", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    const { contractId } = request.params;
    const today = parisDay();
    const loaded = await app.readViews.view(contractId, `dashboard:${today}`, async () => (await Promise.all([loadDashboard(app.db, contractId, today), contractExists(app.db, contractId)]))[0]);
    return dashboardAt(loaded);
  });

  app.get("/contracts/:contractId/timeline", { schema: { response: { 200: timelineOut }, tags, summary: "Chronologie des fiches et de leurs étapes sur la période du contrat", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    const today = parisDay();
    return app.readViews.view(request.params.contractId, `timeline:${today}`, () => loadTimeline(app.db, request.params.contractId, today));
  });
};
