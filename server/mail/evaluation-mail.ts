/** The e-mail inviting a member of a contract to answer its evaluation questionnaire. */
import type { MailMessage } from "./mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";

export function evaluationQuestionnaireMail(input: { to: string; name: string; contractName: string; sender: string; link: string; questionCount: number }): MailMessage {
  return {
    to: input.to,
    subject: `Évaluation du ${input.contractName} : votre avis`,
    text:
      `Bonjour ${input.name},\n\n${input.sender} prépare l'évaluation du ${input.contractName} et vous invite à répondre à son questionnaire ` +
      `(${input.questionCount} question${input.questionCount > 1 ? "s" : ""} sur la stratégie, la gouvernance et le partenariat du contrat).\n\n` +
      `Vos réponses sont anonymes : elles sont présentées regroupées avec celles des autres membres, sans votre nom. ` +
      `Vous pouvez les modifier tant que le questionnaire est ouvert.\n\n` +
      `Répondre au questionnaire (connexion avec votre compte habituel) :\n${input.link}` +
      signature,
  };
}
