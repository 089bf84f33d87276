/** What the comments routes answer. */
import { z } from "zod";

export const commentOut = z.object({
  id: z.string(),
  progressEntryId: z.string().nullable(),
  body: z.string(),
  authorName: z.string(),
  authorOrganisation: z.string(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deleted: z.boolean(),
  permissions: z.object({ edit: z.boolean(), delete: z.boolean() }),
});

export const commentListOut = z.object({
  items: z.array(commentOut),
  permissions: z.object({ comment: z.boolean() }),
});
