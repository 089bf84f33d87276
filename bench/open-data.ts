/**
 * The open-data export of the whole instance (issue 15): the admin downloads
 * /api/territories/open-data.zip `runs` times (after one unmeasured run), one at a time;
 * time to the last byte, and the archive's size.
 */
import { summary, type BenchResult, type Session } from "./http.js";

export async function openDataExport(baseUrl: string, admin: Session, engine: "postgres" | "pglite", runs: number): Promise<BenchResult> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/territories/open-data.zip`, { headers: { cookie: admin.cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`open-data.zip → ${res.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
    if (i > 0) times.push(performance.now() - t0);
    bytes = body.byteLength;
  }
  const { p50, p95 } = summary(times);
  return { name: "open data ZIP, whole instance", engine, p50, p95, note: `${bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`}, ${runs} runs` };
}
