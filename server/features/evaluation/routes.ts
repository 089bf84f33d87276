/**
 * The contract's evaluation: read by every reader; prepared, opened to members and
 * validated by the coordination (review.manage); answered by members (evaluation.answer).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorIdentity, assertCan } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { evaluationQuestionnaireMail } from "../../mail/evaluation-mail.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { listMembers } from "../members/service.js";
import { loadContract } from "../annual-report/service.js";
import { DOCUMENT_FORMATS, sendDocument } from "../../http/send-document.js";
import { evaluationDocument } from "./document.js";
import { answersBody, evaluationUpdateBody, stateBody, validationBody } from "./schema.js";
import { closeQuestionnaire, evaluationView, myAnswers, openQuestionnaire, saveMyAnswers, updateEvaluation, validateEvaluation } from "./service.js";
import { documentResponse } from "../../http/responses.js";
import { evaluationOut, myAnswersOut, questionnaireOpenedOut, savedAnswersOut } from "./schema-out.js";

const tags = ["Évaluation"];
const documentParams = z.object({ contractId: uuid, format: z.enum(DOCUMENT_FORMATS, { error: "Format inconnu : docx, pdf ou html." }) });

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const view = (request: { actor: Parameters<typeof evaluationView>[1] }, contractId: string) => evaluationView(app.db, request.actor, contractId);

  app.get("/contracts/:contractId/evaluation", { schema: { response: { 200: evaluationOut }, tags, summary: "L'évaluation du contrat (créée avec un questionnaire par défaut à la première lecture)", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    await contractExists(app.db, request.params.contractId);
    return view(request, request.params.contractId);
  });

  app.put("/contracts/:contractId/evaluation", { schema: { response: { 200: evaluationOut }, tags, summary: "Rédiger les parties de l'évaluation ; modifier les questions tant que le questionnaire n'est pas envoyé (version lue obligatoire)", params: contractParams, body: evaluationUpdateBody } }, async (request) => {
    assertCan(request.actor, "review.manage", request.params);
    await contractExists(app.db, request.params.contractId);
    await updateEvaluation(app.db, request.actor, request.params.contractId, request.body);
    return view(request, request.params.contractId);
  });

  app.post("/contracts/:contractId/evaluation/questionnaire", { schema: { response: { 200: questionnaireOpenedOut }, tags, summary: "Ouvrir le questionnaire et l'envoyer par courriel à chaque membre du contrat", params: contractParams, body: stateBody } }, async (request) => {
    const { contractId } = request.params;
    assertCan(request.actor, "review.manage", request.params);
    const contract = await loadContract(app.db, contractId);
    const opened = await openQuestionnaire(app.db, request.actor, contractId, request.body?.version);
    const members = (await listMembers(app.db, contractId)).items;
    const sender = actorIdentity(request.actor).name;
    const link = `${app.publicUrl}/contrats/${contractId}/evaluation/questionnaire`;
    const failed: string[] = [];
    for (const m of members) {
      try {
        await app.mailer.send(evaluationQuestionnaireMail({ to: m.email, name: m.name, contractName: contract.name, sender, link, questionCount: opened.questions.length }));
      } catch (err) {
        request.log.error({ err }, "evaluation questionnaire mail not sent");
        failed.push(m.email);
      }
    }
    return { ...(await view(request, contractId)), notified: members.length - failed.length, failed };
  });

  const close = async (request: { actor: Parameters<typeof evaluationView>[1]; params: { contractId: string }; body?: { version?: number } }) => {
    assertCan(request.actor, "review.manage", request.params);
    await contractExists(app.db, request.params.contractId);
    await closeQuestionnaire(app.db, request.actor, request.params.contractId, request.body?.version);
    return view(request, request.params.contractId);
  };
  app.post("/contracts/:contractId/evaluation/questionnaire/close", { schema: { response: { 200: evaluationOut }, tags, summary: "Clore le questionnaire", params: contractParams, body: stateBody } }, (request) => close(request));
  app.delete("/contracts/:contractId/evaluation/questionnaire", { schema: { response: { 200: evaluationOut }, tags, summary: "Clore le questionnaire (comme …/questionnaire/close)", params: contractParams } }, (request) => close({ actor: request.actor, params: request.params }));

  app.get("/contracts/:contractId/evaluation/answers/mine", { schema: { response: { 200: myAnswersOut }, tags, summary: "Le questionnaire et mes réponses", params: contractParams } }, async (request) => {
    assertCan(request.actor, "evaluation.answer", request.params);
    await contractExists(app.db, request.params.contractId);
    const contract = await loadContract(app.db, request.params.contractId);
    return { contractName: contract.name, ...(await myAnswers(app.db, request.actor, request.params.contractId)) };
  });

  app.put("/contracts/:contractId/evaluation/answers/mine", { schema: { response: { 200: savedAnswersOut }, tags, summary: "Enregistrer mes réponses au questionnaire (tant qu'il est ouvert)", params: contractParams, body: answersBody } }, async (request) => {
    assertCan(request.actor, "evaluation.answer", request.params);
    await contractExists(app.db, request.params.contractId);
    return saveMyAnswers(app.db, request.actor, request.params.contractId, request.body);
  });

  app.post("/contracts/:contractId/evaluation/validation", { schema: { response: { 200: evaluationOut }, tags, summary: "Enregistrer la réunion du COPIL qui a validé l'évaluation (elle est ensuite figée)", params: contractParams, body: validationBody } }, async (request) => {
    assertCan(request.actor, "review.manage", request.params);
    await contractExists(app.db, request.params.contractId);
    await validateEvaluation(app.db, request.actor, request.params.contractId, request.body);
    return view(request, request.params.contractId);
  });

  app.get("/contracts/:contractId/evaluation.:format", { schema: { response: { 200: documentResponse("Le document de l'évaluation") }, tags, summary: "Le document de l'évaluation (docx, pdf ou html)", params: documentParams } }, async (request, reply) => {
    const { contractId, format } = request.params;
    assertCan(request.actor, "contract.read", { contractId });
    const model = await evaluationDocument(app.db, contractId, actorIdentity(request.actor).name);
    return sendDocument(reply, format, model, "evaluation");
  });
};
