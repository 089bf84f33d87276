/**
 * « À faire » (issue 15): a lead's fiches with what is due on each (« Mes fiches », their
 * home), and the same list across every fiche of a contract for its coordination.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { unauthorized } from "../../http/problem.js";
import { contractParams } from "../../http/params.js";
import { parisDay } from "../../domain/dates.js";
import { contractExists } from "../contracts/queries.js";
import { contractTodoQuery } from "./schema.js";
import { contractTodoOut, myFichesOut } from "./schema-out.js";
import { contractTodo, myFiches } from "./service.js";

const tags = ["À faire"];

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/my/fiches", { schema: { response: { 200: myFichesOut }, tags, summary: "Mes fiches : les fiches que je pilote et ce qui est attendu sur chacune" } }, async (request) => {
    if (request.actor.kind !== "user") throw unauthorized();
    return myFiches(app.db, request.actor, parisDay());
  });

  app.get(
    "/contracts/:contractId/todo",
    { schema: { response: { 200: contractTodoOut }, tags, summary: "À faire du contrat : étapes en retard ou proches, avancements et mesures attendus, fiche par fiche", params: contractParams, querystring: contractTodoQuery } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.update", { contractId });
      const today = parisDay();
      const { kind } = request.query;
      return app.readViews.view(contractId, `todo:${today}:${kind ?? ""}`, async () => (await Promise.all([contractTodo(app.db, contractId, today, kind), contractExists(app.db, contractId)]))[0]);
    },
  );
};
