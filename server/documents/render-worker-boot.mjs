// Entry of a render worker thread. The server runs TypeScript through tsx, but a
// worker thread does not inherit its loader (Node 20 does not apply `--import tsx`
// to a worker's entry, and vitest's own loader is not there at all): register tsx
// in this thread, then load the TypeScript worker. The pool starts it with execArgv: [].
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
