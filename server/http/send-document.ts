/** Sends a document model as DOCX, PDF or HTML (the annual report, the evaluation, the workshops' sheets). */
import type { FastifyReply } from "fastify";
import type { DocumentModel } from "../documents/model.js";

export const DOCUMENT_FORMATS = ["docx", "pdf", "html"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
};

/** DOCX and PDF are downloads (attachment); HTML is shown inline (page preview, printing). */
export async function sendDocument(reply: FastifyReply, format: DocumentFormat, model: DocumentModel, baseName: string) {
  // Laid out in the render worker: other requests go on meanwhile.
  return sendFile(reply, format, await reply.server.renderer.render(format, model), baseName);
}

/** Sends rendered bytes with the type and disposition of their format. */
export function sendFile(reply: FastifyReply, format: DocumentFormat, body: Buffer, baseName: string) {
  const disposition = format === "html" ? "inline" : "attachment";
  return reply
    .header("content-type", TYPES[format])
    .header("content-disposition", `${disposition}; filename="${baseName}.${format}"`)
    .header("cache-control", "no-store")
    .send(body);
}
