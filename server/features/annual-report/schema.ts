/** What the annual report's route accepts (zod, French messages): the contract, the format and the calendar year. */
import { z } from "zod";
import { uuid } from "../../validation/fields.js";
import { DOCUMENT_FORMATS } from "../../http/send-document.js";

export const annualReportParams = z.object({ contractId: uuid, format: z.enum(DOCUMENT_FORMATS, { error: "Format inconnu : docx, pdf ou html." }) });
export const annualReportQuery = z.object({
  year: z.coerce
    .number({ error: "Indiquez l'année du bilan." })
    .int({ error: "Indiquez une année (un nombre entier)." })
    .min(2000, { error: "Indiquez une année valide." })
    .max(2100, { error: "Indiquez une année valide." }),
});
