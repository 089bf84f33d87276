/** The e-mails of account administration: a new account, a link sent by the admin, an ARS invitation. Plain text. */
import type { MailMessage } from "../../mail/mailer.js";

const signature = "\n\n—\nClés, la plateforme des Contrats Locaux de Santé.\nCe courriel est envoyé automatiquement ; n'y répondez pas.";

export function newAccountMail(input: { to: string; name: string; roleLabel: string; createdBy: string; link: string; validUntil: string }): MailMessage {
  return {
    to: input.to,
    subject: "Votre compte Clés a été créé",
    text:
      `Bonjour ${input.name},\n\n${input.createdBy} vous a créé un compte sur Clés (${input.roleLabel}).\n\n` +
      `Choisissez votre mot de passe en suivant ce lien, valable jusqu'au ${input.validUntil} et une seule fois :\n${input.link}\n\n` +
      `Si vous n'attendiez pas ce courriel, ignorez-le.` +
      signature,
  };
}

export function adminResetMail(input: { to: string; name: string; link: string; validUntil: string }): MailMessage {
  return {
    to: input.to,
    subject: "Choisissez un nouveau mot de passe Clés",
    text:
      `Bonjour ${input.name},\n\nL'administration de Clés vous envoie un lien pour choisir un nouveau mot de passe, valable jusqu'au ${input.validUntil} et une seule fois :\n${input.link}\n\n` +
      `Votre mot de passe actuel reste valable tant que vous n'en avez pas choisi un autre.` +
      signature,
  };
}

export function arsInvitationMail(input: { to: string; territory: string; invitedBy: string; link: string; validUntil: string }): MailMessage {
  return {
    to: input.to,
    subject: "Invitation à suivre les Contrats Locaux de Santé sur Clés",
    text:
      `Bonjour,\n\n${input.invitedBy} vous invite à suivre sur Clés les Contrats Locaux de Santé de votre territoire, au titre de la délégation ARS (${input.territory}).\n\n` +
      `Pour accepter, choisissez votre mot de passe en suivant ce lien (valable jusqu'au ${input.validUntil}, une seule fois) :\n${input.link}\n\n` +
      `Si vous n'attendiez pas cette invitation, ignorez ce courriel.` +
      signature,
  };
}
