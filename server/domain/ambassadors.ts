/**
 * Health ambassadors (issue 14, item 7; CAPVM FA 16): residents of a priority area who relay
 * health messages. The kinds of activities they lead, the counts the coordination can record
 * as measurements of a fiche's indicators, and the consent each ambassador gives.
 */

/** What an ambassador activity was. */
export const ACTIVITY_KINDS = {
  info_stand: "Stand d'information",
  group_workshop: "Atelier collectif",
  door_to_door: "Porte-à-porte",
  care_support: "Accompagnement vers les soins",
  neighbourhood_event: "Événement de quartier",
  other: "Autre",
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;

/** The counts of the network over a period that can be recorded as a measurement of an indicator. */
export const AMBASSADOR_MEASURES = {
  active_ambassadors: "Ambassadeurs actifs",
  trainings: "Formations organisées",
  people_trained: "Ambassadeurs formés",
  activities: "Actions menées",
  residents_reached: "Habitants touchés",
} as const;
export type AmbassadorMeasure = keyof typeof AMBASSADOR_MEASURES;

/** Default retention of an ambassador's personal data: months after they leave the network. */
export const AMBASSADOR_RETENTION_MONTHS = 12;

/**
 * The consent an ambassador gives, by version. A new wording gets a new version: the
 * consent log keeps the version each person accepted. The template says
 * `{retentionMonths}` where the form's retention goes.
 */
export const AMBASSADOR_CONSENT_VERSION = "2026-12-ambassadeurs-v1";
export const RETENTION_TOKEN = "{retentionMonths}";

export function ambassadorConsentTemplate(organiser: string): string {
  return (
    `J'accepte que la collectivité qui coordonne le contrat local de santé (${organiser}) garde mon nom, mon prénom, mon quartier ` +
    `et, si je les donne, mon e-mail et mon téléphone, pour animer le réseau des ambassadeurs santé (me prévenir des formations et des actions, ` +
    `compter les formations suivies et les actions menées). Seule l'équipe de coordination du contrat les lit ; elles ne sont ni publiées, ni transmises ` +
    `aux partenaires ou à l'ARS, qui ne voient que des nombres. Elles sont effacées ${RETENTION_TOKEN} mois après la fin de ma participation au réseau, ` +
    `et je peux demander à tout moment à les consulter ou à les effacer.`
  );
}

export function ambassadorConsentText(input: { organiser: string; retentionMonths: number }): string {
  return ambassadorConsentTemplate(input.organiser).replace(RETENTION_TOKEN, String(input.retentionMonths));
}
