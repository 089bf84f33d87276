/** Figures of a contract's territory, as pure functions. */

/**
 * The territory's population: the sum of the communes' populations, or null when
 * no commune has one (« non renseignée », never 0), and how many communes lack theirs.
 */
export function populationTotal(communes: readonly { population: number | null }[]): { population: number | null; populationMissing: number } {
  const known = communes.filter((c) => c.population !== null);
  return {
    population: known.length ? known.reduce((sum, c) => sum + c.population!, 0) : null,
    populationMissing: communes.length - known.length,
  };
}
