/** What the account administration routes answer. */
import { z } from "zod";
import { MEMBER_ROLES } from "../../domain/roles.js";
import { sessionUserOut } from "../auth/schema-out.js";

export const scopeOut = z.object({ level: z.enum(["department", "region"]), code: z.string(), label: z.string() });

export const userOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  deactivated: z.boolean(),
  deactivatedAt: z.date().nullable(),
  createdAt: z.date(),
  arsScopes: z.array(scopeOut),
  memberships: z.array(z.object({ contractId: z.string(), contractName: z.string(), role: z.enum(MEMBER_ROLES), roleLabel: z.string() })),
});

export const usersPageOut = z.object({ items: z.array(userOut), page: z.number(), pageCount: z.number(), total: z.number() });

/** The link to choose a password is shown once, here, and never again. */
export const userCreatedOut = z.object({ user: userOut, link: z.string(), expiresAt: z.date(), mailSent: z.boolean() });

export const linkSentOut = z.object({ email: z.string(), expiresAt: z.date(), mailSent: z.boolean() });

export const arsInvitationOut = z.object({ email: z.string(), scopes: z.array(scopeOut), invitedBy: z.string().nullable(), expiresAt: z.date() });

export const arsInvitationAcceptedOut = z.object({ user: sessionUserOut });

/** The regions and their départements (INSEE codes), for the territory fields of the forms. */
export const territoriesOut = z.object({ regions: z.array(z.object({ code: z.string(), name: z.string(), departements: z.array(z.string()) })) });

/** The ARS invitations still waiting, for « Comptes ». */
export const pendingArsInvitationsOut = z.object({
  invitations: z.array(z.object({ id: z.string(), email: z.string(), territory: z.string(), invitedBy: z.string().nullable(), createdAt: z.date(), expiresAt: z.date() })),
});
