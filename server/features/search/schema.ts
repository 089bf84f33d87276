/** What the search route accepts: the words searched, 2 to 200 characters. */
import { z } from "zod";

export const SEARCH_MIN = 2;
export const SEARCH_MAX = 200;

export const searchQuery = z.object({
  q: z
    .string({ error: "Saisissez les mots à rechercher." })
    .trim()
    .min(SEARCH_MIN, { error: `Saisissez au moins ${SEARCH_MIN} caractères.` })
    .max(SEARCH_MAX, { error: `La recherche ne doit pas dépasser ${SEARCH_MAX} caractères.` }),
});
export type SearchQuery = z.infer<typeof searchQuery>;
