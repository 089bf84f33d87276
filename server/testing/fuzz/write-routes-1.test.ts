/** Half 1 of the fuzz of the write routes (server/testing/fuzz/harness.ts): the two halves run in parallel. */
import { fuzzWriteRoutes } from "./harness.js";

await fuzzWriteRoutes(1, 2);
