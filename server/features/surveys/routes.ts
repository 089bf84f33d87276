/**
 * Residents' surveys: the coordination builds and publishes them and alone reads the
 * e-mails respondents left; members type in paper answers; every reader of the contract
 * sees the anonymous results, their cross-tabulations and exports.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { binary, noContent } from "../../http/responses.js";
import { uuid } from "../../validation/fields.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { paperAnswerBody, publishBody, resultsQuery, surveyBody, surveyUpdateBody } from "./schema.js";
import { answerExportOut, answeredOut, contactsOut, createdOut, ficheSurveysOut, resultsOut, surveyListOut, surveyOut } from "./schema-out.js";
import { createSurvey, deleteSurvey, getResults, getSurvey, listSurveys, resultsInput, setPublication, SURVEY_NOT_FOUND, surveyScope, surveysForFiche, updateSurvey } from "./service.js";
import { ANSWER_NOT_FOUND, answerScope, eraseAnswer, exportAnswer, listContacts, submitAnswer } from "./answers.js";
import { answersCsv, resultsXlsx } from "./export.js";
import { surveyResults } from "./results.js";

const tags = ["Participation des habitants"];
const surveyParams = z.object({ surveyId: uuid });
const answerParams = z.object({ answerId: uuid });
const actionParams = z.object({ actionId: uuid });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file name from a title: letters, digits and dashes. */
const fileName = (title: string) =>
  title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60) || "sondage";

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const scoped = async (actor: Parameters<typeof assertCan>[0], surveyId: string, permission: Parameters<typeof assertCan>[1]) => {
    const scope = await surveyScope(app.db, surveyId);
    assertCan(actor, permission, { ...scope, missing: SURVEY_NOT_FOUND });
    return scope;
  };

  app.get("/contracts/:contractId/surveys", { schema: { response: { 200: surveyListOut }, tags, summary: "Sondages du contrat", params: contractParams } }, async (request) => {
    assertCan(request.actor, "participation.read", request.params);
    return listSurveys(app.db, request.params.contractId);
  });

  app.post("/contracts/:contractId/surveys", { schema: { response: { 201: createdOut }, tags, summary: "Créer un sondage", params: contractParams, body: surveyBody } }, async (request, reply) => {
    assertCan(request.actor, "participation.manage", request.params);
    return reply.status(201).send({ id: await createSurvey(app.db, request.actor, request.params.contractId, request.body) });
  });

  app.get("/surveys/:surveyId", { schema: { response: { 200: surveyOut }, tags, summary: "Un sondage : questions, dates, réponses reçues", params: surveyParams } }, async (request) => {
    await scoped(request.actor, request.params.surveyId, "participation.read");
    return getSurvey(app.db, request.actor, request.params.surveyId);
  });

  app.put("/surveys/:surveyId", { schema: { response: { 204: noContent }, tags, summary: "Modifier un sondage", params: surveyParams, body: surveyUpdateBody } }, async (request, reply) => {
    await scoped(request.actor, request.params.surveyId, "participation.manage");
    await updateSurvey(app.db, request.actor, request.params.surveyId, request.body);
    return reply.status(204).send();
  });

  app.delete("/surveys/:surveyId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer un sondage et ses réponses", params: surveyParams } }, async (request, reply) => {
    await scoped(request.actor, request.params.surveyId, "participation.manage");
    await deleteSurvey(app.db, request.actor, request.params.surveyId);
    return reply.status(204).send();
  });

  app.put("/surveys/:surveyId/publication", { schema: { response: { 204: noContent }, tags, summary: "Mettre en ligne le questionnaire (ou le retirer)", params: surveyParams, body: publishBody } }, async (request, reply) => {
    await scoped(request.actor, request.params.surveyId, "participation.manage");
    await setPublication(app.db, request.actor, request.params.surveyId, "survey", request.body.published);
    return reply.status(204).send();
  });

  app.put(
    "/surveys/:surveyId/results-publication",
    { schema: { response: { 204: noContent }, tags, summary: "Publier les résultats sur la page publique du contrat (ou les retirer)", params: surveyParams, body: publishBody } },
    async (request, reply) => {
      await scoped(request.actor, request.params.surveyId, "participation.manage");
      await setPublication(app.db, request.actor, request.params.surveyId, "results", request.body.published);
      return reply.status(204).send();
    },
  );

  app.get("/surveys/:surveyId/results", { schema: { response: { 200: resultsOut }, tags, summary: "Résultats par question, et croisés par commune, quartier ou âge", params: surveyParams, querystring: resultsQuery } }, async (request) => {
    await scoped(request.actor, request.params.surveyId, "participation.read");
    return getResults(app.db, request.params.surveyId, request.query.by ?? null);
  });

  app.get("/surveys/:surveyId/answers.csv", { schema: { response: { 200: binary("Les réponses, une ligne par personne (anonymes)", "text/csv") }, tags, summary: "Exporter les réponses (CSV)", params: surveyParams } }, async (request, reply) => {
    await scoped(request.actor, request.params.surveyId, "participation.read");
    const { survey, rows, labels } = await resultsInput(app.db, request.params.surveyId);
    return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName(survey.title)}.csv"`).send(answersCsv(survey.questions, rows, labels));
  });

  app.get("/surveys/:surveyId/results.xlsx", { schema: { response: { 200: binary("Les résultats et les réponses (anonymes)", XLSX) }, tags, summary: "Exporter les résultats (XLSX)", params: surveyParams } }, async (request, reply) => {
    await scoped(request.actor, request.params.surveyId, "participation.read");
    const { survey, rows, labels } = await resultsInput(app.db, request.params.surveyId);
    const results = surveyResults({ surveyId: survey.id, title: survey.title, questions: survey.questions, rows, labels });
    const file = await resultsXlsx(results, survey.questions, rows, labels);
    return reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="${fileName(survey.title)}.xlsx"`).send(file);
  });

  app.post("/surveys/:surveyId/paper-answers", { schema: { response: { 201: answeredOut }, tags, summary: "Saisir une réponse donnée sur papier", params: surveyParams, body: paperAnswerBody } }, async (request, reply) => {
    await scoped(request.actor, request.params.surveyId, "survey.enter");
    const name = request.actor.kind === "user" ? request.actor.name : request.actor.kind === "system" ? request.actor.name : "";
    const id = await submitAnswer(app.db, {
      surveyId: request.params.surveyId,
      answers: request.body.answers,
      source: "paper",
      device: null,
      actor: request.actor,
      enteredBy: { userId: request.actor.kind === "user" ? request.actor.id : null, name },
      respondedOn: request.body.respondedOn,
    });
    return reply.status(201).send({ id, message: "La réponse sur papier est enregistrée. Vous pouvez saisir la suivante." });
  });

  app.get("/surveys/:surveyId/contacts", { schema: { response: { 200: contactsOut }, tags, summary: "Les adresses laissées par les personnes qui ont répondu", params: surveyParams } }, async (request) => {
    await scoped(request.actor, request.params.surveyId, "residents.read");
    return listContacts(app.db, request.params.surveyId);
  });

  app.get("/survey-answers/:answerId/export", { schema: { response: { 200: answerExportOut }, tags, summary: "Les données d'une personne (droit d'accès)", params: answerParams } }, async (request) => {
    const scope = await answerScope(app.db, request.params.answerId);
    assertCan(request.actor, "residents.read", { ...scope, missing: ANSWER_NOT_FOUND });
    return exportAnswer(app.db, request.params.answerId);
  });

  app.delete(
    "/survey-answers/:answerId",
    {
      schema: {
        response: { 204: noContent },
        tags,
        summary: "Effacer l'adresse d'une personne, ou sa réponse entière (droit à l'effacement)",
        params: answerParams,
        querystring: z.object({ withAnswers: z.enum(["true", "false"], { error: "withAnswers vaut true ou false." }).default("false") }),
      },
    },
    async (request, reply) => {
      const scope = await answerScope(app.db, request.params.answerId);
      assertCan(request.actor, "residents.read", { ...scope, missing: ANSWER_NOT_FOUND });
      await eraseAnswer(app.db, request.actor, request.params.answerId, request.query.withAnswers === "true");
      return reply.status(204).send();
    },
  );

  app.get("/actions/:actionId/surveys", { schema: { response: { 200: ficheSurveysOut }, tags, summary: "Les sondages liés à une fiche et leur résumé", params: actionParams } }, async (request) => {
    const contractId = await actionContractId(app.db, request.params.actionId);
    assertCan(request.actor, "participation.read", { contractId, missing: ACTION_NOT_FOUND });
    return surveysForFiche(app.db, request.params.actionId);
  });
};
