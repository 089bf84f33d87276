/** The French e-mails of the quarterly reviews: publication to the members, reminder to the leads. */
import type { MailMessage } from "./mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";

/** To a member, or (with `preferencesLink`) to an ARS delegation whose territory holds the contract, who may opt out. */
export function reviewPublishedMail(input: { to: string; contractName: string; label: string; number: number; link: string; publishedBy: string; correctionNote: string; preferencesLink?: string }): MailMessage {
  const what = input.number > 1 ? `La version ${input.number} (corrigée) de la revue trimestrielle du ${input.label}` : `La revue trimestrielle du ${input.label}`;
  return {
    to: input.to,
    subject: `${input.contractName} : revue trimestrielle du ${input.label}${input.number > 1 ? ` (version ${input.number})` : ""}`,
    text:
      `Bonjour,\n\n${what} du ${input.contractName} vient d'être publiée par ${input.publishedBy}.\n\n` +
      (input.correctionNote ? `Ce qui a été corrigé : ${input.correctionNote}\n\n` : "") +
      `Vous pouvez la lire et la télécharger (Word, PDF) en suivant ce lien :\n${input.link}` +
      (input.preferencesLink
        ? `\n\nVous recevez ce courriel parce que ce contrat est sur le territoire de votre délégation ARS. Vous ne souhaitez plus être prévenu·e des revues publiées ? Désactivez-le dans votre compte : ${input.preferencesLink}`
        : "") +
      signature,
  };
}

export function reviewReminderMail(input: { to: string; name: string; contractName: string; label: string; quarterEnd: string; fiches: { number: number; title: string; link: string }[]; preferencesLink: string }): MailMessage {
  const list = input.fiches.map((f) => `- FA ${f.number} « ${f.title} » : ${f.link}`).join("\n");
  return {
    to: input.to,
    subject: `${input.contractName} : ${input.fiches.length > 1 ? `${input.fiches.length} fiches` : "une fiche"} sans avancement ce trimestre`,
    text:
      `Bonjour ${input.name},\n\nLa revue trimestrielle du ${input.label} se prépare : le trimestre se termine le ${input.quarterEnd}. ` +
      `${input.fiches.length > 1 ? "Ces fiches que vous pilotez n'ont" : "Cette fiche que vous pilotez n'a"} encore aucun avancement enregistré ce trimestre :\n\n${list}\n\n` +
      `Ajoutez-y ce qui a été fait (réunions, étapes, chiffres) depuis la page « Suivi » de chaque fiche : la coordination s'en servira pour rédiger la revue.\n\n` +
      `Vous ne souhaitez plus recevoir ces rappels ? Désactivez-les dans votre compte : ${input.preferencesLink}` +
      signature,
  };
}
