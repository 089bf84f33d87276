/** The fiches of a contract as an Excel workbook: export (readers) and import back (the coordination). */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fichesWorkbook } from "./fiches-xlsx.js";
import { readUploadedFile } from "../../http/upload.js";
import { assertCan } from "../../policies/index.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { parisDay, shortDay } from "../../domain/dates.js";
import { fichesDocument } from "./fiches-document.js";
import { templatePhrase } from "../../domain/referentials.js";
import { contractReferential } from "../referentials/service.js";
import { importFiches } from "./import.js";
import { loadContractFiches } from "./service.js";
import { binary } from "../../http/responses.js";
import { importSummaryOut } from "./schema.js";

const tags = ["Export et import"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** The 40 fiches of a big contract make well under 1 Mo. */
const MAX_BYTES = 10 * 1024 * 1024;

export const spreadsheetRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 0, parts: 2 } });

  app.get(
    "/contracts/:contractId/actions.docx",
    { schema: { response: { 200: binary("Les fiches (Word)", DOCX) }, tags, summary: "Toutes les fiches actions au format Word, présentées comme la fiche action de l'ARS : un chapitre par fiche, ses blocs dans l'ordre du modèle", params: contractParams } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.export", { contractId });
      const today = parisDay();
      const { contractName, contractSlug, fiches } = await loadContractFiches(app.db, contractId, today);
      const template = templatePhrase(await contractReferential(app.db, contractId));
      const file = await app.renderer.render("docx", fichesDocument(contractName, fiches, shortDay(today), template));
      return reply.header("content-type", DOCX).header("content-disposition", `attachment; filename="fiches-${contractSlug}.docx"`).send(file);
    },
  );

  app.get(
    "/contracts/:contractId/actions.xlsx",
    {
      schema: { response: { 200: binary("Les fiches (Excel)", XLSX) },
        tags,
        summary: "Toutes les fiches actions au format Excel : une feuille par bloc de la fiche, une ligne par fiche, réimportable",
        params: contractParams,
      },
    },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.export", { contractId });
      const today = parisDay();
      const { contractName, contractSlug, fiches } = await loadContractFiches(app.db, contractId, today);
      const file = await fichesWorkbook(contractName, fiches, shortDay(today));
      return reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="fiches-${contractSlug}.xlsx"`).send(file);
    },
  );

  app.post(
    "/contracts/:contractId/actions.xlsx",
    {
      schema: { response: { 200: importSummaryOut },
        tags,
        summary:
          "Importer les fiches depuis le classeur Excel exporté (multipart/form-data, champ « file », 10 Mo au plus). Met à jour les fiches modifiées seulement, sans en créer ; " +
          "si une cellule est en erreur, rien n'est enregistré et chaque erreur est rendue avec sa cellule (path « Feuille!F7 »). Réponse : { updated: [numéros], unchanged: n }.",
        params: contractParams,
      },
    },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.update", { contractId });
      await contractExists(app.db, contractId);
      const { bytes } = await readUploadedFile(request, { what: "le classeur", missing: "Choisissez le classeur Excel (.xlsx) à importer.", limitLabel: "10 Mo" });
      return importFiches(app.db, request.actor, contractId, bytes, parisDay());
    },
  );
};
