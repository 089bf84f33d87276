/** What the sign-in routes answer. */
import { z } from "zod";

export const sessionUserOut = z.object({ id: z.string(), name: z.string(), email: z.string(), isAdmin: z.boolean() });

/** `proConnect`: whether the sign-in page offers « S'identifier avec ProConnect ». */
export const sessionOut = z.object({ user: sessionUserOut.nullable(), csrfToken: z.string(), devOutbox: z.boolean(), proConnect: z.boolean() });
export const signedInOut = z.object({ user: sessionUserOut });
export const messageOut = z.object({ message: z.string() });
