/**
 * The annual report of a contract for a calendar year, as DOCX, PDF or HTML (readers of the
 * contract); its synthesis and outlook, proposed by Clés, written and published by the coordination.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorIdentity, assertCan, can, type Actor } from "../../policies/index.js";
import { buildAnnualReport } from "./build.js";
import { annualReportParams, annualReportQuery, annualTextsBody, annualTextsOut, annualTextsParams, annualTextsStateBody } from "./schema.js";
import { contractYear, loadAnnualReport } from "./service.js";
import { publishTexts, reopenTexts, saveTexts, textsRow, textsView } from "./texts-service.js";
import { documentResponse } from "../../http/responses.js";
import { sendDocument, sendFile } from "../../http/send-document.js";

const tags = ["Documents"];
const texts = "/contracts/:contractId/annual-reports/:year/texts";

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const load = (actor: Actor, contractId: string, year: number) =>
    loadAnnualReport(app.db, contractId, year, actorIdentity(actor).name, { manage: can(actor, "review.manage", { contractId }) });

  app.get(
    "/contracts/:contractId/annual-report.:format",
    { schema: { response: { 200: documentResponse("Le bilan annuel") }, tags, summary: "Bilan annuel d'une année civile du contrat (docx, pdf ou html)", params: annualReportParams, querystring: annualReportQuery } },
    async (request, reply) => {
      const { contractId, format } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const input = await load(request.actor, contractId, request.query.year);
      const baseName = `bilan-annuel-${request.query.year}`;
      // Its charts are drawn with the layout, in the render worker: the event loop stays free.
      if (format === "html") return sendDocument(reply, format, buildAnnualReport(input), baseName);
      return sendFile(reply, format, await app.renderer.render(format === "docx" ? "annual-report-docx" : "annual-report-pdf", input), baseName);
    },
  );

  /** The texts as the page shows them, after any change. */
  const view = async (actor: Actor, contractId: string, year: number) => textsView(await textsRow(app.db, contractId, year), await load(actor, contractId, year), actor, contractId);

  app.get(
    texts,
    { schema: { response: { 200: annualTextsOut }, tags, summary: "Synthèse et perspectives du bilan annuel d'une année (et, pour la coordination, le brouillon et la proposition de Clés)", params: annualTextsParams } },
    async (request) => {
      const { contractId, year } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      return view(request.actor, contractId, year);
    },
  );

  app.put(
    texts,
    { schema: { response: { 200: annualTextsOut }, tags, summary: "Enregistrer le brouillon de la synthèse et des perspectives (version lue obligatoire, null avant le premier enregistrement)", params: annualTextsParams, body: annualTextsBody } },
    async (request) => {
      const { contractId, year } = request.params;
      assertCan(request.actor, "review.manage", { contractId });
      await contractYear(app.db, contractId, year);
      await saveTexts(app.db, request.actor, contractId, year, request.body);
      return view(request.actor, contractId, year);
    },
  );

  const changes = [
    { path: "publication", act: publishTexts, summary: "Publier la synthèse et les perspectives : le bilan de chaque lecteur les montre" },
    { path: "reopening", act: reopenTexts, summary: "Rouvrir la synthèse et les perspectives publiées pour les modifier (elles redeviennent un brouillon)" },
  ] as const;
  for (const { path, act, summary } of changes) {
    app.post(`${texts}/${path}`, { schema: { response: { 200: annualTextsOut }, tags, summary, params: annualTextsParams, body: annualTextsStateBody } }, async (request) => {
      const { contractId, year } = request.params;
      assertCan(request.actor, "review.manage", { contractId });
      await contractYear(app.db, contractId, year);
      await act(app.db, request.actor, contractId, year, request.body.version);
      return view(request.actor, contractId, year);
    });
  }
};
