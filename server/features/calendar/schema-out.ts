/** What the calendar routes answer. */
import { z } from "zod";

export const mailingOut = z.object({ sent: z.number(), sequence: z.number(), failed: z.array(z.string()) });
export const feedOut = z.object({ url: z.string() });
