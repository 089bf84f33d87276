/** The French e-mails relayed to the communes' referents (issue 18, item 2): a published review, a piece of news. */
import type { MailMessage } from "./mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";
const why = (contractName: string, communes: string) =>
  `\n\nVous recevez ce courriel parce que vous êtes référent·e de ${communes} pour le ${contractName} : merci de relayer cette information dans votre commune.`;

/** A published review, with the link that opens it (public page, or a read-only link to this review alone). */
export function reviewRelayedMail(input: { to: string; contractName: string; communes: string; label: string; number: number; link: string; publishedBy: string }): MailMessage {
  const what = input.number > 1 ? `La version ${input.number} (corrigée) de la revue trimestrielle du ${input.label}` : `La revue trimestrielle du ${input.label}`;
  return {
    to: input.to,
    subject: `${input.contractName} : revue trimestrielle du ${input.label}${input.number > 1 ? ` (version ${input.number})` : ""}`,
    text: `Bonjour,\n\n${what} du ${input.contractName} vient d'être publiée par ${input.publishedBy}.\n\nVous pouvez la lire en suivant ce lien (sans compte) :\n${input.link}` + why(input.contractName, input.communes) + signature,
  };
}

/** A piece of news the coordination relays to the communes. */
export function newsRelayedMail(input: { to: string; contractName: string; communes: string; subject: string; text: string; sentBy: string }): MailMessage {
  return {
    to: input.to,
    subject: `${input.contractName} : ${input.subject}`,
    text: `Bonjour,\n\n${input.sentBy}, pour la coordination du ${input.contractName}, vous transmet cette information :\n\n${input.text}` + why(input.contractName, input.communes) + signature,
  };
}
