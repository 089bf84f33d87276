/** One field error, as server/http/problem.ts answers it (declared here: the database layer imports nothing above it). */
type FieldError = { path: string; message: string };

/**
 * What a unique index means to the user when two requests race past the
 * service's own check (only the database sees both). Keyed by index name.
 */
const UNIQUE_MEANINGS: Record<string, { status: 400 | 409; field?: FieldError; detail: string }> = {
  survey_answers_device: {
    status: 409,
    detail: "Une réponse à ce questionnaire a déjà été envoyée depuis cet appareil. Merci de votre participation !",
  },
  shared_reviews_quarter: {
    status: 409,
    detail: "La revue de ce trimestre vient d'être enregistrée comme partagée hors Clés.",
  },
  contracts_slug_unique: {
    status: 400,
    field: { path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." },
    detail: "Cet identifiant est déjà utilisé par un autre contrat.",
  },
  organisations_contract_name: {
    status: 400,
    field: { path: "name", message: "Une organisation de ce nom figure déjà dans l'annuaire." },
    detail: "Une organisation de ce nom figure déjà dans l'annuaire.",
  },
  objectives_axis_code: {
    status: 400,
    field: { path: "code", message: "Un autre objectif de cet axe porte déjà ce code." },
    detail: "Un autre objectif de cet axe porte déjà ce code.",
  },
  actions_contract_number_live: {
    status: 400,
    field: { path: "number", message: "Ce numéro vient d'être pris par une autre fiche de ce contrat." },
    detail: "Ce numéro vient d'être pris par une autre fiche de ce contrat.",
  },
  axes_contract_number: { status: 409, detail: "Les axes de ce contrat viennent d'être modifiés par quelqu'un d'autre : réessayez." },
  communes_contract_insee: { status: 409, detail: "Le territoire de ce contrat vient d'être modifié par quelqu'un d'autre : réessayez." },
};

/** The meaning of a unique violation (PostgreSQL code 23505), possibly wrapped by Drizzle, or null. */
export function uniqueViolation(error: unknown): (typeof UNIQUE_MEANINGS)[string] | null {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return (e.constraint && UNIQUE_MEANINGS[e.constraint]) || { status: 409, detail: "Cet enregistrement existe déjà : rechargez la page et réessayez." };
  }
  return null;
}

/**
 * True for a transaction PostgreSQL gave up because of another one running at the same
 * time (deadlock 40P01, serialization failure 40001), possibly wrapped by Drizzle. Writers
 * of one parent lock it first (parent-lock.ts), so this is a safety net: nothing was
 * written, and trying again will do.
 */
export function concurrentWriteFailure(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "40P01" || e.code === "40001") return true;
  }
  return false;
}
