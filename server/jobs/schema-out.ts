/** What the jobs routes answer. */
import { z } from "zod";

export const jobOut = z.object({
  id: z.string(),
  label: z.string(),
  state: z.enum(["queued", "running", "done", "failed"]),
  percent: z.number(),
  step: z.string(),
  fileName: z.string().optional(),
  error: z.string().optional(),
});
