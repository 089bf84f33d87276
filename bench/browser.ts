/**
 * The web as a browser meets it: the entry script's gzip size (dist/web/index.html's
 * module script and the modules it preloads), and the first data visible on the
 * contract page, cold (a new browser context each time: no cache, no service worker),
 * in headless Chromium on loopback, from navigation start until the axes tree is painted:
 * timed in the page (the frame after the tree enters the document, once painted), not
 * when the bench's own round trips to the page come back.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import type { BenchResult, Session } from "./http.js";
import { summary } from "./http.js";

const WEB_DIR = join(import.meta.dirname, "..", "dist", "web");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** An element of the contract page that exists only once its data is there: an axis of the tree. */
const DATA_SELECTOR = process.env.BENCH_DATA_SELECTOR ?? ".cles-tree h3";

/** The entry script (and its modulepreloads, loaded before anything shows), gzip, in KB. */
export function entryScript(): BenchResult | null {
  const index = join(WEB_DIR, "index.html");
  if (!existsSync(index)) return null;
  const html = readFileSync(index, "utf8");
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = readFileSync(join(WEB_DIR, src.replace(/^\//, "")));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  const kb = gzip / 1024;
  return { name: "entry script (gzip)", engine: "web", p50: undefined, target: "≤ 200 KB gzip", ratio: kb / 200, met: kb <= 200, note: `${kb.toFixed(0)} KB gzip, ${(raw / 1024).toFixed(0)} KB raw, ${srcs.length} file(s)` };
}

function cookiesOf(session: Session, baseUrl: string) {
  return session.cookie.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
  });
}

interface Painted {
  __clesPaintedAt?: number;
}

/**
 * Runs in the page before its scripts: notes performance.now() (which counts from the
 * navigation start) once the frame that first holds `selector` has been painted — the
 * task after that frame's animation callback.
 */
function paintedAt(selector: string): void {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => ((window as unknown as Painted).__clesPaintedAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Ms from navigation start to the contract page's data visible, `runs` cold loads. */
export async function firstDataVisible(baseUrl: string, contractId: string, session: Session, engine: BenchResult["engine"], runs: number): Promise<BenchResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext();
      await context.addCookies(cookiesOf(session, baseUrl));
      const page = await context.newPage();
      await page.addInitScript(paintedAt, DATA_SELECTOR);
      await page.goto(`${baseUrl}/contrats/${contractId}`, { waitUntil: "commit" });
      await page.locator(DATA_SELECTOR).first().waitFor({ state: "visible", timeout: 30_000 });
      const ms = await page.waitForFunction(() => (window as unknown as Painted).__clesPaintedAt, undefined, { timeout: 30_000 }).then((h) => h.jsonValue() as Promise<number>);
      if (i > 0) times.push(ms); // the first load starts Chromium's own caches (not the page's): not counted
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const s = summary(times);
  return { name: "first data visible, contract page (cold)", engine, ...s, target: "≤ 1,500 ms", ratio: s.p95 / 1500, met: s.p95 <= 1500, note: `headless Chromium, ${runs} cold loads, until ${DATA_SELECTOR}` };
}
