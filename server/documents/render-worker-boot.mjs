// Entry of a render worker thread run from the TypeScript sources. The server runs
// TypeScript through tsx, but a worker thread does not inherit its loader (Node 20 does
// not apply `--import tsx` to a worker's entry, and vitest's own loader is not there at
// all): register tsx in this thread, then hand piscina the TypeScript worker's function.
// The pool starts it with execArgv: []. Compiled (dist/), piscina loads render-worker.js.
import { register } from "tsx/esm/api";

register();
export default (await import("./render-worker.ts")).default;
