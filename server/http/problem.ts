import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { concurrentWriteFailure, uniqueViolation } from "../db/unique.js";
import { conflict, invalid, Problem, type FieldError } from "../domain/problem.js";

// The errors themselves live below the database layer (which throws them); answered here.
export { conflict, forbidden, invalid, notFound, Problem, unauthorized, type FieldError } from "../domain/problem.js";

/** The body of every error answer (application/problem+json, RFC 9457), as the OpenAPI document declares it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): FieldError[] {
  return issues.map((i) => ({ path: [...prefix, ...i.path].map(String).join("."), message: i.message }));
}

export const CONCURRENT_WRITE_MESSAGE = "Une autre modification de ces données était en cours au même moment : rien n'a été enregistré. Réessayez.";

const TITLES: Record<number, string> = {
  400: "Requête invalide",
  401: "Connexion requise",
  403: "Action non autorisée",
  404: "Introuvable",
  405: "Méthode non permise",
  413: "Contenu trop volumineux",
  415: "Type de contenu non pris en charge",
  429: "Trop de requêtes",
};

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  void reply
    .status(problem.status)
    .type("application/problem+json; charset=utf-8")
    .send({
      type: "about:blank",
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.url,
      ...(problem.errors.length ? { errors: problem.errors } : {}),
    });
}

/**
 * The router's own refusals, before any route or error handler runs (Fastify's
 * `frameworkErrors`): a path that is not valid percent-encoding, a path segment
 * longer than the router accepts. As problem+json in French, like every other error.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? new Problem(414, "Adresse trop longue", "Un élément de cette adresse est trop long : ce n'est pas un identifiant de Clés.")
      : new Problem(400, "Requête invalide", "Cette adresse est mal formée (encodage des caractères invalide).");
  sendProblem(request, reply, problem);
}

/** Every error leaves the server as problem+json with a French detail. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem;
    const unique = uniqueViolation(error);
    if (error instanceof Problem) problem = error;
    else if (unique) problem = new Problem(unique.status, unique.status === 400 ? "Données invalides" : "Conflit", unique.detail, unique.field ? [unique.field] : []);
    else if (concurrentWriteFailure(error)) {
      request.log.warn({ err: error }, "transaction aborted by a concurrent one");
      problem = conflict(CONCURRENT_WRITE_MESSAGE);
    }
    else if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === "body" ? [] : [error.validationContext ?? ""];
      problem = invalid(
        error.validation.map((v) => ({
          path: [...where, ...v.instancePath.split("/").filter(Boolean)].filter(Boolean).join("."),
          message: v.message ?? "Valeur invalide.",
        })),
      );
    } else if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      problem = new Problem(400, "Requête invalide", "Le contenu envoyé n'est pas un JSON valide.");
    } else if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      problem = new Problem(413, TITLES[413]!, "Le contenu envoyé est trop volumineux.");
    } else if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      problem = new Problem(415, TITLES[415]!, "Envoyez le contenu au format JSON.");
    } else if (error.code === "FST_CSRF_MISSING_SECRET" || error.code === "FST_CSRF_INVALID_TOKEN") {
      problem = new Problem(403, "Jeton de sécurité invalide", "Le jeton de sécurité (CSRF) de cette requête est absent ou invalide : rechargez la page puis réessayez.");
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      problem = new Problem(error.statusCode, TITLES[error.statusCode] ?? "Requête invalide", "La requête n'a pas pu être traitée.");
    } else {
      request.log.error({ err: error }, "unexpected error");
      problem = new Problem(500, "Erreur interne", "Une erreur inattendue s'est produite. Vos données n'ont pas été modifiées ; réessayez ou contactez l'administrateur.");
    }
    sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .type("application/problem+json; charset=utf-8")
      .send({ type: "about:blank", title: "Introuvable", status: 404, detail: "Cette adresse n'existe pas.", instance: request.url });
  });
}
