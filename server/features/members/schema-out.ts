/** What the members and invitations routes answer. */
import { z } from "zod";
import { ficheRef } from "../../http/responses.js";
import { MEMBER_ROLES } from "../../domain/roles.js";
import { sessionUserOut } from "../auth/schema-out.js";

export const memberOut = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(MEMBER_ROLES),
  roleLabel: z.string(),
  actions: z.array(ficheRef),
  since: z.date(),
});

export const membersOut = z.object({
  items: z.array(memberOut),
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      role: z.enum(MEMBER_ROLES),
      roleLabel: z.string(),
      actions: z.array(ficheRef),
      invitedBy: z.string().nullable(),
      createdAt: z.date(),
      expiresAt: z.date(),
    }),
  ),
});

export const invitationSentOut = z.object({ outcome: z.enum(["invited", "added"]), email: z.string(), mailSent: z.boolean() });

export const invitationOut = z.object({
  email: z.string(),
  contractId: z.string(),
  contractName: z.string(),
  role: z.enum(MEMBER_ROLES),
  roleLabel: z.string(),
  actions: z.array(ficheRef),
  invitedBy: z.string().nullable(),
  expiresAt: z.date(),
});

export const invitationAcceptedOut = z.object({ user: sessionUserOut, contractId: z.string() });

/** A member removed: `notice` says when it was the person's last access (their account stays active). */
export const memberRemovedOut = z.object({ notice: z.string().nullable() });
