/**
 * The registration form's state as typed, and what is sent: only the contact field that
 * matches the chosen way, dietary needs only when a meal is offered, no socio-professional
 * category when none is chosen. Errors are keyed by the field that shows them.
 */
import { type AgeBand, type ContactWay, type Gender, type SocioCategory } from "../../../server/shared";
import { registrationBody } from "../../../server/shared-forms";
import type { RegistrationInput } from "../../api/participation";
import { optional, zodErrors, type Errors } from "../../components/form";

export interface RegistrationDraft {
  firstName: string;
  lastName: string;
  contactWay: ContactWay | "";
  email: string;
  phone: string;
  partnerName: string;
  communeInsee: string;
  qpv: string;
  ageBand: AgeBand | "";
  gender: Gender | "";
  category: SocioCategory | "";
  household: string;
  sessionIds: string[];
  accessibilityNeeds: string;
  dietaryNeeds: string;
  consent: boolean;
  /** Honeypot: nobody sees it, a robot fills it. */
  website: string;
}

/** An empty form; with a single session, that session is ticked already. */
export const emptyDraft = (sessionIds: string[] = []): RegistrationDraft => ({
  firstName: "",
  lastName: "",
  contactWay: "",
  email: "",
  phone: "",
  partnerName: "",
  communeInsee: "",
  qpv: "",
  ageBand: "",
  gender: "",
  category: "",
  household: "",
  sessionIds: sessionIds.length === 1 ? [...sessionIds] : [],
  accessibilityNeeds: "",
  dietaryNeeds: "",
  consent: false,
  website: "",
});

/**
 * What the form sends (before validation: empty choices stay empty, so the shared
 * schema says what is missing). Sessions keep the order of the call.
 */
export function registrationPayload(d: RegistrationDraft, call: { meal: boolean; sessionIds: string[] }) {
  return {
    firstName: d.firstName,
    lastName: d.lastName,
    contactWay: d.contactWay,
    email: d.contactWay === "email" ? d.email.trim() : "",
    phone: d.contactWay === "phone" ? d.phone.trim() : "",
    partnerName: d.contactWay === "partner" ? d.partnerName : "",
    communeInsee: d.communeInsee,
    qpv: d.qpv,
    ageBand: d.ageBand,
    gender: d.gender,
    category: d.category === "" ? null : d.category,
    household: d.household,
    sessionIds: call.sessionIds.filter((id) => d.sessionIds.includes(id)),
    accessibilityNeeds: d.accessibilityNeeds,
    dietaryNeeds: call.meal ? d.dietaryNeeds : "",
    consent: d.consent,
    website: d.website,
  };
}

/** A select left on its placeholder gets a sentence about choosing, not about a code's format. */
const EMPTY_CHOICE: Record<string, string> = {
  communeInsee: "Choisissez votre commune dans la liste.",
};

/**
 * Errors by the field that shows them: an error about one session ("sessionIds.1") goes
 * to the group of sessions; the honeypot's error is no field's (the form says it above).
 */
export function errorsByField(errors: Errors): Errors {
  const out: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === "website") continue;
    const field = path.startsWith("sessionIds") ? "sessionIds" : path;
    out[field] ??= message;
  }
  // The summary lists them as the form shows them, top to bottom.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The shared schema's verdict: the body to send, or the errors to show. */
export function validateRegistration(d: RegistrationDraft, call: { meal: boolean; sessionIds: string[] }): { body: RegistrationInput; errors?: undefined } | { body?: undefined; errors: Errors } {
  const payload = registrationPayload(d, call);
  const parsed = registrationBody.safeParse(payload);
  if (parsed.success) return { body: parsed.data };
  const errors = errorsByField(zodErrors(parsed.error));
  for (const [field, message] of Object.entries(EMPTY_CHOICE)) if (errors[field] && !payload[field as keyof typeof payload]) errors[field] = message;
  return { errors };
}

/** The fields in the order of the form: the error summary lists them so. */
const FORM_ORDER = ["firstName", "lastName", "ageBand", "gender", "category", "contactWay", "email", "phone", "partnerName", "communeInsee", "qpv", "household", "sessionIds", "accessibilityNeeds", "dietaryNeeds", "consent"];

/** The visible labels of the public form (the resident speaks), which its error summary names its errors by. */
export const PUBLIC_LABELS: Record<string, string> = {
  firstName: "Prénom",
  lastName: "Nom",
  ageBand: "Votre tranche d'âge",
  gender: "Vous êtes",
  category: optional("Votre situation"),
  contactWay: "Comment souhaitez-vous être prévenu(e) ?",
  email: "Votre adresse e-mail",
  phone: "Votre numéro de téléphone",
  partnerName: "Le partenaire qui vous préviendra",
  communeInsee: "Votre commune",
  qpv: "Habitez-vous un quartier prioritaire (QPV) ?",
  household: optional("Nom de groupe"),
  sessionIds: "Vos disponibilités",
  accessibilityNeeds: optional("Besoins d'accessibilité"),
  dietaryNeeds: optional("Repas : régime ou allergies"),
  consent: "Votre accord",
};

/** The visible labels of the form a partner fills for a resident. */
export const STAFF_LABELS: Record<string, string> = {
  ...PUBLIC_LABELS,
  ageBand: "Tranche d'âge",
  gender: "Genre",
  category: optional("Situation"),
  contactWay: "Comment la joindre",
  email: "Son adresse e-mail",
  phone: "Son numéro de téléphone",
  partnerName: "Le partenaire qui la préviendra",
  communeInsee: "Commune",
  qpv: "Quartier prioritaire (QPV)",
  sessionIds: "Disponibilités",
  consent: "Son accord",
};
const rank = (field: string) => (FORM_ORDER.includes(field) ? FORM_ORDER.indexOf(field) : FORM_ORDER.length);
