/**
 * The errors a user can act on (not found, conflict, invalid data…), with their French
 * detail: thrown anywhere, from the database layer up; server/http/problem.ts answers
 * them as application/problem+json.
 */

/** One error of one field; `path` is dotted ("partners.0.organisation"). */
export interface FieldError {
  path: string;
  message: string;
}

/** An error the user can act on, answered as application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export const notFound = (detail: string) => new Problem(404, "Introuvable", detail);
export const conflict = (detail: string) => new Problem(409, "Conflit", detail);
export const unauthorized = (detail = "Connectez-vous pour continuer.") => new Problem(401, "Connexion requise", detail);
export const forbidden = (detail = "Vous n'avez pas le droit de faire cette action.") => new Problem(403, "Action non autorisée", detail);

export function invalid(errors: FieldError[], detail?: string): Problem {
  const summary =
    detail ?? (errors.length === 1 ? `Une donnée est invalide : ${errors[0]!.message}` : `${errors.length} données sont invalides.`);
  return new Problem(400, "Données invalides", summary, errors);
}
