/**
 * References inside a version 2 file. Database ids never leave the instance: a file
 * names a fiche by a key drawn from its number ("FA3"; an archived fiche "FA3-archivée",
 * then "FA3-archivée-2"…), and every other object it points to by the `key` the entry
 * carries ("R1" for a meeting, "FA3.J1" for a milestone…). An import maps each key to
 * the new row's id.
 */
import { z } from "zod";

/** The keys of a file's fiches, in the order of `contract.actions`: derived, never written. */
export function ficheKeys(actions: readonly { number: number; archived: boolean }[]): string[] {
  const seen = new Map<string, number>();
  return actions.map((a) => {
    const base = a.archived ? `FA${a.number}-archivée` : `FA${a.number}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** A key written in the file: short, without spaces. */
export const refKey = z
  .string({ error: "La clé est un texte." })
  .regex(/^[\p{L}\p{N}._:-]{1,80}$/u, { error: "La clé ne contient que des lettres, chiffres, points, deux-points et tirets (80 au plus)." });

/** A timestamp as the file writes it (ISO 8601 in UTC, as `Date.toISOString`). */
export const instant = z.iso.datetime({ offset: true, error: "Indiquez une date et une heure au format ISO 8601 (AAAA-MM-JJTHH:MM:SSZ)." });

/** Id ↔ key both ways, filled while a contract is exported or imported. */
export class RefMap {
  private readonly toKey = new Map<string, string>();
  private readonly toId = new Map<string, string>();
  set(id: string, key: string): void {
    this.toKey.set(id, key);
    this.toId.set(key, id);
  }
  key(id: string): string | undefined {
    return this.toKey.get(id);
  }
  id(key: string): string | undefined {
    return this.toId.get(key);
  }
  /** Keys of the ids the file knows; ids of objects the format leaves out are dropped. */
  keys(ids: readonly string[]): string[] {
    return ids.flatMap((id) => this.toKey.get(id) ?? []);
  }
  ids(keys: readonly string[]): string[] {
    return keys.flatMap((k) => this.toId.get(k) ?? []);
  }
}

/** The stable date of a row written as text: "2021-09-14T12:00:00.000Z". */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
export const dateOf = (s: string | null): Date | null => (s ? new Date(s) : null);

/** Issues raised while checking a file's references, with their path from the root. */
export type Issue = { path: (string | number)[]; message: string };

/** What a key names, to check that a reference points to the right kind of object. */
export type KeyKind = "fiche" | "body" | "meeting" | "milestone" | "progress" | "adjustment" | "measurement";
