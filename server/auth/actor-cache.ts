/**
 * A short-lived memory of who is behind a session cookie, so that reading pages
 * does not ask the database about the session on every request.
 *
 * Correctness comes from three rules (auth/plugin.ts): an entry lives `ttlMs` at most (and
 * never past its session's expiry); a change of the tables an actor is read from (accounts,
 * members and roles, ARS territories, communes), announced by the database to every
 * process, empties the whole cache; so does every successful write of a session route
 * (sign-in, sign-out, passwords), or of any route while the announcements are not heard.
 * A session closed by another process is seen within `ttlMs`.
 */
import type { Actor } from "../policies/index.js";

interface Entry {
  actor: Actor;
  expiresAt: number;
}

export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts the clears: an actor read before a clear is not kept after it. */
  private generation = 0;

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Actor | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  /** Where a lookup starts: pass it to `set`, which ignores the result if the cache was cleared meanwhile. */
  mark(): number {
    return this.generation;
  }

  set(key: string, actor: Actor, sessionExpiresAt: Date, mark = this.generation): void {
    if (mark !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { actor, expiresAt: Math.min(this.now() + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
