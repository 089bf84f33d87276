/**
 * What the search answers: per kind of object, how many match and the best ones, each with
 * its title and an excerpt as plain text with the offsets of the words found (the web app
 * marks them; nothing here is HTML), and what it links to.
 */
import { z } from "zod";

export const SEARCH_KINDS = {
  fiche: "Fiches actions",
  milestone: "Étapes du rétroplanning",
  progress: "États d'avancement",
  meeting: "Réunions",
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

const highlighted = z.object({
  text: z.string(),
  /** Offsets in `text` (UTF-16 code units, end excluded) of the words found. */
  marks: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});

export const searchHitOut = z.object({
  id: z.string(),
  title: highlighted,
  /** Where the excerpt comes from (« Description », « Partenaires », « Compte rendu »…). */
  field: z.string().nullable(),
  snippet: highlighted.nullable(),
  /** The fiche of the object (itself for a fiche): number and title, for the link and its context. */
  action: z.object({ id: z.string(), number: z.number(), title: z.string() }).nullable(),
  /** The meeting to open, for a meeting. */
  meetingId: z.string().nullable(),
  /** The day of the object, "AAAA-MM-JJ": planned by, happened on, held on. */
  date: z.string().nullable(),
  /** The instance of a meeting (« Comité technique (COTECH) »). */
  bodyName: z.string().nullable(),
  /** A milestone done, or a meeting cancelled: said beside the title. */
  done: z.boolean().nullable(),
  cancelled: z.boolean().nullable(),
});
export type SearchHit = z.infer<typeof searchHitOut>;

export const searchGroupOut = z.object({
  kind: z.enum(Object.keys(SEARCH_KINDS) as [SearchKind, ...SearchKind[]]),
  label: z.string(),
  /** Every match of the kind; `items` holds the best ones only. */
  count: z.number().int(),
  items: z.array(searchHitOut),
});

export const searchOut = z.object({
  q: z.string(),
  total: z.number().int(),
  groups: z.array(searchGroupOut),
});
export type SearchResult = z.infer<typeof searchOut>;
