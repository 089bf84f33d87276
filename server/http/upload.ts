/**
 * The one file of a multipart/form-data upload (field « file »), read whole, with the
 * client's mistakes as French problems: not multipart (415), a body that is not valid
 * multipart, no boundary for instance (400), no file (400), a file over the limit (413).
 */
import type { FastifyRequest } from "fastify";
import { invalid, Problem } from "./problem.js";

export interface UploadWords {
  /** « le fichier », « le classeur » */
  what: string;
  /** The field error when no file was sent: « Choisissez un fichier à joindre. » */
  missing: string;
  /** The limit, as people say it: « 20 Mo ». */
  limitLabel: string;
}

export async function readUploadedFile(request: FastifyRequest, words: UploadWords): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new Problem(415, "Type de contenu non pris en charge", `Envoyez ${words.what} en multipart/form-data, dans le champ « file ».`);
  const malformed = () => new Problem(400, "Requête invalide", `Le contenu envoyé n'est pas un formulaire multipart/form-data valide : envoyez ${words.what} dans le champ « file ».`);
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await request.file();
  } catch {
    throw malformed();
  }
  if (!part || part.fieldname !== "file") throw invalid([{ path: "file", message: words.missing }]);
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      const message = `Le fichier dépasse la taille maximale de ${words.limitLabel}.`;
      throw new Problem(413, "Fichier trop volumineux", message, [{ path: "file", message }]);
    }
    throw malformed();
  }
}
