import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../auth/auth.js";
import { requiredText } from "../../validation/fields.js";

export const email = z
  .string({ error: "L'adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." }));

/** A new password: long enough to resist guessing, short enough to hash. */
export const newPassword = z
  .string({ error: "Le mot de passe est obligatoire." })
  .min(MIN_PASSWORD_LENGTH, { error: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.` })
  .max(MAX_PASSWORD_LENGTH, { error: `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.` });

export const personName = requiredText("Le nom", 120);

export const signInBody = z.object({
  email,
  password: z.string({ error: "Le mot de passe est obligatoire." }).min(1, { error: "Le mot de passe est obligatoire." }).max(MAX_PASSWORD_LENGTH),
});
export const resetRequestBody = z.object({ email });
export const resetBody = z.object({ token: z.string().min(1).max(200), password: newPassword });
