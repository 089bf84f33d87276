/**
 * Benchmarks (not tests): prints figures, asserts nothing.
 *   npm run bench
 * 1. p50/p95 of the contract page API and the fiche page API over 1,000 HTTP
 *    requests each, on PGlite (data on disk) with the demo data.
 * 2. Sign-in time with a wrong password, for existing accounts and for unknown
 *    addresses: they must not tell one from the other.
 * 3. Document generation (bench/documents.ts): review, deck and annual report for
 *    CAPVM and a synthetic contract of 40 fiches and 60 meetings, p50/p95 against the
 *    targets, and the event loop's delay meanwhile.
 * 4. Cold start of `npm start` to the first 200, on an empty data folder
 *    (migrate + load the demo) and on an existing one.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../server/app.js";
import { openDatabase } from "../server/db/client.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../server/demo/accounts.js";
import { seedDemo } from "../server/demo/seed.js";
import { documentBench } from "./documents.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A browser-like session: the CSRF cookie and token, then the session cookie once signed in. */
interface Session {
  cookie: string;
  csrfToken: string;
}

async function newSession(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/session`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

async function signIn(baseUrl: string, session: Session, email: string, password: string): Promise<Response> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrfToken },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return res;
}

async function latency(baseUrl: string, path: string, cookie: string): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 50; i++) await (await fetch(baseUrl + path, { headers: { cookie } })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(baseUrl + path, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}

async function apiBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cles-bench-"));
  const database = await openDatabase({ dataDir: join(dir, "data") });
  await database.migrate();
  await seedDemo(database.db);
  const app = await buildApp({ database, webDir: false });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const session = await newSession(baseUrl);
  const signedIn = await signIn(baseUrl, session, "thomas.petit@capvm.test", DEMO_PASSWORD);
  const cookie = `${session.cookie}; ${signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ")}`;
  const contracts = (await (await fetch(`${baseUrl}/api/contracts`, { headers: { cookie } })).json()) as { items: { id: string; slug: string }[] };
  const capvm = contracts.items.find((c) => c.slug.startsWith("capvm"))!;
  const list = (await (await fetch(`${baseUrl}/api/contracts/${capvm.id}/actions?q=FA%209`, { headers: { cookie } })).json()) as { items: { id: string }[] };
  const rows: [string, string][] = [
    ["contract page  GET /api/contracts/:id", `/api/contracts/${capvm.id}`],
    ["fiche page     GET /api/actions/:id (FA 9)", `/api/actions/${list.items[0]!.id}`],
    ["fiche list     GET /api/contracts/:id/actions", `/api/contracts/${capvm.id}/actions`],
    ["search         GET …/actions?q=santé mentale", `/api/contracts/${capvm.id}/actions?q=sant%C3%A9%20mentale`],
    ["dashboard      GET …/dashboard", `/api/contracts/${capvm.id}/dashboard`],
    ["COTECH table   GET …/cotech-table?year=2021", `/api/contracts/${capvm.id}/cotech-table?year=2021`],
    ["timeline       GET …/timeline", `/api/contracts/${capvm.id}/timeline`],
  ];
  console.log(`\nAPI latency on PGlite (on disk), CAPVM demo, signed in as its coordinator, ${REQUESTS} sequential HTTP requests each (target p95 ≤ 10 ms for the first two, ≤ 15 ms for the dashboard and the COTECH table):`);
  for (const [label, path] of rows) {
    const r = await latency(baseUrl, path, cookie);
    console.log(`  ${label.padEnd(48)} p50 ${r.p50.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms   max ${r.max.toFixed(1)} ms`);
  }
  await signInTiming(baseUrl);
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Wrong-password sign-ins: existing accounts vs unknown addresses (2 per account, under the lock-out and rate limits). */
async function signInTiming(baseUrl: string): Promise<void> {
  const session = await newSession(baseUrl);
  const time = async (email: string) => {
    const t0 = performance.now();
    const res = await signIn(baseUrl, session, email, "pas le bon mot de passe");
    if (res.status !== 401) throw new Error(`sign-in of ${email} → ${res.status}`);
    return performance.now() - t0;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let round = 0; round < 2; round++)
    for (const account of DEMO_ACCOUNTS) {
      known.push(await time(account.email));
      unknown.push(await time(`inconnu-${round}-${account.email}`));
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\nWrong-password sign-in, ${known.length} each (same answer and similar time expected):`);
  console.log(`  existing account    median ${median(known).toFixed(1)} ms`);
  console.log(`  unknown address     median ${median(unknown).toFixed(1)} ms`);
}

/** Starts `npm start` and returns the ms until GET /api/health answers 200. */
async function coldStart(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn("npm", ["start", "--silent"], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", LOG_LEVEL: "warn" }, stdio: "ignore", detached: true });
  try {
    for (;;) {
      if (performance.now() - t0 > 60_000) throw new Error("no answer after 60 s");
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function startBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cles-start-"));
  const dataDir = join(dir, "data");
  console.log("\nCold start of `npm start` to the first 200 (target ≤ 5 s):");
  console.log(`  empty data folder (migrate + demo load)   ${(await coldStart(dataDir, 3917)).toFixed(0)} ms`);
  console.log(`  existing data folder                      ${(await coldStart(dataDir, 3918)).toFixed(0)} ms`);
  rmSync(dir, { recursive: true, force: true });
}

// `npm run bench -- documents` runs one section (api, documents, start); no argument: all.
const only = process.argv[2];
if (!only || only === "api") await apiBench();
if (!only || only === "documents") await documentBench();
if (!only || only === "start") await startBench();
