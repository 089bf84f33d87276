/**
 * Reordering rules shared by axes, objectives and fiches: the client sends
 * the complete list of ids in the wanted order.
 */

/** French error when `requested` is not a permutation of `current`, else null. */
export function orderError(current: readonly string[], requested: readonly string[]): string | null {
  if (new Set(requested).size !== requested.length) return "La liste contient deux fois le même élément.";
  const known = new Set(current);
  if (requested.length !== current.length || requested.some((id) => !known.has(id)))
    return "La liste doit contenir exactement les éléments existants, chacun une fois.";
  return null;
}

/** Numbers 1..n in the requested order, for those whose number changes. */
export function renumber(current: ReadonlyMap<string, number>, requested: readonly string[]): { id: string; number: number }[] {
  return requested.map((id, i) => ({ id, number: i + 1 })).filter(({ id, number }) => current.get(id) !== number);
}

/** Next free number after the highest one (1 for an empty list). */
export function nextNumber(numbers: readonly number[]): number {
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}
