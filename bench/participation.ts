/**
 * World Café table composition (issue 14): median time to compose 18 people at 3 tables
 * and 300 people at 50 tables, on generated registrants with real imbalance (more women,
 * households, a few communes and QPVs), several seeds.
 */
import { composeTables, mulberry32, type Registrant } from "../server/domain/composition.js";
import { summary, type BenchResult } from "./http.js";

const AGES = ["16-24", "25-39", "40-54", "55-69", "70+"];
const CATEGORIES = ["employee", "worker", "retired", "student", "jobseeker", "intermediate", null];

function people(n: number, seed: number): Registrant[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    gender: random() < 0.7 ? "woman" : random() < 0.9 ? "man" : null,
    ageBand: pick(AGES),
    commune: `7700${Math.floor(random() * 5)}`,
    qpv: random() < 0.3 ? pick(["qpv-a", "qpv-b"]) : "non",
    category: pick(CATEGORIES),
    household: random() < 0.15 ? `h${Math.floor(i / 3)}` : null,
  }));
}

function measure(name: string, n: number, tables: number, maxPerTable: number, runs: number, targetMs: number): BenchResult {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = people(n, i + 1);
    const t0 = performance.now();
    composeTables(input, { tables, maxPerTable, seed: i + 1 });
    times.push(performance.now() - t0);
  }
  const s = summary(times);
  return { name, engine: "node", ...s, target: `median ≤ ${targetMs} ms`, ratio: s.p50 / targetMs, met: s.p50 <= targetMs, note: `${runs} runs, one seed each` };
}

export function compositionBench(quick: boolean): BenchResult[] {
  return [measure("tables: 18 people, 3 tables of 6", 18, 3, 6, quick ? 20 : 100, 20), measure("tables: 300 people, 50 tables of 6", 300, 50, 6, quick ? 3 : 15, 500)];
}
