/** The attachments of a meeting as its page lists them (adding and removing them: features/attachments). */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { attachments } from "../../db/schema.js";

/** What is told of an attachment: never its storage key nor its checksum. */
export const attachmentColumns = {
  id: attachments.id,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  sizeBytes: attachments.sizeBytes,
  uploadedByName: attachments.uploadedByName,
  createdAt: attachments.createdAt,
};

export async function listAttachments(db: Db, meetingId: string) {
  return db.select(attachmentColumns).from(attachments).where(eq(attachments.meetingId, meetingId)).orderBy(asc(attachments.createdAt));
}
