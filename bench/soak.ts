/**
 * The soak of issue 17: two `cles serve` processes on one PostgreSQL database, behind a small
 * round-robin proxy, under 20 connections for 10 minutes (BENCH_SOAK_SECONDS): reads of the
 * CAMVS pages and, one request in five, a remark written (so that every process keeps
 * hearing the other's changes). Errors, p99 per minute, and each process's RSS every minute,
 * which must not grow after warm-up (the first two minutes).
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD } from "../server/demo/accounts.js";
import { getJson, signedIn, summary, type BenchResult } from "./http.js";
import { BROWSER_ACCEPT_ENCODING } from "./load.js";
import { startServer, type Child } from "./server.js";

/** Forwards each request to the next backend in turn (keep-alive to each). */
function roundRobin(backends: string[], port: number): Promise<Server> {
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(backends[next++ % backends.length]!);
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function soakBench(serverUrl: string, options: { seconds: number; connections: number; log: (line: string) => void }): Promise<BenchResult[]> {
  const name = `cles_soak_${process.pid}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const shared = mkdtempSync(join(tmpdir(), "cles-soak-"));
  const children: Child[] = [];
  let proxy: Server | undefined;
  try {
    children.push(await startServer({ port: 3951, url: url.toString(), dataDir: shared, seed: true }));
    children.push(await startServer({ port: 3952, url: url.toString(), dataDir: shared }));
    proxy = await roundRobin(
      children.map((c) => c.baseUrl),
      3950,
    );
    const base = "http://127.0.0.1:3950";
    const session = await signedIn(base, "marie.dupont@camvs.test", DEMO_PASSWORD);
    const { items } = await getJson<{ items: { id: string; slug: string }[] }>(base, "/api/contracts", session);
    const camvs = items.find((c) => c.slug === "camvs-2021-2023")!.id;
    const fiches = await getJson<{ items: { id: string; number: number }[] }>(base, `/api/contracts/${camvs}/actions`, session);
    const fa2 = fiches.items.find((f) => f.number === 2)!.id;
    const headers = { "accept-encoding": BROWSER_ACCEPT_ENCODING, cookie: session.cookie };
    const requests = [
      { method: "GET" as const, path: `/api/contracts/${camvs}/dashboard`, headers },
      { method: "GET" as const, path: `/api/contracts/${camvs}`, headers },
      { method: "GET" as const, path: `/api/actions/${fa2}`, headers },
      { method: "GET" as const, path: `/api/contracts/${camvs}/actions`, headers },
      { method: "POST" as const, path: `/api/actions/${fa2}/comments`, headers: { ...headers, "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ body: "Remarque du banc d'endurance." }) },
    ];
    options.log(`\nSoak: two processes behind a round-robin proxy, ${options.connections} connections, ${options.seconds} s…`);
    const minutes: { times: number[]; errors: number; non2xx: number; rss: number[] }[] = [];
    const minute = () => {
      const m = Math.floor((performance.now() - t0) / 60_000);
      while (minutes.length <= m) minutes.push({ times: [], errors: 0, non2xx: 0, rss: [] });
      return minutes[m]!;
    };
    const t0 = performance.now();
    const sampler = setInterval(() => (minute().rss = children.map((c) => c.rssMb())), 60_000 - 1_000);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: base, connections: options.connections, duration: options.seconds, requests }, (error, r) => (error ? reject(error) : resolve(r)));
      instance.on("response", (_client, status, _bytes, responseTime) => {
        const m = minute();
        m.times.push(responseTime);
        if (status >= 300) m.non2xx++;
      });
      instance.on("reqError", () => minute().errors++);
    });
    clearInterval(sampler);
    const end = children.map((c) => c.rssMb());
    const all = summary(minutes.flatMap((m) => m.times));
    const results: BenchResult[] = [];
    const errors = result.errors + result.timeouts + result.non2xx;
    results.push({ name: "soak, two processes behind a proxy", engine: "postgres", ...all, rps: result.requests.total / (result.duration || options.seconds), target: "no error", met: errors === 0, note: `${result.requests.total} requests, ${result.errors + result.timeouts} errors, ${result.non2xx} non-2xx` });
    minutes.forEach((m, i) => {
      if (!m.times.length) return;
      const s = summary(m.times);
      options.log(`  minute ${i + 1}: ${m.times.length} answers, p99 ${s.p99.toFixed(1)} ms, ${m.errors} errors, ${m.non2xx} non-2xx, RSS ${m.rss.map((r) => `${r.toFixed(0)} MB`).join(" / ") || "—"}`);
    });
    const warm = minutes[Math.min(2, minutes.length - 1)]?.rss;
    children.forEach((_, i) => {
      const after = warm?.[i];
      const growth = after ? (end[i]! - after) / after : NaN;
      results.push({
        name: `soak, RSS of process ${i + 1}`,
        engine: "postgres",
        rssMb: end[i],
        target: "no growth after warm-up (≤ 10 %)",
        ratio: Number.isFinite(growth) ? 1 + growth : undefined,
        met: Number.isFinite(growth) ? growth <= 0.1 : undefined,
        note: `per minute: ${minutes.map((m) => m.rss[i]?.toFixed(0) ?? "—").join(", ")} MB`,
      });
    });
    return results;
  } finally {
    proxy?.close();
    for (const child of children) await child.stop();
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`).catch(() => {});
    rmSync(shared, { recursive: true, force: true });
  }
}
