/** The French e-mails Clés sends. Plain text: every client shows it, links included. */
import type { MailMessage } from "./mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";

export function invitationMail(input: { to: string; contractName: string; roleLabel: string; invitedBy: string; link: string; expiresOn: string }): MailMessage {
  return {
    to: input.to,
    subject: `Invitation au ${input.contractName} sur Clés`,
    text:
      `Bonjour,\n\n${input.invitedBy} vous invite à rejoindre le ${input.contractName} sur Clés, en tant que ${input.roleLabel}.\n\n` +
      `Pour accepter, choisissez votre mot de passe en suivant ce lien (valable jusqu'au ${input.expiresOn}, une seule fois) :\n${input.link}\n\n` +
      `Si vous n'attendiez pas cette invitation, ignorez ce courriel.` +
      signature,
  };
}

export function membershipMail(input: { to: string; contractName: string; roleLabel: string; invitedBy: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: `Vous avez rejoint le ${input.contractName} sur Clés`,
    text: `Bonjour,\n\n${input.invitedBy} vous a ajouté·e au ${input.contractName} sur Clés, en tant que ${input.roleLabel}.\n\nConnectez-vous avec votre compte habituel :\n${input.link}` + signature,
  };
}

export function resetMail(input: { to: string; name: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: "Réinitialisation de votre mot de passe Clés",
    text:
      `Bonjour ${input.name},\n\nVous avez demandé à réinitialiser votre mot de passe. Choisissez-en un nouveau en suivant ce lien, valable une heure et une seule fois :\n${input.link}\n\n` +
      `Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel : votre mot de passe actuel reste valable.` +
      signature,
  };
}
