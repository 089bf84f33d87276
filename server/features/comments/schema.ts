/** Request bodies of partner remarks: plain text only (shown escaped, never as HTML). */
import { z } from "zod";
import { requiredText, uuid } from "../../validation/fields.js";

export const COMMENT_MAX = 5000;

const remarkText = requiredText("La remarque", COMMENT_MAX);

export const commentBody = z.object({
  body: remarkText,
  /** The progress entry of this fiche the remark answers, or null for the fiche itself. */
  progressEntryId: uuid.nullable().default(null),
});
export const commentUpdateBody = z.object({ body: remarkText });

export type CommentBody = z.infer<typeof commentBody>;
export type CommentUpdateBody = z.infer<typeof commentUpdateBody>;
