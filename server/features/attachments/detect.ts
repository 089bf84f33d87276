/**
 * What an uploaded file really is, from its bytes (file-type), never from the
 * browser's word: it must be one of the accepted kinds and match its name's extension.
 */
import { fileTypeFromBuffer } from "file-type";

export const ACCEPTED: Record<string, { mediaType: string; label: string }> = {
  pdf: { mediaType: "application/pdf", label: "PDF" },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word" },
  pptx: { mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", label: "PowerPoint" },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel" },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", label: "texte OpenDocument" },
  odp: { mediaType: "application/vnd.oasis.opendocument.presentation", label: "présentation OpenDocument" },
  ods: { mediaType: "application/vnd.oasis.opendocument.spreadsheet", label: "tableur OpenDocument" },
  png: { mediaType: "image/png", label: "image PNG" },
  jpg: { mediaType: "image/jpeg", label: "image JPEG" },
  webp: { mediaType: "image/webp", label: "image WebP" },
};
export const ACCEPTED_LIST = "PDF, DOCX, PPTX, XLSX, ODT, ODP, ODS, PNG, JPEG, WEBP";

const extensionOf = (fileName: string) => {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return ext === "jpeg" ? "jpg" : ext;
};

/** The accepted media type of the bytes, or a French reason to refuse them. */
export async function detectType(fileName: string, bytes: Buffer): Promise<{ mediaType: string } | { error: string }> {
  const ext = extensionOf(fileName);
  if (!ACCEPTED[ext]) return { error: `Ce type de fichier n'est pas accepté. Types acceptés : ${ACCEPTED_LIST}.` };
  const found = await fileTypeFromBuffer(bytes);
  const detected = found?.ext === "jpeg" ? "jpg" : found?.ext;
  if (detected !== ext) return { error: `Le contenu du fichier ne correspond pas à son type (.${ext}).` };
  return { mediaType: ACCEPTED[ext]!.mediaType };
}

/**
 * Bidirectional formatting characters: a right-to-left override makes « rapport\u202Efdp.exe »
 * read as « rapportexe.pdf » in a list of files. Marks, embeddings, overrides and isolates.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name safe to store and to send back: no folders, no control or direction characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").replace(BIDI_CONTROLS, "").trim();
  // Cut by characters, not UTF-16 units, so that an emoji is never split into half a character.
  return Array.from(clean || "fichier").slice(-200).join("");
}
