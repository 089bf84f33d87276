/**
 * `tsx bench/explain.ts [page…]`: each query a page issues uncached on the national dataset,
 * timed on one connection (median of 20 runs: round trip, and the server's own execution time
 * from EXPLAIN ANALYZE) — to see where a page's SQL floor goes.
 */
import { openDatabase } from "../server/db/client.js";
import { capturePages, rawQuery } from "./capture.js";
import { benchDatabaseUrl } from "./data/national.js";
import { NATIONAL_USERS, PAGES, resolveIds } from "./pages.js";

const wanted = process.argv.slice(2);
const pages = PAGES.filter((p) => !wanted.length || wanted.includes(p.key));
const database = await openDatabase({ url: benchDatabaseUrl() });
try {
  const { queries } = await capturePages(database, NATIONAL_USERS, pages, resolveIds);
  const run = rawQuery(database);
  for (const page of pages) {
    const { uncached } = queries.get(page.key)!;
    console.log(`\n${page.name}: ${uncached.length} queries uncached`);
    let total = 0;
    let totalServer = 0;
    for (const q of uncached) {
      const times: number[] = [];
      const server: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await run(q.sql, q.params);
        times.push(performance.now() - t0);
        const plan = (await run(`explain (analyze, format json) ${q.sql}`, q.params)) as { rows: { "QUERY PLAN": [{ "Execution Time": number }] }[] };
        server.push(plan.rows[0]!["QUERY PLAN"][0]["Execution Time"]);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
      total += median(times);
      totalServer += median(server);
      console.log(`  ${median(times).toFixed(2).padStart(7)} ms ${median(server).toFixed(2).padStart(7)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 140)}`);
    }
    console.log(`  ${total.toFixed(2).padStart(7)} ms ${totalServer.toFixed(2).padStart(7)} ms  in all, one after another (round trip, server)`);
  }
} finally {
  await database.close();
}
