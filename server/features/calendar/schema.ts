/** What the calendar routes accept (a meeting, a feed's secret token) and answer. */
import { z } from "zod";
import { uuid } from "../../validation/fields.js";

export const meetingParams = z.object({ meetingId: uuid });
export const tokenParams = z.object({ token: z.string().min(1).max(100) });

export const mailingOut = z.object({ sent: z.number(), sequence: z.number(), failed: z.array(z.string()) });
export const feedOut = z.object({ url: z.string() });
