/** The coordinator's views of a contract: COTECH table (and XLSX), dashboard, timeline; the table's own rows. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { can, assertCan } from "../../policies/index.js";
import { cotechWorkbook } from "./cotech-xlsx.js";
import { contractParams } from "../../http/params.js";
import { parisDay } from "../../domain/dates.js";
import { variantOf } from "../../cache/shared-values.js";
import { loadCotechTable, rowIds, tableFor } from "./cotech-table.js";
import { composeDashboard, dashboardAt, DASHBOARD_EVENT_TABLES, DASHBOARD_FICHE_TABLES, DASHBOARD_GOVERNANCE_TABLES, DASHBOARD_INDICATOR_TABLES, DASHBOARD_TABLES, EVENT_KINDS, loadDashboardEvents, loadDashboardFiches, loadDashboardGovernance, loadDashboardIndicators, loadTimeline } from "./service.js";
import { createItem, deleteItem, ITEM_NOT_FOUND, itemContractId, updateItem } from "./follow-up-items.js";
import { itemBody, itemParams, itemUpdateBody, yearQuery } from "./schema.js";
import { binary, noContent } from "../../http/responses.js";
import { cotechTableOut, dashboardOut, followUpItemOut, timelineOut } from "./schema-out.js";

const tags = ["Vues de la coordination"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The year's table, read once for everyone. */
  function sharedTable(contractId: string, year: number | undefined) {
    const today = parisDay();
    return app.readViews.view(contractId, `cotech-table:${year ?? "current"}:${today}`, () => loadCotechTable(app.db, contractId, year, today, () => false));
  }

  /** The year's table as `actor` sees it: the permissions per actor on the shared rows. */
  async function table(actor: Parameters<typeof can>[0], contractId: string, year: number | undefined) {
    return tableFor(await sharedTable(contractId, year), (actionId) => can(actor, "action.update", { contractId, actionId }));
  }

  app.get(
    "/contracts/:contractId/cotech-table",
    { schema: { response: { 200: cotechTableOut }, tags, summary: "Tableau de suivi COTECH d'une année : par axe et objectif opérationnel, une ligne par fiche", params: contractParams, querystring: yearQuery } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const shared = await sharedTable(contractId, request.query.year);
      // Readers who may do the same get the same answer, written once.
      const updatable = rowIds(shared).filter((actionId) => can(request.actor, "action.update", { contractId, actionId }));
      const manage = can(request.actor, "governance.manage", { contractId });
      return variantOf(shared, `${manage}:${updatable.join(",")}`, () => {
        const mayUpdate = new Set(updatable);
        return { ...tableFor(shared, (actionId) => mayUpdate.has(actionId)), permissions: { manage } };
      });
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
    // A missing contract is a 404 from the governance part the dashboard reads. Its parts are
    // views of their own, read inside the whole's computation (so that they are at least as fresh
    // as it): after a remark, only the latest activity is read again; after a measurement, the
    // indicators and the latest activity.
    const views = app.readViews;
    const loaded = await views.view(
      contractId,
      `dashboard:${today}`,
      async () => {
        const [fiches, indicators, governance, events] = await Promise.all([
          views.view(contractId, `dashboard-fiches:${today}`, () => loadDashboardFiches(app.db, contractId, today), DASHBOARD_FICHE_TABLES),
          views.view(contractId, `dashboard-indicators:${today}`, () => loadDashboardIndicators(app.db, contractId, today), DASHBOARD_INDICATOR_TABLES),
          views.view(contractId, `dashboard-governance:${today}`, () => loadDashboardGovernance(app.db, contractId), DASHBOARD_GOVERNANCE_TABLES),
          Promise.all(EVENT_KINDS.map((kind) => views.view(contractId, `dashboard-events:${kind}`, () => loadDashboardEvents(app.db, contractId, kind), DASHBOARD_EVENT_TABLES[kind]))),
        ]);
        return composeDashboard({ fiches, indicators, governance, events: events.flat() });
      },
      DASHBOARD_TABLES,
    );
    // The same answer until the next meeting begins.
    const now = new Date();
    return variantOf(loaded, `from:${loaded.upcomingMeetings.findIndex((m) => m.startsAt >= now)}`, () => dashboardAt(loaded, now));
  });

  app.get("/contracts/:contractId/timeline", { schema: { response: { 200: timelineOut }, tags, summary: "Chronologie des fiches et de leurs étapes sur la période du contrat", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    const today = parisDay();
    return app.readViews.view(request.params.contractId, `timeline:${today}`, () => loadTimeline(app.db, request.params.contractId, today));
  });
};
