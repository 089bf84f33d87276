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

interface MeetingMailInput {
  to: string;
  contractName: string;
  /** "COTECH du 14 septembre 2021". */
  summary: string;
  /** "mardi 14 septembre 2021 de 14 h 00 à 16 h 30 (heure de Paris)". */
  when: string;
  place: string;
  videoUrl: string | null;
  agenda: string[];
  link: string;
  sender: string;
}

const meetingFacts = (m: MeetingMailInput) =>
  `Date : ${m.when}\n` + (m.place ? `Lieu : ${m.place}\n` : "") + (m.videoUrl ? `Visioconférence : ${m.videoUrl}\n` : "");

/** An invitation to a meeting, or its update; the .ics (METHOD:REQUEST) travels as an attachment. */
export function meetingInvitationMail(input: MeetingMailInput & { update: boolean }): Omit<MailMessage, "attachments"> {
  const agenda = input.agenda.length ? `Ordre du jour :\n${input.agenda.join("\n")}` : "L'ordre du jour vous sera communiqué.";
  return {
    to: input.to,
    subject: `${input.update ? "Mise à jour de l'invitation" : "Invitation"} : ${input.summary}`,
    text:
      `Bonjour,\n\n${input.sender} ${input.update ? "a mis à jour l'invitation à" : "vous invite à"} la réunion « ${input.summary} » du ${input.contractName}.\n\n` +
      meetingFacts(input) +
      `\n${agenda}\n\n` +
      `Le fichier joint (invitation.ics) ajoute la réunion à votre agenda${input.update ? " ou la met à jour" : ""}.\n` +
      `La réunion sur Clés :\n${input.link}` +
      signature,
  };
}

/** The cancellation of a meeting; the .ics (METHOD:CANCEL) removes it from calendars. */
export function meetingCancellationMail(input: MeetingMailInput): Omit<MailMessage, "attachments"> {
  return {
    to: input.to,
    subject: `Annulation : ${input.summary}`,
    text:
      `Bonjour,\n\n${input.sender} a annulé la réunion « ${input.summary} » du ${input.contractName}.\n\n` +
      meetingFacts(input) +
      `\nLe fichier joint (annulation.ics) retire la réunion de votre agenda.\n` +
      `La réunion sur Clés :\n${input.link}` +
      signature,
  };
}
