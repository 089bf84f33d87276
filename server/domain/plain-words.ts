/** The words of a text to compare it with another: lower case, without accents or punctuation (« Fusionner avec la FA 11 ? » → "fusionner avec la fa 11"). */
export const plainWords = (text: string): string =>
  text
    .toLocaleLowerCase("fr-FR")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
