import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir, parseHolder, readStartTicks, type DataDirLock, type LockHolder } from "./lock.js";

const folders: string[] = [];
const locks: DataDirLock[] = [];
const children: ChildProcess[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "cles-lock-"));
  folders.push(dir);
  return dir;
}

function lock(dir: string): DataDirLock {
  const taken = lockDataDir(dir);
  locks.push(taken);
  return taken;
}

/** A lock file as another process would have left it. */
function leave(dir: string, holder: Partial<LockHolder>): void {
  const file: LockHolder = { pid: process.ppid, command: "node cli/main.ts serve", since: "2026-03-14T09:02:11.000Z", host: hostname(), token: "autre", ...holder };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(file));
}

function refusal(dir: string): DataDirLockedError {
  try {
    lockDataDir(dir);
  } catch (error) {
    if (error instanceof DataDirLockedError) return error;
    throw error;
  }
  throw new Error("the lock was taken");
}

/** A Node process that takes the lock of `dir`, says so, then waits (or exits at once). */
function holderProcess(dir: string, then: "wait" | "exit") {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(new URL("./lock.ts", import.meta.url).href)});
    lockDataDir(${JSON.stringify(dir)});
    console.log("verrou pris");
    ${then === "wait" ? "setInterval(() => {}, 1000);" : "process.exit(0);"}`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("verrou pris") && resolve());
    child.once("exit", () => reject(new Error("the holder exited before taking the lock")));
  });
  return { child, locked, exited };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const taken of locks.splice(0)) taken.release();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the data folder lock", () => {
  it("writes who holds the folder, refuses a second taking in the same process, and is removed on release", () => {
    const dir = folder();
    const taken = lock(dir);
    const holder = parseHolder(readFileSync(taken.path, "utf8"))!;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), token: taken.holder.token });
    expect(Date.now() - Date.parse(holder.since)).toBeLessThan(60_000);
    if (existsSync("/proc/self/stat")) expect(holder.startTicks).toBe(readStartTicks(process.pid));

    const alias = join(folder(), "lien");
    symlinkSync(dir, alias);
    expect(refusal(alias).holder.token, "the same folder by another path").toBe(taken.holder.token);
    const error = refusal(dir);
    expect(error.message).toContain(`Le dossier de données ${dir} est déjà utilisé par un autre processus : pid ${process.pid} (« node `);
    expect(error.message).toContain("arrêtez d'abord ce processus");
    expect(existsSync(taken.path)).toBe(true);

    taken.release();
    taken.release();
    expect(existsSync(taken.path)).toBe(false);
    lock(dir).release();
  });

  it("is refused while another live process holds it, named with its pid and since when; taken at once after a kill -9", async () => {
    const dir = folder();
    const other = holderProcess(dir, "wait");
    await other.locked;
    const error = refusal(dir);
    expect(error.holder.pid).toBe(other.child.pid);
    expect(error.message).toMatch(new RegExp(`pid ${other.child.pid} \\(« node[^»]*» ?\\), depuis le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}\\.`));

    other.child.kill("SIGKILL");
    await other.exited;
    expect(existsSync(join(dir, LOCK_FILE)), "kill -9 runs no exit handler").toBe(true);
    const taken = lock(dir);
    expect(parseHolder(readFileSync(taken.path, "utf8"))!.pid).toBe(process.pid);
  });

  it("is removed when its process exits without closing the database", async () => {
    const dir = folder();
    const other = holderProcess(dir, "exit");
    await other.locked;
    expect(await other.exited).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a lock whose process is gone: dead pid, reboot since, pid reused, own pid from an earlier run, damaged file", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    const liveTicks = readStartTicks(process.ppid);
    const stale: Partial<LockHolder>[] = [
      { pid: dead.pid! },
      { bootId: "00000000-0000-0000-0000-000000000000" },
      { pid: process.pid, token: "plus-ancien" },
      ...(liveTicks === undefined ? [] : [{ startTicks: liveTicks + 1 }]),
    ];
    if (!existsSync("/proc/sys/kernel/random/boot_id")) stale.splice(1, 1);
    for (const holder of stale) {
      const dir = folder();
      leave(dir, holder);
      lock(dir).release();
    }
    for (const damaged of ["", "{\"pid\": 12", "null"]) {
      const dir = folder();
      writeFileSync(join(dir, LOCK_FILE), damaged);
      lock(dir).release();
    }
  });

  it("keeps a lock whose process lives, or which another machine or container holds", () => {
    const live = folder();
    leave(live, { startTicks: readStartTicks(process.ppid) });
    expect(refusal(live).holder.pid).toBe(process.ppid);
    expect(parseHolder(readFileSync(join(live, LOCK_FILE), "utf8"))!.token).toBe("autre");

    const remote = folder();
    leave(remote, { host: "autre-machine", pid: 1 });
    const error = refusal(remote);
    expect(error.message).toContain("pid 1 (« node cli/main.ts serve ») sur la machine autre-machine, depuis le 14/03/2026 10:02:11.");
    expect(error.message).toContain(`S'il est déjà arrêté (autre machine ou conteneur), supprimez le fichier ${join(remote, LOCK_FILE)}.`);
  });
});
