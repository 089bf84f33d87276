/** What a person is told once registered: on the page, and by e-mail when they gave one. */
import type { FastifyInstance } from "fastify";
import { placeFreedMail, registrationMail } from "../../mail/participation-mail.js";
import { sessionLabel } from "./public.js";
import type { Promotion, RegistrationResult } from "./registrations.js";

export function registeredMessage(result: Pick<RegistrationResult, "status" | "waitlistRank" | "workshopTitle" | "email">): string {
  const mail = result.email ? " Un courriel de confirmation vient de partir, avec un lien pour annuler si besoin." : "";
  return result.status === "registered"
    ? `Votre inscription à l'atelier « ${result.workshopTitle} » est enregistrée.${mail}`
    : `L'atelier est complet : vous êtes sur la liste d'attente, en position ${result.waitlistRank}. Si une place se libère, elle vous sera proposée.${mail}`;
}

/** The confirmation with its cancellation link; a mail that fails is logged (the registration stands). */
export async function sendRegistrationMail(app: FastifyInstance, result: RegistrationResult, log: (err: unknown) => void): Promise<void> {
  if (!result.email) return;
  const cancelLink = `${app.publicUrl}/public/annulation/${result.cancelToken}`;
  await app.mailer
    .send(registrationMail({ to: result.email, firstName: result.firstName, workshopTitle: result.workshopTitle, sessions: result.sessions.map(sessionLabel), waitlistRank: result.waitlistRank, cancelLink }))
    .catch(log);
}

/** Tells the person who got a freed place, when they gave an e-mail; a mail that fails is logged (the place is theirs anyway). */
export async function tellPromoted(app: FastifyInstance, promotion: Promotion | null, log: (err: unknown) => void): Promise<void> {
  if (!promotion?.email) return;
  await app.mailer.send(placeFreedMail({ to: promotion.email, firstName: promotion.firstName, workshopTitle: promotion.workshopTitle })).catch(log);
}
