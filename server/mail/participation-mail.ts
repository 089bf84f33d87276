/** The French e-mails of the residents' workshops: registration confirmed or on the waitlist, place freed. */
import type { MailMessage } from "./mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";

export function registrationMail(input: { to: string; firstName: string; workshopTitle: string; sessions: string[]; waitlistRank: number | null; cancelLink: string }): MailMessage {
  const status =
    input.waitlistRank === null
      ? `Votre inscription à l'atelier « ${input.workshopTitle} » est confirmée.`
      : `L'atelier « ${input.workshopTitle} » est complet : vous êtes inscrit(e) sur la liste d'attente, en position ${input.waitlistRank}. Si une place se libère, elle vous sera proposée par ce même moyen.`;
  return {
    to: input.to,
    subject: input.waitlistRank === null ? `Inscription confirmée : ${input.workshopTitle}` : `Liste d'attente : ${input.workshopTitle}`,
    text:
      `Bonjour ${input.firstName},\n\n${status}\n\n` +
      (input.sessions.length ? `Séances :\n${input.sessions.map((s) => `- ${s}`).join("\n")}\n\n` : "") +
      `Vous ne pouvez plus venir ? Annulez votre inscription en suivant ce lien, pour laisser votre place :\n${input.cancelLink}` +
      signature,
  };
}

export function placeFreedMail(input: { to: string; firstName: string; workshopTitle: string }): MailMessage {
  return {
    to: input.to,
    subject: `Une place s'est libérée : ${input.workshopTitle}`,
    text: `Bonjour ${input.firstName},\n\nUne place s'est libérée à l'atelier « ${input.workshopTitle} » : votre inscription est maintenant confirmée.\n\nVous ne pouvez plus venir ? Utilisez le lien d'annulation reçu lors de votre inscription.` + signature,
  };
}
