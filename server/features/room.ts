/** The refusal of one more object than a contract may hold (server/validation/limits.ts). */
import { conflict } from "../http/problem.js";
import { limitReached, type LimitKind } from "../validation/limits.js";

/** Throws a 409 when the holder already has the most it may. */
export function assertRoom(kind: LimitKind, current: number): void {
  const refusal = limitReached(kind, current);
  if (refusal) throw conflict(refusal);
}
