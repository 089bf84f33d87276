/**
 * `cles` as a real process for the CLI tests: the server on its own port and data,
 * the one-shot commands, and a browser-like HTTP client (cookies, CSRF token).
 */
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";

/** Every process started here and not yet exited: killed by `killAll`, whatever a test's outcome. */
const running = new Set<ChildProcess>();

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Resolves once /api/health answers; rejects with the output if the server exits or does not answer. */
  ready: Promise<void>;
  /** Exit code, or null when killed by a signal. */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Starts `cles serve` on its own port with `env` (DATA_DIR or DATABASE_URL).
 * Node loads TypeScript through `--import tsx`, as `npm start` does: the `tsx` command
 * relays signals to a child process and kills it when it does not answer within 60 ms,
 * which cut graceful shutdowns short on a loaded machine.
 */
export function startServer(port: number, env: NodeJS.ProcessEnv, args: string[] = [], options: { compiled?: boolean } = {}): ServerProcess {
  // compiled: the build of `npm run build` (dist/cli/main.js), as `npm start` runs it.
  const entry = options.compiled ? ["dist/cli/main.js"] : ["--import", "tsx", "cli/main.ts"];
  const child = spawn(process.execPath, [...entry, "serve", ...args], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    let gone = false;
    void exited.then(() => (gone = true));
    // Generous: a first start (initdb, migrations) on a loaded machine takes long.
    for (const deadline = Date.now() + 150_000; Date.now() < deadline && !gone; ) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not yet listening
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server ${gone ? "exited" : "did not start"}:\n${output}`);
  })();
  // Awaited by the tests; never an unhandled rejection when a test fails before.
  ready.catch(() => {});
  return { child, base, ready, exited, output: () => output };
}

/** Kills (SIGKILL) every process still running and waits for them: for afterEach. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      return exited;
    }),
  );
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a one-shot `cles …` command with `env` and waits for it. */
export function cles(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The API over HTTP as the web app uses it: cookies kept, CSRF token sent on every request. */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken = "";

  constructor(public base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        "x-csrf-token": this.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  }

  /** Fetches a CSRF token (and its cookie), as the web app does on start-up. */
  async refresh(): Promise<void> {
    const res = await this.request("GET", "/api/auth/session");
    this.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.refresh();
    const res = await this.request("POST", "/api/auth/sign-in", { email, password });
    if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
    await this.refresh();
  }

  /** The session cookie alone, for a plain fetch. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Runs one statement on the PostgreSQL server of `url` (create or drop a test's own database). */
export async function adminQuery<R = unknown>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}
