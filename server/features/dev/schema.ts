/** What the development mail page answers. */
import { z } from "zod";

/** The messages of the outbox folder. */
export const outboxOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })).optional(),
    }),
  ),
});
