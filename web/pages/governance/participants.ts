/** Who a meeting's participant is, in words, and who of the invited would not receive the invitation (no e-mail address). Pure. */

export interface ParticipantFacts {
  name: string;
  email: string;
  invited?: boolean;
  /** The organisation's name, when the row names one. */
  organisationName?: string | null;
}

/** "Marie Dupont (CAMVS)", "CPAM de Seine-et-Marne", or null for a row that names no one yet. */
export function participantLabel(p: ParticipantFacts): string | null {
  const name = p.name.trim();
  const organisation = p.organisationName?.trim() ?? "";
  if (name && organisation) return `${name} (${organisation})`;
  return name || organisation || p.email.trim() || null;
}

/** Invited rows without an e-mail address: the invitation is sent by e-mail only, so it will not reach them. */
export function invitedWithoutEmail<T extends ParticipantFacts>(participants: T[]): T[] {
  return participants.filter((p) => p.invited && !p.email.trim() && participantLabel(p) !== null);
}

/** The warning of one such row. */
export const NO_EMAIL_WARNING = "Sans adresse e-mail : l'invitation ne lui parviendra pas.";

/** The warning of the whole list, or null: « Marie Dupont et la CPAM n'ont pas d'adresse e-mail… ». */
export function noEmailSummary(participants: ParticipantFacts[]): string | null {
  const names = invitedWithoutEmail(participants).map((p) => participantLabel(p)!);
  if (!names.length) return null;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} et ${names.at(-1)!}`;
  return names.length === 1
    ? `${list} n'a pas d'adresse e-mail : l'invitation ne lui parviendra pas. Ajoutez son adresse ou prévenez-le autrement.`
    : `${list} n'ont pas d'adresse e-mail : l'invitation ne leur parviendra pas. Ajoutez leur adresse ou prévenez-les autrement.`;
}
