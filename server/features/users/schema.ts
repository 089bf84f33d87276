/** What the account administration routes (« Comptes ») accept. */
import { z } from "zod";
import { REGIONS } from "../../domain/roles.js";
import { uuid } from "../../validation/fields.js";
import { email, newPassword, personName } from "../auth/schema.js";

/** Every département of the map, by INSEE code ("21", "2A", "974"). */
export const ALL_DEPARTMENTS: ReadonlySet<string> = new Set(Object.values(REGIONS).flatMap((r) => r.departments));

const departement = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => ALL_DEPARTMENTS.has(code), { error: "Ce département n'existe pas (code INSEE, par exemple 21, 2A ou 974)." });
const region = z
  .string()
  .trim()
  .refine((code) => code in REGIONS, { error: "Cette région n'existe pas (code INSEE, par exemple 27 ou 11)." });

/** The territory of an ARS delegation: départements and/or regions; at least one. */
const territoryFields = {
  departements: z.array(departement).max(110).default([]),
  regions: z.array(region).max(20).default([]),
};
const NO_TERRITORY = "Choisissez au moins un département ou une région pour une délégation ARS.";

export const USER_ROLES = ["admin", "ars", "coordinator"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const createUserBody = z
  .object({
    email,
    name: personName,
    role: z.enum(USER_ROLES, { error: "Choisissez un rôle : administrateur, délégation ARS ou coordination d'un contrat." }),
    ...territoryFields,
    contractId: uuid.optional(),
  })
  .superRefine((value, ctx) => {
    const territory = value.departements.length + value.regions.length;
    if (value.role === "ars" && territory === 0) ctx.addIssue({ code: "custom", path: ["departements"], message: NO_TERRITORY });
    if (value.role !== "ars" && territory > 0) ctx.addIssue({ code: "custom", path: ["departements"], message: "Seule une délégation ARS a un territoire." });
    if (value.role === "coordinator" && !value.contractId) ctx.addIssue({ code: "custom", path: ["contractId"], message: "Choisissez le contrat que cette personne coordonne." });
    if (value.role !== "coordinator" && value.contractId) ctx.addIssue({ code: "custom", path: ["contractId"], message: "Seule la coordination est rattachée à un contrat." });
  });
export type CreateUserBody = z.infer<typeof createUserBody>;

const requireTerritory = (value: { departements: string[]; regions: string[] }, ctx: z.RefinementCtx) => {
  if (value.departements.length + value.regions.length === 0) ctx.addIssue({ code: "custom", path: ["departements"], message: NO_TERRITORY });
};

export const scopesBody = z.object(territoryFields).superRefine(requireTerritory);
export type ScopesBody = z.infer<typeof scopesBody>;

export const arsInvitationBody = z.object({ email, ...territoryFields }).superRefine(requireTerritory);

export const usersQuery = z.object({
  q: z.string().trim().max(120, { error: "La recherche ne doit pas dépasser 120 caractères." }).default(""),
  page: z.coerce.number().int().min(1, { error: "La page commence à 1." }).max(10_000).default(1),
});

export const userParams = z.object({ userId: z.string().min(1).max(100) });
export const arsTokenParams = z.object({ token: z.string().min(10).max(200) });
export const arsAcceptBody = z.object({ name: personName, password: newPassword });

/** The scopes rows of a territory, départements first, without duplicates. */
export function scopesOf(body: { departements: string[]; regions: string[] }) {
  return [
    ...[...new Set(body.departements)].sort().map((code) => ({ level: "department" as const, code })),
    ...[...new Set(body.regions)].sort().map((code) => ({ level: "region" as const, code })),
  ];
}

export const arsInvitationParams = z.object({ invitationId: uuid });
