/** What the account routes answer. */
import { z } from "zod";
import { ficheRef } from "../../http/responses.js";
import { MEMBER_ROLES } from "../../domain/roles.js";

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
