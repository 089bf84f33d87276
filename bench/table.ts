/** The printed table of the bench's results: one line per measure, its target and ratio (measured ÷ target). */
import type { BenchResult } from "./http.js";

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const int = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "" : n.toFixed(0));

const COLUMNS: [string, number, (r: BenchResult) => string][] = [
  ["measure", 44, (r) => r.name],
  ["engine", 8, (r) => r.engine],
  ["p50 ms", 7, (r) => ms(r.p50)],
  ["p95 ms", 7, (r) => ms(r.p95)],
  ["p99 ms", 7, (r) => ms(r.p99)],
  ["req/s", 7, (r) => int(r.rps)],
  ["hello", 7, (r) => int(r.helloRps)],
  ["floor95", 7, (r) => ms(r.floorP95)],
  ["q", 5, (r) => (r.queries === undefined ? "" : r.queriesUncached !== undefined && r.queriesUncached !== r.queries ? `${r.queries}/${r.queriesUncached}` : String(r.queries))],
  ["RSS MB", 6, (r) => int(r.rssMb)],
  ["target", 24, (r) => r.target ?? ""],
  ["ratio", 6, (r) => (r.ratio === undefined || !Number.isFinite(r.ratio) ? "" : r.ratio.toFixed(2))],
  ["met", 4, (r) => (r.met === undefined ? "" : r.met ? "yes" : "NO")],
];

export function printTable(results: BenchResult[], log: (line: string) => void): void {
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i === 10 ? c.padEnd(COLUMNS[i]![1]) : c.padStart(COLUMNS[i]![1]))).join(" ");
  log(line(COLUMNS.map(([h]) => h)));
  log(line(COLUMNS.map(([, w]) => "-".repeat(w))));
  for (const r of results) {
    log(line(COLUMNS.map(([, , f]) => f(r))) + (r.note ? `  ${r.note}` : ""));
  }
  log("q: queries per request warm/uncached (one number when equal); floor95: p95 of the page's uncached SQL replayed at the same concurrency;");
  log("ratio: measured ÷ target (for « ≥ » targets met when ≥ 1, for « ≤ » targets when ≤ 1).");
}
