/** What the workbook import answers (the exports are files; the routes take the contract only, and the workbook as multipart). */
import { z } from "zod";

/** The numbers of the fiches the import changed, and how many it left as they were. */
export const importSummaryOut = z.object({ updated: z.array(z.number()), unchanged: z.number() });
