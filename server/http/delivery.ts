/**
 * How responses travel: compressed when the client accepts it, and the web app's files
 * cached by browsers as long as they can be.
 *
 * - API answers and static files over 1 KB of a text type (JSON, HTML, CSS, JS, SVG, CSV,
 *   calendars) are compressed, brotli or gzip; office files, PDFs, pictures and
 *   attachments (already compressed, or anything at all) go as they are. An answer kept in
 *   memory (a read view, server/cache/shared-values.ts) is compressed once per encoding and
 *   the same bytes sent to every request that accepts it.
 * - The built web app (vite): its hashed files under /assets/ never change under the same
 *   name, so they are kept a year (`immutable`); index.html, which names them, is checked
 *   again at every visit (`no-cache`). The build writes .br/.gz copies next to the text
 *   assets (scripts/build.mjs), served instead of compressing at each request.
 */
import { join, sep } from "node:path";
import zlib from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { isSharedBytes } from "../cache/shared-values.js";

export const COMPRESS_THRESHOLD = 1024;
/**
 * Answers up to this size are compressed in one synchronous call rather than through a zlib
 * stream: a 31 KB dashboard took ~2 ms more through the stream (thread-pool hops while the
 * event loop is busy) against ~0.6 ms in one call. @fastify/compress's own ceiling, 8 KB on two
 * cores and 4 KB on more, trades latency for using more cores within one process; Clés scales
 * with processes instead (one per core).
 */
export const COMPRESS_SYNC_MAX = 256 * 1024;
/** Text types only: not application/octet-stream (attachments) nor office or PDF files. */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|^application\/javascript(?:;|$)/;

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

type CompressSync = (payload: zlib.InputType, options?: object) => Buffer;

/** `compress`, done once per shared answer's bytes (kept while the answer is): the same compressed bytes for every request. */
export function compressOnce(compress: CompressSync): CompressSync {
  const kept = new WeakMap<Buffer, Buffer>();
  return (payload, options) => {
    if (!isSharedBytes(payload)) return compress(payload, options);
    let out = kept.get(payload);
    if (out === undefined) kept.set(payload, (out = compress(payload, options)));
    return out;
  };
}

/** zlib as @fastify/compress uses it for answers up to COMPRESS_SYNC_MAX, with shared answers compressed once. */
const zlibOnce = { ...zlib, brotliCompressSync: compressOnce(zlib.brotliCompressSync), gzipSync: compressOnce(zlib.gzipSync), deflateSync: compressOnce(zlib.deflateSync) };

/** Registered before the routes, so that every route's answers go through it. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { threshold: COMPRESS_THRESHOLD, customTypes: COMPRESSIBLE, encodings: ["br", "gzip"], syncThreshold: COMPRESS_SYNC_MAX, zlib: zlibOnce });
}

/** Serves the built single-page app from `webDir` (which holds index.html): its files, and index.html for any other page. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const assets = join(webDir, "assets") + sep;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // One route per file (wildcard: false), but none for the .br/.gz copies: found next to their file when asked for.
    globIgnore: ["**/*.br", "**/*.gz"],
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header("cache-control", path.startsWith(assets) ? IMMUTABLE : REVALIDATE),
  });
  // Any other GET outside /api is a page of the single-page app.
  app.get("/*", { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    if (request.url.startsWith("/api/")) return reply.callNotFound();
    return reply.header("cache-control", REVALIDATE).sendFile("index.html");
  });
}
