/** What the attachment routes accept: a meeting to attach to, an attachment to read or remove (the file itself comes as multipart). */
import { z } from "zod";
import { uuid } from "../../validation/fields.js";

export const meetingParams = z.object({ meetingId: uuid });
export const attachmentParams = z.object({ attachmentId: uuid });
