/**
 * Build-time only (vite.config.ts): makes react-dsfr's start wait for `dsfrGate`
 * (web/dsfr-gate.ts) before it imports DSFR's own script, so that the first page's data
 * is drawn before that script takes the main thread. Fails the build if react-dsfr's
 * start no longer has the line it rewrites, rather than silently doing nothing.
 */
import { resolve } from "node:path";
import type { Plugin } from "vite";

const START = /@codegouvfr[\\/]react-dsfr[\\/]start\.js$/;
const DSFR_IMPORT = 'await import("./dsfr/dsfr.module");';

export function dsfrAfterFirstPage(options: { gate: string }): Plugin {
  const gate = resolve(options.gate);
  return {
    name: "cles-dsfr-after-first-page",
    enforce: "pre",
    transform(code, id) {
      if (!START.test(id)) return null;
      if (!code.includes(DSFR_IMPORT)) this.error(`react-dsfr's start.js no longer contains ${DSFR_IMPORT}: update web/dsfr-defer-plugin.ts`);
      return { code: `import { dsfrGate as __clesDsfrGate } from ${JSON.stringify(gate)};\n${code.replace(DSFR_IMPORT, `await __clesDsfrGate; ${DSFR_IMPORT}`)}`, map: null };
    },
  };
}
