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

/** The years a date may fall in: a CLS and its history lie well inside them, and every date rule works there. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
/** True unless the value starts with a year outside the range (a malformed value has its own format error). */
const yearInRange = (value: string) => {
  if (!/^\d{4}-/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};
const OUT_OF_RANGE = `Indiquez une date entre ${FIRST_YEAR} et ${LAST_YEAR}.`;

/** A calendar date "AAAA-MM-JJ" that exists, between 1900 and 2100. */
export const isoDate = z.iso.date({ error: "Indiquez une date valide au format AAAA-MM-JJ." }).refine(yearInRange, { error: OUT_OF_RANGE });

const calendarDay = z.iso.date();

/** A day "AAAA-MM-JJ" that exists, or a month "AAAA-MM" when only the month is known (« signé en juin 2021 »). */
export const dayOrMonth = z
  .string({ error: "Indiquez un jour (AAAA-MM-JJ) ou un mois (AAAA-MM)." })
  .trim()
  .refine((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v) || calendarDay.safeParse(v).success, { error: "Indiquez un jour (AAAA-MM-JJ) ou un mois (AAAA-MM)." })
  .refine(yearInRange, { error: OUT_OF_RANGE });

/** An instant with its offset ("2021-09-14T14:00:00+02:00"), between 1900 and 2100. */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: "Indiquez une date et une heure valides (AAAA-MM-JJTHH:MM, avec le fuseau)." })
  .refine(yearInRange, { error: OUT_OF_RANGE });

/** The largest value of a PostgreSQL integer column (int4): counts, positions, numbers and versions stop here. */
export const MAX_INT4 = 2_147_483_647;

export const uuid = z.uuid({ error: "Identifiant invalide." });

/** Optimistic concurrency token: the version the client last read. */
export const version = z
  .number({ error: "La version de l'objet lu est obligatoire." })
  .int({ error: "La version est un nombre entier." })
  .min(1, { error: "La version commence à 1." })
  .max(MAX_INT4, { error: "Cette version n'existe pas." });

export const inseeCode = z
  .string()
  .trim()
  .regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Le code INSEE compte 5 caractères (par exemple 77468)." });
