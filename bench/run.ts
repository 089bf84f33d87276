/**
 * Benchmarks (not tests): print figures against issue 13's targets, write bench/results.json.
 *   npm run bench                  everything (about 20 minutes; loads the machine)
 *   npm run bench -- --quick       a reduced set (3 pages, 5 s, 10 connections) in under 3 minutes
 *   npm run bench -- postgres documents …   some sections only:
 *     pglite     concurrency on PGlite with the demo data (bench/concurrency.ts)
 *     postgres   concurrency on PostgreSQL with the national dataset (`npm run bench:data` first;
 *                DATABASE_URL, else postgres://postgres@127.0.0.1:5432/cles_bench)
 *     documents  document generation times (bench/documents.ts)
 *     start      cold start of `npm start` to the first 200, empty and existing data folder
 *     web        the entry script's gzip size
 *     signin     wrong-password sign-ins: known accounts and unknown addresses alike
 *     participation  World Café table composition, 18 people / 3 tables and 300 / 50 (issue 14)
 *     soak       two processes on PostgreSQL behind a round-robin proxy, 20 connections for 10 minutes
 *                (BENCH_SOAK_SECONDS), RSS of each every minute (issue 17; bench/soak.ts)
 *   BENCH_PAGES=territory-region,territory-all  the concurrency blocks' pages limited to these keys
 *     (bench/pages.ts; the dashboard is always kept)
 * Each concurrency block runs a Fastify hello-world, the SQL floor of each page and the
 * server under test in its own process, one after the other (never at once).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../server/app.js";
import { openDatabase } from "../server/db/client.js";
import { DEMO_ACCOUNTS } from "../server/demo/accounts.js";
import { seedDemo } from "../server/demo/seed.js";
import { entryScript } from "./browser.js";
import { concurrencyBench, nationalReady } from "./concurrency.js";
import { benchDatabaseUrl } from "./data/national.js";
import { compositionBench } from "./participation.js";
import { documentBench } from "./documents.js";
import { newSession, signIn, type BenchResult } from "./http.js";
import { printTable } from "./table.js";
import { soakBench } from "./soak.js";
import { coldStart, serverCommand } from "./server.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sections = args.filter((a) => !a.startsWith("--"));
const wants = (section: string) => (sections.length ? sections.includes(section) : !quick || ["pglite", "postgres", "web"].includes(section));
const results: BenchResult[] = [];
const log = (line: string) => console.log(line);

const options = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? (quick ? 10 : 50)),
  seconds: Number(process.env.BENCH_SECONDS ?? (quick ? 5 : 20)),
  sequential: quick ? 50 : 200,
  writes: quick ? 10 : 100,
  quick,
  log,
};

/** Wrong-password sign-ins, 2 per account, against as many unknown addresses (under the lock-out and rate limits). */
async function signInTiming(): Promise<void> {
  const database = await openDatabase({ dataDir: "memory://" });
  await database.migrate();
  await seedDemo(database.db);
  const app = await buildApp({ database, webDir: false });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
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
    results.push({ name: "wrong password, existing account", engine: "pglite", p50: median(known), note: "same answer and similar time expected" });
    results.push({ name: "wrong password, unknown address", engine: "pglite", p50: median(unknown) });
  } finally {
    await app.close();
    await database.close();
  }
}

async function startBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cles-start-"));
  const dataDir = join(dir, "data");
  try {
    log("\nCold start of `npm start` to the first 200…");
    const empty = await coldStart(dataDir, 3917);
    const existing = await coldStart(dataDir, 3918);
    results.push({ name: "npm start, empty data folder", engine: "pglite", p50: empty, target: "≤ 10,000 ms", ratio: empty / 10_000, met: empty <= 10_000, note: "migrate + demo load" });
    results.push({ name: "npm start, existing data folder", engine: "pglite", p50: existing, target: "≤ 5,000 ms", ratio: existing / 5_000, met: existing <= 5_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const t0 = performance.now();
log(`Bench${quick ? " (quick)" : ""}: ${options.connections} connections, ${options.seconds} s per page; server started with ${serverCommand().compiled ? "dist/cli/main.js (compiled)" : "tsx cli/main.ts"}; load average ${loadavg().map((n) => n.toFixed(1)).join(" ")}.`);
const step = async (section: string, fn: () => Promise<void>) => {
  if (!wants(section)) return;
  try {
    await fn();
  } catch (error) {
    log(`Section ${section} failed: ${(error as Error).stack ?? error}`);
    results.push({ name: `section ${section}`, engine: "node", note: `failed: ${(error as Error).message}` });
  }
};
await step("pglite", async () => {
  results.push(...(await concurrencyBench("pglite", null, options, 3941)));
});
await step("postgres", async () => {
  const url = benchDatabaseUrl();
  if (!(await nationalReady(url))) {
    log(`\npostgres: no national dataset on ${url.replace(/\/\/[^@/]*@/, "//***@")}: run \`npm run bench:data\` first. Skipped.`);
    results.push({ name: "postgres block", engine: "postgres", note: "skipped: no national dataset (npm run bench:data)" });
    return;
  }
  results.push(...(await concurrencyBench("postgres", url, options, 3931)));
});
await step("documents", async () => {
  results.push(...(await documentBench()));
});
await step("start", startBench);
await step("web", async () => {
  const entry = entryScript();
  results.push(entry ?? { name: "entry script (gzip)", engine: "web", note: "no dist/web/index.html: build the web first" });
});
await step("signin", signInTiming);
await step("participation", async () => {
  results.push(...compositionBench(quick));
});

await step("soak", async () => {
  // A database of its own on the bench's PostgreSQL server, made and dropped by the soak.
  const server = new URL(benchDatabaseUrl());
  server.pathname = "/postgres";
  results.push(...(await soakBench(server.toString(), { seconds: Number(process.env.BENCH_SOAK_SECONDS ?? (quick ? 60 : 600)), connections: 20, log })));
});

const file = join(import.meta.dirname, "results.json");
writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
log("");
printTable(results, log);
log(`\n${results.length} measures written to bench/results.json in ${((performance.now() - t0) / 1000).toFixed(0)} s (load average now ${loadavg().map((n) => n.toFixed(1)).join(" ")}).`);
process.exit(0);
