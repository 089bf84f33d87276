/** Quarterly reviews: draft from the data, edit, refresh, publish, correct, export; the reminders' opt-out. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan, systemActor, type Actor } from "../../policies/index.js";
import { assertSignedIn } from "../../auth/plugin.js";
import { uuid } from "../../validation/fields.js";
import { contractParams } from "../../http/params.js";
import { parisDay } from "../../domain/dates.js";
import { annexesZip, hasAnnexes, reviewExport } from "./export.js";

const NO_ANNEX = "Cette revue n'a pas d'annexe : aucun comité tenu ni aucune pièce jointe dans les réunions du trimestre.";
import { getPreferences, setPreferences } from "./reminders.js";
import { reviewOfLink } from "./relay-review.js";
import { exportBody, exportQuery, preferencesBody, publishBody, publishedNumber, quarterBody, reviewUpdateBody, settingsBody, sharedReviewBody, versionBody } from "./schema.js";
import { deleteSharedReview, recordSharedReview, SHARED_REVIEW_NOT_FOUND, sharedReviewContractId } from "./shared-reviews.js";
import {
  createReview,
  getPublication,
  listReviews,
  publicReviewOf,
  publishReview,
  REVIEW_NOT_FOUND,
  refreshReview,
  reviewContractId,
  reviewView,
  startCorrection,
  updateReview,
  updateSettings,
} from "./service.js";
import { notFound } from "../../http/problem.js";
import { replyWithJob, STEPS } from "../../jobs/jobs.js";
import { binary, documentResponse, noContent } from "../../http/responses.js";
import { jobStartedOut, preferencesOut, publicationOut, reviewListOut, reviewOut, reviewSettingsOut, sharedReviewOut } from "./schema-out.js";

const tags = ["Revues trimestrielles"];

const reviewParams = z.object({ reviewId: uuid });
const sharedReviewParams = z.object({ sharedReviewId: uuid });
const MEDIA = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  zip: "application/zip",
} as const;
type Format = keyof typeof MEDIA;
/** A review file prepared in the background (on any process): what the job keeps. */
const REVIEW_EXPORT = "review-export";
type ReviewExportJob = { reviewId: string; format: Format; number?: number };

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Reading a review needs the contract; a review the reader may not see is « introuvable ». */
  async function readable(actor: Actor, reviewId: string) {
    const contractId = await reviewContractId(app.db, reviewId);
    assertCan(actor, "contract.read", { contractId, missing: REVIEW_NOT_FOUND });
    return contractId;
  }
  async function managed(actor: Actor, reviewId: string) {
    const contractId = await reviewContractId(app.db, reviewId);
    assertCan(actor, "review.manage", { contractId, missing: REVIEW_NOT_FOUND });
    return contractId;
  }

  /** A review export as a file: DOCX, PDF, print-friendly HTML, or the annexes ZIP. */
  async function exportFile(actor: Actor, reviewId: string, format: Format, number?: number) {
    const exported = await reviewExport(app.db, actor, reviewId, number);
    if (format === "zip") {
      const zip = await annexesZip(app.db, app.storage, exported, (deck) => app.renderer.render("pdf-deck", deck));
      if (!zip) throw notFound(NO_ANNEX);
      return { fileName: `${exported.fileBase}-annexes.zip`, mediaType: MEDIA.zip, body: zip };
    }
    // Rendered in a worker thread: other requests go on meanwhile.
    const body = await app.renderer.render(format, exported.model);
    return { fileName: `${exported.fileBase}.${format}`, mediaType: MEDIA[format], body };
  }

  app.jobs.define<ReviewExportJob>(REVIEW_EXPORT, async (actor, { reviewId, format, number }, report) => {
    // Read again when it runs: the requester's access may have changed meanwhile.
    await readable(actor, reviewId);
    report(20, format === "zip" ? STEPS.reading : STEPS.layout);
    const file = await exportFile(actor, reviewId, format, number);
    report(95, STEPS.packing);
    return file;
  });

  app.get("/contracts/:contractId/reviews", { schema: { response: { 200: reviewListOut }, tags, summary: "Revues trimestrielles du contrat, ses trimestres et les réglages des revues", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    return listReviews(app.db, request.actor, request.params.contractId, parisDay());
  });

  app.put(
    "/contracts/:contractId/review-settings",
    { schema: { response: { 200: reviewSettingsOut }, tags, summary: "Rappel de l'objet des revues (une fois par contrat) et leur parution sur la page publique", params: contractParams, body: settingsBody } },
    async (request) => {
      assertCan(request.actor, "review.manage", request.params);
      return updateSettings(app.db, request.actor, request.params.contractId, request.body);
    },
  );

  app.post("/contracts/:contractId/reviews", { schema: { response: { 201: reviewOut }, tags, summary: "Rédiger la revue d'un trimestre : un brouillon tiré des données", params: contractParams, body: quarterBody } }, async (request, reply) => {
    assertCan(request.actor, "review.manage", request.params);
    const { year, quarter } = request.body;
    return reply.status(201).send(await createReview(app.db, request.actor, request.params.contractId, { year, quarter: quarter as 1 | 2 | 3 | 4 }, parisDay()));
  });

  app.post(
    "/contracts/:contractId/shared-reviews",
    { schema: { response: { 201: sharedReviewOut }, tags, summary: "Enregistrer la revue d'un trimestre partagée hors Clés (avant l'usage de Clés) : le jour où elle l'a été", params: contractParams, body: sharedReviewBody } },
    async (request, reply) => {
      assertCan(request.actor, "review.manage", request.params);
      const { quarter, ...rest } = request.body;
      return reply.status(201).send(await recordSharedReview(app.db, request.actor, request.params.contractId, { ...rest, quarter: quarter as 1 | 2 | 3 | 4 }, parisDay()));
    },
  );

  app.delete("/shared-reviews/:sharedReviewId", { schema: { response: { 204: noContent }, tags, summary: "Retirer une revue enregistrée comme partagée hors Clés", params: sharedReviewParams } }, async (request, reply) => {
    const contractId = await sharedReviewContractId(app.db, request.params.sharedReviewId);
    assertCan(request.actor, "review.manage", { contractId, missing: SHARED_REVIEW_NOT_FOUND });
    await deleteSharedReview(app.db, request.actor, request.params.sharedReviewId);
    return reply.status(204).send();
  });

  app.get("/reviews/:reviewId", { schema: { response: { 200: reviewOut }, tags, summary: "Une revue : ses sections de travail (coordination) ou sa dernière version publiée", params: reviewParams } }, async (request) => {
    await readable(request.actor, request.params.reviewId);
    return reviewView(app.db, request.actor, request.params.reviewId);
  });

  app.put(
    "/reviews/:reviewId",
    { schema: { response: { 200: reviewOut }, tags, summary: "Modifier les sections : ordre, titres, textes, sections masquées ou libres (version lue obligatoire)", params: reviewParams, body: reviewUpdateBody } },
    async (request) => {
      await managed(request.actor, request.params.reviewId);
      return updateReview(app.db, request.actor, request.params.reviewId, request.body);
    },
  );

  app.post(
    "/reviews/:reviewId/refresh",
    { schema: { response: { 200: reviewOut }, tags, summary: "Actualiser depuis les données, sans perdre les textes modifiés des sections inchangées", params: reviewParams, body: versionBody } },
    async (request) => {
      await managed(request.actor, request.params.reviewId);
      return refreshReview(app.db, request.actor, request.params.reviewId, request.body.version);
    },
  );

  app.post("/reviews/:reviewId/publish", { schema: { response: { 200: reviewOut }, tags, summary: "Publier la revue (version figée) et prévenir les membres du contrat", params: reviewParams, body: publishBody } }, async (request) => {
    await managed(request.actor, request.params.reviewId);
    const deps = { mailer: app.mailer, publicUrl: app.publicUrl, log: (err: unknown) => request.log.error({ err }, "review publication mail not sent") };
    return publishReview(app.db, deps, request.actor, request.params.reviewId, request.body);
  });

  app.post("/reviews/:reviewId/correction", { schema: { response: { 200: reviewOut }, tags, summary: "Corriger une revue publiée : préparer sa version suivante", params: reviewParams, body: versionBody } }, async (request) => {
    await managed(request.actor, request.params.reviewId);
    return startCorrection(app.db, request.actor, request.params.reviewId, request.body.version);
  });

  const publicationParams = reviewParams.extend({ number: publishedNumber });
  app.get("/reviews/:reviewId/publications/:number", { schema: { response: { 200: publicationOut }, tags, summary: "Une version publiée d'une revue", params: publicationParams } }, async (request) => {
    await readable(request.actor, request.params.reviewId);
    return getPublication(app.db, request.params.reviewId, request.params.number);
  });

  for (const format of ["docx", "pdf", "html"] as const) {
    app.get(
      `/reviews/:reviewId/review.${format}`,
      { schema: { response: { 200: documentResponse(`La revue (${format})`) }, tags, summary: `La revue en ${format.toUpperCase()} (une version publiée, ou le brouillon pour la coordination)`, params: reviewParams, querystring: exportQuery } },
      async (request, reply) => {
        await readable(request.actor, request.params.reviewId);
        const file = await exportFile(request.actor, request.params.reviewId, format, request.query.number);
        const disposition = format === "html" ? "inline" : "attachment";
        return reply.header("content-type", file.mediaType).header("content-disposition", `${disposition}; filename="${file.fileName}"`).send(file.body);
      },
    );
  }

  app.get("/reviews/:reviewId/annexes.zip", { schema: { response: { 200: binary("Les annexes (ZIP)", "application/zip") }, tags, summary: "Les annexes de la revue en un ZIP : le support de présentation de chaque comité tenu (PDF) et les pièces jointes des réunions du trimestre", params: reviewParams, querystring: exportQuery } }, async (request, reply) => {
    await readable(request.actor, request.params.reviewId);
    const file = await exportFile(request.actor, request.params.reviewId, "zip", request.query.number);
    return reply.header("content-type", file.mediaType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body);
  });

  app.post(
    "/reviews/:reviewId/exports",
    { schema: { response: { 202: jobStartedOut }, tags, summary: "Préparer un fichier de la revue en arrière-plan, avec sa progression (202 et un document en préparation)", params: reviewParams, body: exportBody } },
    async (request, reply) => {
      await readable(request.actor, request.params.reviewId);
      const { format, number } = request.body;
      // Read now, so that a missing version or annex is an answer, not a failed job.
      const exported = await reviewExport(app.db, request.actor, request.params.reviewId, number);
      if (format === "zip" && !hasAnnexes(exported)) throw notFound(NO_ANNEX);
      const label = `${exported.model.subtitle ?? exported.model.title} (${format === "zip" ? "annexes" : format.toUpperCase()})`;
      const job = await app.jobs.start<ReviewExportJob>(request.actor, label, REVIEW_EXPORT, { reviewId: request.params.reviewId, format, number });
      return replyWithJob(reply, job);
    },
  );

  app.get(
    "/public/contracts/:slug/reviews/:reviewId.html",
    {
      schema: { response: { 200: binary("La revue publiée (HTML)", "text/html") }, tags: ["Page publique"], summary: "La dernière version publiée d'une revue, sur la page publique du contrat (sans connexion)", params: z.object({ slug: z.string().min(1).max(100), reviewId: uuid }) },
      config: { public: true },
    },
    async (request, reply) => {
      const listed = await publicReviewOf(app.db, request.params.slug, request.params.reviewId);
      if (!listed) throw notFound("Cette revue n'est pas publiée sur la page publique du contrat.");
      const exported = await reviewExport(app.db, systemActor("Page publique"), request.params.reviewId, listed.number);
      const body = await app.renderer.render("html", exported.model);
      return reply.header("content-type", MEDIA.html).send(body);
    },
  );

  app.get(
    "/review-links/:token",
    {
      schema: { response: { 200: binary("La revue publiée (HTML)", "text/html") }, tags, summary: "La dernière version publiée d'une revue, par le lien envoyé aux référents des communes (sans connexion ; rien d'autre du contrat)", params: z.object({ token: z.string().min(20).max(100) }) },
      config: { public: true },
    },
    async (request, reply) => {
      const linked = await reviewOfLink(app.db, request.params.token);
      if (!linked) throw notFound("Ce lien ne mène à aucune revue publiée.");
      const exported = await reviewExport(app.db, systemActor("Lien envoyé aux communes"), linked.reviewId, linked.number);
      const body = await app.renderer.render("html", exported.model);
      return reply.header("content-type", MEDIA.html).header("cache-control", "private, no-store").header("x-robots-tag", "noindex").send(body);
    },
  );

  app.get("/account/preferences", { schema: { response: { 200: preferencesOut }, tags: ["Compte"], summary: "Mes préférences de courriels" } }, async (request) => {
    assertSignedIn(request.actor);
    return getPreferences(app.db, request.actor.id);
  });

  app.put("/account/preferences", { schema: { response: { 200: preferencesOut }, tags: ["Compte"], summary: "Recevoir ou non les rappels avant chaque revue trimestrielle", body: preferencesBody } }, async (request) => {
    assertSignedIn(request.actor);
    return setPreferences(app.db, request.actor.id, request.body);
  });
};
