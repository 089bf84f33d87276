/** What the communes' referents routes accept: a referent (a person of the directory or a named person), a piece of news to relay. */
import { z } from "zod";
import { REFERENT_ROLE_KEYS } from "../../domain/referents.js";
import { isoDate, optionalText, requiredText, uuid, version } from "../../validation/fields.js";

const email = z.email({ error: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." }).max(254, { error: "L'adresse e-mail ne doit pas dépasser 254 caractères." });
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{10,20}$/, { error: "Indiquez un numéro de téléphone (par exemple 06 12 34 56 78)." });

export const referentRole = z.enum(REFERENT_ROLE_KEYS, { error: "Ce rôle de référent n'existe pas : « technical » (référent technique) ou « elected » (élu référent)." });

export const referentParams = z.object({ contractId: uuid, communeId: uuid, role: referentRole });

/**
 * A referent: an account of the contract (`userId`), and/or an organisation of its directory,
 * and/or a named person with their contacts. A name or an account is required.
 * `version`: null to name the first referent of this role, the version read to replace one.
 */
export const referentBody = z
  .object({
    userId: z.string().trim().min(1).max(100).nullable().default(null),
    organisationId: uuid.nullable().default(null),
    name: optionalText("Le nom", 200).default(""),
    email: z.union([z.literal(""), email]).default(""),
    phone: z.union([z.literal(""), phone]).default(""),
    namedOn: isoDate,
    version: version.nullable().default(null),
  })
  .refine((b) => b.userId !== null || b.name !== "", { path: ["name"], error: "Indiquez le nom du ou de la référente, ou choisissez une personne de l'annuaire." });
export type ReferentBody = z.infer<typeof referentBody>;

export const removeQuery = z.object({ version: z.coerce.number({ error: "La version de l'objet lu est obligatoire." }).pipe(version) });

export const relayBody = z.object({
  subject: requiredText("L'objet", 200),
  text: requiredText("Le texte", 10_000),
});
export type RelayBody = z.infer<typeof relayBody>;
