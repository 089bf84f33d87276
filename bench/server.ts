/**
 * The processes under test: Clés started as production starts it (compiled
 * `dist/cli/main.js` when built, else the TypeScript through tsx), a Fastify
 * hello-world (bench/hello.ts) on the same Node, and `npm start` for the cold start.
 * Each in its own process, so that its RSS is its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");

export interface Child {
  process: ChildProcess;
  baseUrl: string;
  /** Resident set size now, in MB (from /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** The Node flags `npm start` gives the server (package.json: `node --flag … dist/cli/main.js`), so that the bench runs it alike. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  return start.slice(1, start.indexOf("dist/cli/main.js")).filter((arg) => arg.startsWith("--"));
}

/** The command production runs: compiled JavaScript when it exists, with `npm start`'s Node flags. */
export function serverCommand(): { args: string[]; compiled: boolean } {
  const compiled = existsSync(join(ROOT, "dist", "cli", "main.js"));
  return compiled ? { args: [...startFlags(), join(ROOT, "dist", "cli", "main.js")], compiled } : { args: [...startFlags(), "--import", "tsx", join(ROOT, "cli", "main.ts")], compiled };
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Polls `url` until it answers 200; returns the ms waited. */
export async function waitFor200(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before answering ${url}`);
    if (performance.now() - t0 > timeoutMs) throw new Error(`no answer from ${url} after ${timeoutMs / 1000} s`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

function childOf(proc: ChildProcess, baseUrl: string): Child {
  let stderr = "";
  proc.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return {
    process: proc,
    baseUrl,
    rssMb: () => rssOf(proc.pid!),
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      if (process.env.BENCH_VERBOSE && stderr) console.error(stderr);
    },
  };
}

/** Clés's `serve` on `port`, on PostgreSQL (`url`) or PGlite (`dataDir`). */
export async function startServer(options: { port: number; url?: string; dataDir?: string; seed?: boolean; env?: Record<string, string> }): Promise<Child> {
  const { args } = serverCommand();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    DATABASE_URL: options.url ?? "",
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    ...options.env,
  };
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  const proc = spawn(process.execPath, [...args, "serve", ...(options.seed ? ["--seed"] : [])], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const child = childOf(proc, `http://127.0.0.1:${options.port}`);
  try {
    await waitFor200(`${child.baseUrl}/api/health`, proc);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return child;
}

/** The Fastify hello-world of bench/hello.ts. */
export async function startHello(port: number): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench", "hello.ts")], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  const child = childOf(proc, `http://127.0.0.1:${port}`);
  await waitFor200(child.baseUrl, proc);
  return child;
}

/** `npm start` to the first 200 of /api/health, in ms. */
export async function coldStart(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}/api/health`, child, 90_000);
    return performance.now() - t0;
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}
