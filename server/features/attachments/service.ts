/**
 * Attachments of a meeting (slides, minutes, pictures): type checked from the
 * content, size limited, bytes kept by the storage backend, the row in the database.
 * Nothing stays behind on refusal: a file stored before a failed insert is removed.
 */
import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { attachments, meetings } from "../../db/schema.js";
import { invalid, notFound } from "../../http/problem.js";
import { actorIdentity, type Actor } from "../../policies/index.js";
import type { FileStorage } from "../../storage/storage.js";
import { recordAudit } from "../../audit/record.js";
import { attachmentColumns } from "../governance/meeting-attachments.js";
import { MEETING_NOT_FOUND } from "../governance/service.js";
import { cleanFileName, detectType } from "./detect.js";

export const ATTACHMENT_NOT_FOUND = "Cette pièce jointe est introuvable.";

/** Bytes accepted per file: ATTACHMENT_MAX_BYTES, 20 Mo by default. */
export function maxAttachmentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ATTACHMENT_MAX_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 20 * 1024 * 1024;
}
export const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} Mo` : `${Math.round(bytes / 1024)} Ko`);

export async function attachmentScope(db: Db, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound(ATTACHMENT_NOT_FOUND);
  return row;
}

export async function addAttachment(db: Db, storage: FileStorage, actor: Actor, meetingId: string, file: { fileName: string; bytes: Buffer }) {
  const [meeting] = await db.select({ contractId: meetings.contractId, title: meetings.title }).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw notFound(MEETING_NOT_FOUND);
  const fileName = cleanFileName(file.fileName);
  if (file.bytes.length === 0) throw invalid([{ path: "file", message: "Le fichier est vide." }]);
  const type = await detectType(fileName, file.bytes);
  if ("error" in type) throw invalid([{ path: "file", message: type.error }]);
  const key = `${meeting.contractId}/${randomUUID()}`;
  await storage.put(key, file.bytes);
  try {
    return await db.transaction(async (tx) => {
      const author = actorIdentity(actor);
      const [row] = await tx
        .insert(attachments)
        .values({
          contractId: meeting.contractId,
          meetingId,
          fileName,
          mediaType: type.mediaType,
          sizeBytes: file.bytes.length,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          storageKey: key,
          uploadedById: author.id,
          uploadedByName: author.name,
        })
        .returning(attachmentColumns);
      await recordAudit(tx, actor, { contractId: meeting.contractId, objectType: "meeting", objectId: meetingId, objectLabel: meeting.title, operation: "update", changes: [{ field: "attachments", label: "Pièce jointe", before: null, after: fileName }] });
      return row!;
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}

export async function readAttachment(storage: FileStorage, row: { storageKey: string }): Promise<Buffer> {
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw notFound("Le fichier de cette pièce jointe a disparu du stockage : signalez-le à l'administrateur.");
  return bytes;
}

export async function removeAttachment(db: Db, storage: FileStorage, actor: Actor, id: string): Promise<void> {
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(attachments).where(eq(attachments.id, id));
    if (!current) throw notFound(ATTACHMENT_NOT_FOUND);
    await tx.delete(attachments).where(eq(attachments.id, id));
    const [meeting] = await tx.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, current.meetingId!));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "meeting", objectId: current.meetingId!, objectLabel: meeting?.title ?? "Réunion", operation: "update", changes: [{ field: "attachments", label: "Pièce jointe", before: current.fileName, after: null }] });
    return current;
  });
  // The row is gone first: a file left by a crash here is unreachable, never a row without its file.
  await storage.delete(row.storageKey);
}
