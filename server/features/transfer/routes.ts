import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { contractExists, getContract } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { exportContract, importContract, parseContractDocument } from "./service.js";
import { contractDocumentBody, exportOut, exportQuery, importQuery } from "./schema.js";
import { contractViewOut } from "../contracts/schema-out.js";

const tags = ["Export et import"];
/** A whole contract with its fiches stays well under this. */
const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/export",
    { schema: { response: { 200: exportOut }, tags, summary: "Exporter un contrat entier et sa vie (format JSON cles.contract v2 ; ?residents=true ajoute les noms des habitants)", params: contractParams, querystring: exportQuery } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.export", { contractId });
      if (request.query.residents) assertCan(request.actor, "residents.read", { contractId });
      await contractExists(app.db, contractId);
      const doc = await exportContract(app.db, contractId, { residents: request.query.residents });
      return reply.header("content-disposition", `attachment; filename="${doc.contract.slug}.cles.json"`).send(doc);
    },
  );

  app.post(
    "/contracts/import",
    {
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: {
        response: { 201: contractViewOut },
        tags,
        summary: "Importer un contrat entier depuis un export JSON, version 2 ou 1 (rien n'est écrit si le fichier est invalide)",
        querystring: importQuery,
        body: contractDocumentBody,
      },
    },
    async (request, reply) => {
      assertCan(request.actor, "contract.import");
      const doc = parseContractDocument(request.body);
      const id = await importContract(app.db, request.actor, doc, request.query.slug);
      return reply.status(201).send(await getContract(app.db, id));
    },
  );
};
