/** Attachments of meetings: upload (multipart), download, removal. */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readUploadedFile } from "../../http/upload.js";
import { contentDisposition } from "../../http/content-disposition.js";
import { assertCan } from "../../policies/index.js";
import { MEETING_NOT_FOUND, meetingContractId } from "../governance/service.js";
import { attachmentParams, meetingParams } from "./schema.js";
import { addAttachment, ATTACHMENT_NOT_FOUND, attachmentScope, maxAttachmentBytes, readAttachment, removeAttachment, sizeLabel } from "./service.js";
import { binary, noContent } from "../../http/responses.js";
import { attachmentOut } from "../governance/schema-out.js";

const tags = ["Gouvernance"];

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const limit = maxAttachmentBytes();
  await app.register(fastifyMultipart, { limits: { fileSize: limit, files: 1, fields: 0, parts: 2 } });

  app.post(
    "/meetings/:meetingId/attachments",
    { schema: { response: { 201: attachmentOut }, tags, summary: `Joindre un fichier à une réunion (multipart, champ « file » ; ${sizeLabel(limit)} au plus ; PDF, DOCX, PPTX, XLSX, ODT, ODP, ODS, PNG, JPEG, WEBP)`, params: meetingParams } },
    async (request, reply) => {
      const contractId = await meetingContractId(app.db, request.params.meetingId);
      assertCan(request.actor, "governance.manage", { contractId, missing: MEETING_NOT_FOUND });
      const file = await readUploadedFile(request, { what: "le fichier", missing: "Choisissez un fichier à joindre.", limitLabel: sizeLabel(limit) });
      return reply.status(201).send(await addAttachment(app.db, app.storage, request.actor, request.params.meetingId, file));
    },
  );

  app.get("/attachments/:attachmentId", { schema: { response: { 200: binary("La pièce jointe, dans son format d'origine", "*/*") }, tags, summary: "Télécharger une pièce jointe", params: attachmentParams } }, async (request, reply) => {
    const row = await attachmentScope(app.db, request.params.attachmentId);
    assertCan(request.actor, "contract.read", { contractId: row.contractId, missing: ATTACHMENT_NOT_FOUND });
    const bytes = await readAttachment(app.storage, row);
    return reply
      .type(row.mediaType)
      .header("content-disposition", contentDisposition(row.fileName))
      .header("x-content-type-options", "nosniff")
      .send(bytes);
  });

  app.delete("/attachments/:attachmentId", { schema: { response: { 204: noContent }, tags, summary: "Retirer une pièce jointe", params: attachmentParams } }, async (request, reply) => {
    const row = await attachmentScope(app.db, request.params.attachmentId);
    assertCan(request.actor, "governance.manage", { contractId: row.contractId, missing: ATTACHMENT_NOT_FOUND });
    await removeAttachment(app.db, app.storage, request.actor, request.params.attachmentId);
    return reply.status(204).send();
  });
};
