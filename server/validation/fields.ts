import { z } from "zod";

// French messages for every built-in zod error, on the server and in the forms.
z.config(z.locales.fr());

/** Reusable field schemas with French messages. One schema serves the server and the forms. */

export const requiredText = (label: string, max = 500) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` });

export const optionalText = (label: string, max = 20_000) =>
  z.string().trim().max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` });

/** A month "AAAA-MM", as fiches give their start and end. */
export const month = z
  .string()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { error: "Indiquez un mois au format AAAA-MM (par exemple 2021-09)." });

/** A calendar date "AAAA-MM-JJ" that exists. */
export const isoDate = z.iso.date({ error: "Indiquez une date valide au format AAAA-MM-JJ." });

export const uuid = z.uuid({ error: "Identifiant invalide." });

/** Optimistic concurrency token: the version the client last read. */
export const version = z
  .number({ error: "La version de l'objet lu est obligatoire." })
  .int({ error: "La version est un nombre entier." })
  .min(1, { error: "La version commence à 1." });

export const inseeCode = z
  .string()
  .trim()
  .regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Le code INSEE compte 5 caractères (par exemple 77468)." });
