/** Renderers for the tests of the worker pool: quick, failing, CPU-bound, stuck, crashing. */
import { threadId } from "node:worker_threads";
import type { Registry } from "./render-worker.js";

/** Keeps the CPU busy (the thread does nothing else) for `ms`. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

export const RENDERERS = {
  echo: async (input: { text: string }) => Buffer.from(`${input.text} (fil ${threadId})`, "utf8"),
  fail: async (input: { message: string; detail?: string }) => {
    throw Object.assign(new Error(input.message), input.detail ? { detail: input.detail } : {});
  },
  busy: (input: { ms: number }) => {
    spin(input.ms);
    return Buffer.from(`busy ${input.ms} ms`);
  },
  hang: async () => {
    for (;;) spin(1000);
  },
  crash: async () => {
    process.exit(3);
  },
} satisfies Registry;

export const FIXTURES_MODULE = new URL("./worker-pool.fixtures.ts", import.meta.url).href;
