import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, sep } from "node:path";

/**
 * One process at a time on an embedded data folder.
 *
 * PGlite's own `postmaster.pid` does not protect the folder: every PGlite process
 * writes the same pid in it (-42, the pid the WebAssembly build reports), which the
 * next one takes for its own and overwrites. Two processes on one folder then each
 * keep their own buffers and WAL position, and one's writes are lost.
 *
 * This lock is a pid file, as PostgreSQL's: `cles.pid` names the process that holds
 * the folder. It is taken by creating the file atomically (a hard link of a fully
 * written draft: never seen half written) and removed on close and on exit. A process
 * killed without its exit handlers (kill -9, power loss) leaves it behind; the next
 * one finds it stale at once, without waiting, when its process is gone: the machine
 * has rebooted since (Linux boot id), the pid is dead, or the pid is now another
 * process's (Linux start time). Nothing is refreshed while it is held, so a long
 * query that blocks the event loop never loses it.
 */
export const LOCK_FILE = "cles.pid";

/** What the lock file says of its holder. */
export interface LockHolder {
  pid: number;
  /** Its command line, to name it in the refusal. */
  command: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  host: string;
  /** Linux boot id: a lock from before a reboot is stale. */
  bootId?: string;
  /** Start of the process, in clock ticks since boot (Linux): tells a reused pid. */
  startTicks?: number;
  /** Unique to this taking of the lock: only its taker removes it. */
  token: string;
}

export interface DataDirLock {
  /** The lock file. */
  path: string;
  holder: LockHolder;
  /** Removes the lock file if it is still this lock's; safe to call twice. */
  release(): void;
}

/** The data folder is held by another process (or another database of this one). */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly holder: LockHolder,
  ) {
    const otherHost = holder.host !== hostname();
    super(
      `Le dossier de données ${dataDir} est déjà utilisé par un autre processus : ${describeHolder(holder)}. ` +
        "Deux processus sur la même base embarquée perdent des écritures : arrêtez d'abord ce processus." +
        (otherHost ? ` S'il est déjà arrêté (autre machine ou conteneur), supprimez le fichier ${lockPath}.` : ""),
    );
    this.name = "DataDirLockedError";
  }
}

/** "pid 1234 (« node cli/main.ts serve »), depuis le 14/03/2026 10:02:11" — for the messages. */
export function describeHolder(holder: LockHolder): string {
  const since = new Date(holder.since).toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });
  const host = holder.host !== hostname() ? ` sur la machine ${holder.host}` : "";
  return `pid ${holder.pid} (« ${holder.command} »)${host}, depuis le ${since}`;
}

/** Locks held by this process, shared by every copy of this module (test runners may load it twice). */
const held: Map<string, LockHolder> = ((globalThis as Record<symbol, unknown>)[Symbol.for("cles.dataDirLocks")] ??= new Map()) as Map<string, LockHolder>;

/** Takes the lock of a data folder (which must exist), or throws DataDirLockedError naming its holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const current = held.get(path);
  if (current) throw new DataDirLockedError(dataDir, path, current);
  const me = thisProcess();
  const content = JSON.stringify(me, null, 2) + "\n";
  const draft = `${path}.${me.token}`;
  writeFileSync(draft, content);
  try {
    for (let attempt = 0; !create(draft, path, content); attempt++) {
      const raw = readOrNull(path);
      if (raw === null) continue; // released in between
      const holder = parseHolder(raw);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, path, holder);
      if (attempt >= 5) throw new Error(`Le verrou ${path} n'a pas pu être pris : d'autres processus démarrent en même temps sur ce dossier.`);
      removeStale(path, raw, me.token);
    }
  } finally {
    removeQuietly(draft);
  }
  held.set(path, me);
  const onExit = () => release();
  function release() {
    process.off("exit", onExit);
    if (held.get(path)?.token === me.token) held.delete(path);
    if (parseHolder(readOrNull(path) ?? "")?.token === me.token) removeQuietly(path);
  }
  process.on("exit", onExit);
  return { path, holder: me, release };
}

/** Creates the lock file atomically: false when it exists. */
function create(draft: string, path: string, content: string): boolean {
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
  }
  // A file system without hard links: exclusive creation, then the content.
  try {
    writeFileSync(path, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Moves a stale lock file aside, then checks it moved the one it judged: another process
 * may have replaced it with a live lock in between, which is then put back.
 */
function removeStale(path: string, judged: string, token: string): void {
  const aside = `${path}.${token}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (readOrNull(aside) !== judged) {
    try {
      linkSync(aside, path);
    } catch {
      // someone else holds it now: the next attempt reads who
    }
  }
  removeQuietly(aside);
}

function isAlive(holder: LockHolder): boolean {
  // Another machine or container: its processes cannot be seen from here.
  if (holder.host !== hostname()) return true;
  const bootId = readBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  // This process: held through another path to the folder, or left by an earlier process
  // that had this very pid (a restarted container).
  if (holder.pid === process.pid) return [...held.values()].some((mine) => mine.token === holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    // EPERM: it exists, under another user
  }
  const startTicks = readStartTicks(holder.pid);
  return holder.startTicks === undefined || startTicks === undefined || startTicks === holder.startTicks;
}

function thisProcess(): LockHolder {
  const cwd = process.cwd() + sep;
  const script = process.argv.slice(1).map((arg) => (arg.startsWith(cwd) ? arg.slice(cwd.length) : arg));
  return {
    pid: process.pid,
    command: ["node", ...script].join(" "),
    since: new Date().toISOString(),
    host: hostname(),
    bootId: readBootId(),
    startTicks: readStartTicks(process.pid),
    token: randomBytes(8).toString("hex"),
  };
}

export function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.token === "string" && typeof value.host === "string") {
      return { command: "?", since: new Date(0).toISOString(), ...value } as LockHolder;
    }
  } catch {
    // empty or damaged (a crash while the file was written): stale
  }
  return undefined;
}

function readBootId(): string | undefined {
  return readOrNull("/proc/sys/kernel/random/boot_id")?.trim() || undefined;
}

/** Field 22 of /proc/<pid>/stat, read after the command name (which may hold spaces and parentheses). */
export function readStartTicks(pid: number): number | undefined {
  const stat = readOrNull(`/proc/${pid}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields?.[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
