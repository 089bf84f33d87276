/** The documents being prepared for the person who asked for them: progress, then the file. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contentDisposition } from "../http/content-disposition.js";
import { uuid } from "../validation/fields.js";
import { binary } from "../http/responses.js";
import { jobOut } from "./schema-out.js";

const tags = ["Documents"];
const jobParams = z.object({ jobId: uuid });

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/jobs/:jobId",
    { schema: { response: { 200: z.object({ job: jobOut }) }, tags, summary: "Où en est un document en préparation (seulement pour la personne qui l'a demandé)", params: jobParams } },
    async (request) => ({ job: await app.jobs.view(request.actor, request.params.jobId) }),
  );

  app.get(
    "/jobs/:jobId/file",
    { schema: { response: { 200: binary("Le document préparé (PDF, Word, HTML ou ZIP selon la demande)", "*/*") }, tags, summary: "Télécharger un document préparé (409 tant qu'il n'est pas prêt)", params: jobParams } },
    async (request, reply) => {
      const file = await app.jobs.file(request.actor, request.params.jobId);
      return reply
        .header("content-type", file.mediaType)
        .header("content-disposition", contentDisposition(file.fileName))
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(file.body);
    },
  );
};
