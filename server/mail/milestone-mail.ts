/** The French e-mail reminding a lead of the milestones of their fiches coming due. */
import type { MailMessage } from "./mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";

export function milestoneReminderMail(input: {
  to: string;
  name: string;
  contractName: string;
  milestones: { title: string; dueOn: string; fiche: string; link: string }[];
  preferencesLink: string;
}): MailMessage {
  const several = input.milestones.length > 1;
  const list = input.milestones.map((m) => `- « ${m.title} », prévue le ${m.dueOn} (${m.fiche}) : ${m.link}`).join("\n");
  return {
    to: input.to,
    subject: `${input.contractName} : ${several ? `${input.milestones.length} étapes arrivent` : "une étape arrive"} à échéance`,
    text:
      `Bonjour ${input.name},\n\n${several ? "Ces étapes des fiches que vous pilotez arrivent" : "Cette étape d'une fiche que vous pilotez arrive"} à échéance :\n\n${list}\n\n` +
      `Une fois ${several ? "réalisées, cochez-les" : "réalisée, cochez-la"} depuis la page « Suivi » de la fiche, ou déplacez ${several ? "leur date si elles sont reportées" : "sa date si elle est reportée"} : la coordination s'en servira pour le tableau du COTECH.\n\n` +
      `Vous ne souhaitez plus recevoir ces rappels ? Désactivez-les dans votre compte : ${input.preferencesLink}` +
      signature,
  };
}
