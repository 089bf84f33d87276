/**
 * No cycle between feature folders: server/features/* and web/pages/* may import one
 * another only one way round (ESLint's import-x/no-cycle sees files, not folders).
 * Test files and test fixtures are left out. Run by `npm run lint`; exits 1 on a cycle.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const AREAS = ["server/features", "web/pages"];
const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gs;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|fixtures)\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** "server/features/actions" for any file under it; null outside the feature areas. */
function folderOf(file: string): string | null {
  const rel = relative(root, file);
  const area = AREAS.find((a) => rel.startsWith(`${a}/`));
  if (!area) return null;
  const rest = rel.slice(area.length + 1).split("/");
  return rest.length > 1 ? `${area}/${rest[0]}` : null;
}

const edges = new Map<string, Map<string, string>>();
for (const file of AREAS.flatMap((a) => sources(join(root, a)))) {
  const from = folderOf(file);
  if (!from) continue;
  for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const to = folderOf(resolve(dirname(file), m[1] ?? m[2]!));
    if (!to || to === from) continue;
    const out = edges.get(from) ?? new Map<string, string>();
    if (!out.has(to)) out.set(to, relative(root, file));
    edges.set(from, out);
  }
}

// Tarjan's strongly connected components: each one of two folders or more is a cycle.
let index = 0;
const stack: string[] = [];
const seen = new Map<string, { index: number; low: number; onStack: boolean }>();
const cycles: string[][] = [];
function visit(v: string): void {
  const node = { index, low: index, onStack: true };
  seen.set(v, node);
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    const other = seen.get(w);
    if (!other) {
      visit(w);
      node.low = Math.min(node.low, seen.get(w)!.low);
    } else if (other.onStack) node.low = Math.min(node.low, other.index);
  }
  if (node.low !== node.index) return;
  const component: string[] = [];
  let w: string;
  do {
    w = stack.pop()!;
    seen.get(w)!.onStack = false;
    component.push(w);
  } while (w !== v);
  if (component.length > 1) cycles.push(component.sort());
}
for (const v of edges.keys()) if (!seen.has(v)) visit(v);

if (cycles.length === 0) {
  console.log("Folder cycles: none among server/features/* and web/pages/*.");
} else {
  for (const cycle of cycles) {
    console.error(`Folder cycle: ${cycle.join(" <-> ")}`);
    for (const from of cycle)
      for (const [to, file] of edges.get(from) ?? []) if (cycle.includes(to)) console.error(`  ${from} -> ${to} (e.g. ${file})`);
  }
  process.exit(1);
}
