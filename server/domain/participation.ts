/**
 * Residents' participation (issue 14): the vocabularies a registration form offers, the
 * states of a registration, and what the consent says. Shared by the server and the web
 * (server/shared re-exports them), so the form and the API offer the same choices.
 */

/** Age bands of the registration form (INSEE-like bands, wide enough not to identify anyone). */
export const AGE_BANDS = {
  "16-24": "16 à 24 ans",
  "25-39": "25 à 39 ans",
  "40-54": "40 à 54 ans",
  "55-69": "55 à 69 ans",
  "70+": "70 ans et plus",
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

export const GENDERS = {
  woman: "Femme",
  man: "Homme",
  other: "Autre",
  undisclosed: "Ne souhaite pas répondre",
} as const;
export type Gender = keyof typeof GENDERS;

/** PCS (INSEE's socio-professional categories, first level), optional on the form. */
export const SOCIO_CATEGORIES = {
  farmer: "Agriculteur ou agricultrice",
  craft: "Artisan, commerçant, chef d'entreprise",
  executive: "Cadre, profession intellectuelle supérieure",
  intermediate: "Profession intermédiaire",
  employee: "Employé ou employée",
  worker: "Ouvrier ou ouvrière",
  retired: "Retraité ou retraitée",
  student: "Étudiant ou étudiante",
  jobseeker: "Sans emploi ou en recherche d'emploi",
  other: "Autre situation",
} as const;
export type SocioCategory = keyof typeof SOCIO_CATEGORIES;

/** How the organisers reach a resident. */
export const CONTACT_WAYS = {
  email: "Par e-mail",
  phone: "Par téléphone",
  partner: "Par l'intermédiaire d'un partenaire",
} as const;
export type ContactWay = keyof typeof CONTACT_WAYS;

/** The QPV answer: a priority area's id, or one of these. */
export const QPV_NONE = "none";
export const QPV_UNKNOWN = "unknown";

/** registered: has a place; waitlisted: waits for one (promoted in order when someone cancels); cancelled. */
export const REGISTRATION_STATUSES = {
  registered: "Inscrite",
  waitlisted: "En liste d'attente",
  cancelled: "Annulée",
} as const;
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES;

/** Who typed the registration: the resident on the public page, or a partner/the coordination for them. */
export type RegistrationSource = "public" | "partner";

/** Default retention of residents' personal data: months after the workshop's last session. */
export const DEFAULT_RETENTION_MONTHS = 12;

/**
 * The consent text a resident accepts, by version. A new wording gets a new version:
 * the consent log keeps the version each person accepted.
 */
export const CONSENT_VERSION = "2026-12-v1";
export function consentText(input: { organiser: string; retentionMonths: number }): string {
  return (
    `J'accepte que la collectivité qui organise l'atelier (${input.organiser}) utilise les informations de ce formulaire pour organiser l'atelier des habitants ` +
    `(composer les tables, me contacter au sujet de l'atelier). Seule l'équipe de coordination du contrat local de santé les lit ; ` +
    `elles ne sont ni publiées, ni transmises. Elles sont effacées ${input.retentionMonths} mois après la dernière séance, ` +
    `et je peux demander à tout moment à les consulter ou à les effacer.`
  );
}
