/**
 * Read views kept in memory, never stale: a contract's pages (dashboard, timeline,
 * COTECH table, fiche list, fiche page…) are computed once and served again until
 * the contract changes.
 *
 * How a change is known: every write of a contract's data is announced by the
 * database itself (triggers, migration 0008) on the channel `cles_changes`, in the
 * transaction that makes it, so that every process sharing the database hears it
 * at commit and never for a rolled-back change. Each announcement moves the
 * contract's generation; a view is served only if it was computed at the current
 * generation. A view whose computation started before a change is not kept.
 *
 * A view may name the tables it reads (`tables`): then only their changes move it, so that a
 * remark on a fiche recomputes the dashboard's latest activity and not its fiches, meetings
 * and indicators. A table it reads and does not name would leave it stale: the views that
 * name tables check them against the SQL they send (server/cache/tables-read.ts).
 *
 * A process that made a write waits, before answering, until it has heard its own
 * announcements (`sync`): the writer's next read is fresh. While the channel is not
 * listened to (start, lost connection) nothing is served from memory.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Database, Db } from "../db/client.js";
import { share } from "./shared-values.js";
import type { Subscription } from "../db/listen.js";

export const CHANGES_CHANNEL = "cles_changes";
/** Tables whose changes alter the lists of contracts (admin, ARS). */
const LIST_TABLES = new Set(["contracts", "communes", "memberships", "axes", "actions"]);
const SYNC_PREFIX = "sync:";
const SYNC_TIMEOUT_MS = 2_000;
/** The scope of views that span every contract (lists). */
export const EVERY_CONTRACT = "*";
/** The scope of views computed from every contract's data (a territory's figures): any change of any contract moves it. */
export const ANY_CONTRACT = "any";
const LASTING = "lasting";

interface Entry {
  mark: string;
  value: Promise<unknown>;
}

export interface ReadViewStats {
  hits: number;
  misses: number;
  bypassed: number;
}

export class ReadViews {
  private readonly entries: LRUCache<string, Entry>;
  private readonly generations = new Map<string, number>();
  /** Per contract and table: "<contract id>|<table>" → changes heard. */
  private readonly tableGenerations = new Map<string, number>();
  private everything = 0;
  private lists = 0;
  private anyChange = 0;
  private subscription: Subscription | null = null;
  private readonly waiters = new Map<string, () => void>();
  private readonly listeners = new Set<(table: string | null) => void>();
  readonly stats: ReadViewStats = { hits: 0, misses: 0, bypassed: 0 };

  constructor(
    private readonly db: Db,
    max = 5_000,
  ) {
    this.entries = new LRUCache({ max });
  }

  /** Listens to the database's announcements; until then, and whenever they may have been missed, nothing is served from memory. */
  async start(database: Pick<Database, "listen">): Promise<void> {
    this.subscription = await database.listen(CHANGES_CHANNEL, {
      onPayload: (payload) => this.heard(payload),
      onInterrupted: () => this.forgetAll(),
      onLive: () => this.forgetAll(),
    });
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    this.forgetAll();
    await subscription?.close();
  }

  get live(): boolean {
    return this.subscription?.live ?? false;
  }

  /**
   * The view `key` of `scope` (a contract id, or EVERY_CONTRACT for lists across contracts):
   * from memory if computed since the scope's last change, else by `load` (one computation
   * shared by concurrent requests). `load` must not depend on who asks: decorate per actor after.
   * With `tables` (a contract's view only), only the changes of those tables of the contract move it.
   */
  view<T>(scope: string, key: string, load: () => Promise<T>, tables?: readonly string[]): Promise<T> {
    if (!this.live) {
      this.stats.bypassed++;
      return load();
    }
    const mark = tables ? this.tablesMarkOf(scope, tables) : this.markOf(scope);
    const cacheKey = `${scope}|${key}`;
    const hit = this.entries.get(cacheKey);
    if (hit && hit.mark === mark) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    // Shared by every request until the scope changes: never changed, written once (shared-values.ts).
    const value = load().then(share);
    this.entries.set(cacheKey, { mark, value });
    value.catch(() => {
      if (this.entries.peek(cacheKey)?.value === value) this.entries.delete(cacheKey);
    });
    return value;
  }

  /**
   * A fact that never changes once it exists (the contract a fiche belongs to): computed
   * once and kept, whatever changes, until everything is forgotten. Failures are not kept.
   */
  lasting<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.view(LASTING, key, load);
  }

  /**
   * Resolves once this process has heard every change committed before the call: an
   * announcement of our own, sent after them, comes back after them. Called before a
   * write request is answered.
   */
  async sync(): Promise<void> {
    if (!this.live) return;
    const token = randomUUID();
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(token);
        resolve(false);
      }, SYNC_TIMEOUT_MS);
      timer.unref();
      this.waiters.set(token, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      await this.db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${SYNC_PREFIX + token})`);
    } catch {
      this.waiters.get(token)?.();
      this.forgetAll();
      return;
    }
    if (!(await heard)) this.forgetAll();
  }

  /**
   * Calls `listener` with the table of every change heard (before a writer's `sync` resolves),
   * and with null whenever everything is forgotten (announcements may have been missed).
   */
  onChange(listener: (table: string | null) => void): void {
    this.listeners.add(listener);
  }

  /** Forgets every view (the announcements may have been missed). */
  forgetAll(): void {
    this.everything++;
    this.entries.clear();
    for (const listener of this.listeners) listener(null);
  }

  private markOf(scope: string): string {
    const own = scope === EVERY_CONTRACT ? this.lists : scope === ANY_CONTRACT ? this.anyChange : scope === LASTING ? 0 : (this.generations.get(scope) ?? 0);
    return `${this.everything}.${own}`;
  }

  private tablesMarkOf(contractId: string, tables: readonly string[]): string {
    let mark = `${this.everything}`;
    for (const table of tables) mark += `.${this.tableGenerations.get(`${contractId}|${table}`) ?? 0}`;
    return mark;
  }

  /** "<table>:<contract id>", "<table>:*", or our own "sync:<token>". */
  private heard(payload: string): void {
    if (payload.startsWith(SYNC_PREFIX)) {
      this.waiters.get(payload.slice(SYNC_PREFIX.length))?.();
      this.waiters.delete(payload.slice(SYNC_PREFIX.length));
      return;
    }
    const colon = payload.indexOf(":");
    const table = payload.slice(0, colon);
    const contractId = payload.slice(colon + 1);
    for (const listener of this.listeners) listener(table);
    if (contractId === "*") {
      this.everything++;
      return;
    }
    this.generations.set(contractId, (this.generations.get(contractId) ?? 0) + 1);
    const own = `${contractId}|${table}`;
    this.tableGenerations.set(own, (this.tableGenerations.get(own) ?? 0) + 1);
    this.anyChange++;
    if (LIST_TABLES.has(table)) this.lists++;
  }
}
