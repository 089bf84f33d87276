/** What the axes and objectives routes answer. */
import { z } from "zod";

export const axisOut = z.object({
  id: z.string(),
  contractId: z.string(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const objectiveOut = z.object({
  id: z.string(),
  axisId: z.string(),
  code: z.string(),
  title: z.string(),
  position: z.number(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
