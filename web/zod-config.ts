/**
 * Imported first by main.tsx. The server's zod schemas validate forms here too: without
 * `jitless`, zod probes for `new Function` on its first parse, which the
 * Content-Security-Policy (no eval) reports as a violation, even though zod catches it.
 */
import { z } from "zod";

z.config({ jitless: true });
