/** The committee deck of a contract (COTECH / COPIL), as PowerPoint and as PDF. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { deckPdf } from "./deck-pdf.js";
import { deckPptx } from "./deck-pptx.js";
import { contractParams } from "../../http/params.js";
import { parisDay } from "../../domain/dates.js";
import { loadDeck } from "./service.js";
import { deckQuery } from "./schema.js";
import { binary } from "../../http/responses.js";

const tags = ["Vues de la coordination"];
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

export const deckRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/deck.pptx",
    { schema: { response: { 200: binary("Le diaporama (PowerPoint)", PPTX) }, tags, summary: "Diaporama de comité (COTECH / COPIL) d'une année, au format PowerPoint", params: contractParams, querystring: deckQuery } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const { deck, fileName } = await loadDeck(app.db, contractId, request.query, parisDay());
      const file = await deckPptx(deck);
      return reply.header("content-type", PPTX).header("content-disposition", `attachment; filename="${fileName}.pptx"`).send(file);
    },
  );

  app.get(
    "/contracts/:contractId/deck.pdf",
    { schema: { response: { 200: binary("Le diaporama (PDF)", "application/pdf") }, tags, summary: "Diaporama de comité (COTECH / COPIL) d'une année, au format PDF", params: contractParams, querystring: deckQuery } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const { deck, fileName } = await loadDeck(app.db, contractId, request.query, parisDay());
      const file = await deckPdf(deck);
      return reply.header("content-type", "application/pdf").header("content-disposition", `attachment; filename="${fileName}.pdf"`).send(file);
    },
  );
};
