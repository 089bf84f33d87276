/** What the « À faire » routes answer: fiches with what is due on each. */
import { z } from "zod";
import { keyEnum } from "../../http/responses.js";
import { pilotsOut, shownOut } from "../actions/schema-out.js";
import { DUE_KINDS } from "./schema.js";

const dueItemOut = z.object({
  kind: keyEnum(DUE_KINDS),
  targetId: z.string().nullable(),
  day: z.string().nullable(),
  late: z.boolean(),
  message: z.string(),
});

const todoFicheOut = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  ...shownOut,
  pilots: pilotsOut,
  due: z.array(dueItemOut),
});

const countsOut = z.record(keyEnum(DUE_KINDS), z.number());

/** « Mes fiches »: the fiches the person pilots, by contract, and whether they coordinate anything (their home then stays the contracts). */
export const myFichesOut = z.object({
  today: z.string(),
  coordinates: z.boolean(),
  contracts: z.array(z.object({ id: z.string(), name: z.string(), fiches: z.array(todoFicheOut) })),
});

/** The coordination's « À faire » on a contract: the fiches with something due, and counts by kind. */
export const contractTodoOut = z.object({
  today: z.string(),
  kindLabels: z.record(keyEnum(DUE_KINDS), z.string()),
  counts: countsOut,
  fiches: z.array(todoFicheOut),
});
