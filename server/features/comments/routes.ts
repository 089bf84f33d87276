/** Partner remarks on a fiche and its progress entries. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan, can } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { commentBody, commentUpdateBody } from "./schema.js";
import { COMMENT_NOT_FOUND, commentScope, createComment, deleteComment, listComments, updateComment } from "./service.js";
import { noContent } from "../../http/responses.js";
import { commentListOut, commentOut } from "./schema-out.js";

const tags = ["Remarques partenaires"];
const actionParams = z.object({ actionId: uuid });
const commentParams = z.object({ commentId: uuid });

export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/actions/:actionId/comments", { schema: { response: { 200: commentListOut }, tags, summary: "Remarques sur une fiche et ses avancements, des plus anciennes aux plus récentes", params: actionParams } }, async (request) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.read", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return { items: await listComments(app.db, request.actor, actionId), permissions: { comment: can(request.actor, "comment.write", { contractId }) } };
  });

  app.post("/actions/:actionId/comments", { schema: { response: { 201: commentOut }, tags, summary: "Écrire une remarque (texte simple)", params: actionParams, body: commentBody } }, async (request, reply) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "comment.write", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return reply.status(201).send(await createComment(app.db, request.actor, { contractId, actionId }, request.body));
  });

  app.put("/comments/:commentId", { schema: { response: { 200: commentOut }, tags, summary: "Corriger sa remarque", params: commentParams, body: commentUpdateBody } }, async (request) => {
    const scope = await commentScope(app.db, request.params.commentId);
    assertCan(request.actor, "comment.write", { ...scope, missing: COMMENT_NOT_FOUND });
    return updateComment(app.db, request.actor, request.params.commentId, request.body);
  });

  app.delete("/comments/:commentId", { schema: { response: { 204: noContent }, tags, summary: "Retirer une remarque (son auteur ou la coordination)", params: commentParams } }, async (request, reply) => {
    const scope = await commentScope(app.db, request.params.commentId);
    assertCan(request.actor, "comment.write", { ...scope, missing: COMMENT_NOT_FOUND });
    await deleteComment(app.db, request.actor, request.params.commentId);
    return reply.status(204).send();
  });
};
