/** The annual report of a contract for a calendar year, as DOCX, PDF or HTML (readers of the contract). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorIdentity, assertCan } from "../../policies/index.js";
import { buildAnnualReport } from "./build.js";
import { annualReportParams, annualReportQuery } from "./schema.js";
import { loadAnnualReport } from "./service.js";
import { documentResponse } from "../../http/responses.js";
import { sendDocument, sendFile } from "../../http/send-document.js";

const tags = ["Documents"];

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/annual-report.:format",
    { schema: { response: { 200: documentResponse("Le bilan annuel") }, tags, summary: "Bilan annuel d'une année civile du contrat (docx, pdf ou html)", params: annualReportParams, querystring: annualReportQuery } },
    async (request, reply) => {
      const { contractId, format } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const input = await loadAnnualReport(app.db, contractId, request.query.year, actorIdentity(request.actor).name);
      const baseName = `bilan-annuel-${request.query.year}`;
      // Its charts are drawn with the layout, in the render worker: the event loop stays free.
      if (format === "html") return sendDocument(reply, format, buildAnnualReport(input), baseName);
      return sendFile(reply, format, await app.renderer.render(format === "docx" ? "annual-report-docx" : "annual-report-pdf", input), baseName);
    },
  );
};
