import { z } from "zod";
import { MEMBER_ROLES } from "../../domain/roles.js";
import { uuid } from "../../validation/fields.js";
import { email, newPassword, personName } from "../auth/schema.js";

const role = z.enum(MEMBER_ROLES, { error: "Choisissez un rôle : coordinateur·rice, pilote de fiches ou partenaire." });

/** A role, with the fiches a lead leads (required for a lead, none otherwise). */
const roleAssignment = z
  .object({ role, actionIds: z.array(uuid).max(200).default([]) })
  .superRefine((value, ctx) => {
    if (value.role === "lead" && value.actionIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["actionIds"], message: "Choisissez au moins une fiche pour un·e pilote." });
    if (value.role !== "lead" && value.actionIds.length > 0)
      ctx.addIssue({ code: "custom", path: ["actionIds"], message: "Seul·e un·e pilote est rattaché·e à des fiches." });
  });

export const invitationBody = z.object({ email }).and(roleAssignment);
export const memberBody = roleAssignment;
export const acceptBody = z.object({ name: personName, password: newPassword });
export const memberParams = z.object({ contractId: uuid, userId: z.string().min(1).max(100) });
export const invitationParams = z.object({ contractId: uuid, invitationId: uuid });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });

export type RoleAssignment = z.infer<typeof roleAssignment>;
