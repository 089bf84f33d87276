/**
 * ProConnect (the State's OpenID Connect sign-in for public agents): which e-mail of the
 * provider's answer Clés trusts, the name it gives a new account, and the French messages
 * the sign-in page shows when the sign-in is refused. Pure: no I/O.
 */

/** Hosts of ProConnect (formerly AgentConnect), production and integration. */
const PROCONNECT_HOSTS = ["proconnect.gouv.fr", "agentconnect.gouv.fr", "dev-agentconnect.fr", "dev-proconnect.fr"];

/** Whether the issuer is ProConnect itself, which gives only e-mails it has verified (without saying so in a claim). */
export function isProConnectIssuer(issuer: string): boolean {
  let host: string;
  try {
    const url = new URL(issuer);
    if (url.protocol !== "https:") return false;
    host = url.hostname.toLowerCase();
  } catch {
    return false;
  }
  return PROCONNECT_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

export type Claims = Record<string, unknown>;

/**
 * The e-mail of the claims, lower-cased, when it can be trusted: the provider says it is verified
 * (`email_verified`), or the issuer is ProConnect and does not say otherwise. Null otherwise.
 */
export function verifiedEmail(claims: Claims, issuerIsProConnect: boolean): string | null {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  const said = claims.email_verified;
  if (said === true || said === "true") return email;
  if (said === undefined || said === null) return issuerIsProConnect ? email : null;
  return null;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** The person's name for a new account: given name and usual name (ProConnect), else `name`, else the e-mail. */
export function agentName(claims: Claims, email: string): string {
  const parts = [text(claims.given_name), text(claims.usual_name) || text(claims.family_name)].filter(Boolean);
  const name = parts.length ? parts.join(" ") : text(claims.name);
  return (name || email).slice(0, 120);
}

/** A deactivated account, refused whichever way it signs in (password or ProConnect). */
export const DEACTIVATED_ACCOUNT = "Ce compte a été désactivé. Adressez-vous à l'administration de Clés pour le réactiver.";

/** Why a ProConnect sign-in was refused: the code travels in the sign-in page's address (`?proconnect=`). */
export const PROCONNECT_FAILURES = {
  inconnu:
    "Aucun compte Clés n'est associé à cette adresse e-mail. ProConnect vous a bien identifié·e, mais on entre dans Clés sur invitation : demandez une invitation à votre coordination de CLS (ou, pour une délégation ARS, à l'administration de Clés).",
  "non-verifiee": "ProConnect n'a pas confirmé votre adresse e-mail : la connexion est refusée. Connectez-vous avec votre mot de passe, ou faites vérifier votre adresse par votre fournisseur d'identité.",
  desactive: DEACTIVATED_ACCOUNT,
  invalide: "La connexion avec ProConnect n'a pas pu être vérifiée (délai dépassé, ou lien modifié). Recommencez depuis cette page.",
  annulee: "La connexion avec ProConnect a été interrompue. Recommencez, ou connectez-vous avec votre mot de passe.",
  indisponible: "ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe.",
} as const;

export type ProConnectFailure = keyof typeof PROCONNECT_FAILURES;

/** The message of a code read from the address; null for anything else. */
export function proConnectFailureMessage(code: string | null): string | null {
  return code && Object.hasOwn(PROCONNECT_FAILURES, code) ? PROCONNECT_FAILURES[code as ProConnectFailure] : null;
}
