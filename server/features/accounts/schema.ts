/** What the account routes accept and answer. */
import { z } from "zod";
import { ficheRef } from "../../http/responses.js";
import { MEMBER_ROLES } from "../../domain/roles.js";
import { newPassword, personName } from "../auth/schema.js";

export const renameBody = z.object({ name: personName });
export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword });

export const accountOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  arsScopes: z.array(z.object({ label: z.string(), level: z.enum(["department", "region"]), code: z.string() })),
  memberships: z.array(
    z.object({ contractId: z.string(), contractName: z.string(), role: z.enum(MEMBER_ROLES), roleLabel: z.string(), actions: z.array(ficheRef) }),
  ),
});
