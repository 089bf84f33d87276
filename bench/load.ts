/**
 * Load and its floor: autocannon at N connections on a URL, asking for compressed answers as a
 * browser does (latencies of every response, for p95, which autocannon's summary lacks), and
 * the SQL floor of a page: its captured queries replayed straight on the database by N
 * workers, each request's queries at once (Promise.all), for the same duration.
 */
import autocannon from "autocannon";
import { summary } from "./http.js";
import type { CapturedQuery, RawQuery } from "./capture.js";

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Mean bytes read per response (headers and body). */
  bytes: number;
}

/** What Chromium asks for: every reader of Clés is a browser, and the web app's requests are answered compressed. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export async function load(url: string, options: { connections: number; seconds: number; cookie?: string }): Promise<LoadResult> {
  const times: number[] = [];
  const headers: Record<string, string> = { "accept-encoding": BROWSER_ACCEPT_ENCODING, ...(options.cookie ? { cookie: options.cookie } : {}) };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const s = summary(times);
  const bytes = result.requests.total ? result.throughput.total / result.requests.total : 0;
  return { ...s, rps: result.requests.total / (result.duration || options.seconds), requests: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx, bytes };
}

/** Runs a query on the engine's driver: node-postgres pool or PGlite client. */

/** The floor: `workers` concurrent loops replaying `queries` (all at once per round) for `seconds`; latency per round. */
export async function floor(run: RawQuery, queries: CapturedQuery[], options: { workers: number; seconds: number }) {
  if (!queries.length) return { p50: 0, p95: 0, p99: 0, rps: Infinity };
  const times: number[] = [];
  const end = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await Promise.all(queries.map((q) => run(q.sql, q.params)));
      times.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.workers }, worker));
  return { ...summary(times), rps: times.length / ((performance.now() - t0) / 1000) };
}
