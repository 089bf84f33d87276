/**
 * `tsx bench/profile-write-read.ts [rounds]`: the bench's « first read after a write » loop
 * (a comment on the fiche, then the dashboard) against the compiled server started with
 * `--cpu-prof` on the national dataset (`DATABASE_URL`); prints the read's p50/p95 and where
 * the server's CPU went (self time per function, top 40), from the profile it writes on exit.
 */
import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { serverCommand, waitFor200 } from "./server.js";
import { signedIn, postJson } from "./http.js";
import { PAGES, resolveIds, NATIONAL_USERS } from "./pages.js";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL (the national dataset) is required");
const rounds = Number(process.argv[2] ?? 400);
const dir = mkdtempSync(join(tmpdir(), "cles-prof-"));
const { args } = serverCommand();
const port = 3190;
const proc = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...args, "serve"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info" },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
await waitFor200(`${base}/api/health`, proc);
const coordinator = await signedIn(base, NATIONAL_USERS.coordinator.email, NATIONAL_USERS.coordinator.password);
const ids = await resolveIds(base, coordinator);
const cpuTicks = () => {
  const fields = readFileSync(`/proc/${proc.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
};
const times: number[] = [];
let ticks0 = 0;
for (let i = 0; i < rounds; i++) {
  if (i === Math.floor(rounds / 4)) ticks0 = cpuTicks();
  await postJson(base, `/api/actions/${ids.actionId}/comments`, coordinator, { body: `Profil n° ${i + 1}.` });
  const t0 = performance.now();
  const res = await fetch(base + PAGES[0]!.path(ids), { headers: { cookie: coordinator.cookie } });
  await res.arrayBuffer();
  if (i >= rounds / 4) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`server CPU: ${(((cpuTicks() - ticks0) * 10) / times.length).toFixed(2)} ms per write and read`);
console.log(`read after write: p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms (${times.length} rounds)`);
const exited = new Promise((r) => proc.once("exit", r));
proc.kill("SIGINT");
await exited;
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error("no profile written");
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/^.*node_modules\//, "nm/").replace(/^file:\/\/.*\/dist\//, "dist/")}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
  total += n.hitCount;
}
const idle = [...self].filter(([k]) => k.startsWith("(idle)")).reduce((s, [, v]) => s + v, 0);
console.log(`profile: ${join(dir, file)}; ${total} samples, ${idle} idle`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * v) / (total - idle)).toFixed(1).padStart(5)} %  ${k}`);
