#!/usr/bin/env node
/**
 * Builds what production runs (plain JavaScript, no TypeScript loader at run time):
 * - the server: server/ and cli/ compiled to dist/ file by file by esbuild (the same
 *   layout, so that what the server reads next to its own files resolves the same way),
 *   with their other files (migrations, demo data) copied next to them;
 * - the web app: `vite build` to dist/web.
 *
 *   node scripts/build.mjs [server|web] [--if-stale]
 *
 * With --if-stale (npm install's "prepare", npm start's "prestart"), a part is rebuilt only
 * when its output is missing or one of the files it was built from changed since: each
 * build leaves a stamp (dist/.build-<part>.json) with the files it read and their hash.
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** Where the server starts: the CLI, and what the render worker loads by URL (not by import). */
const SERVER_ENTRIES = ["cli/main.ts", "server/documents/render-worker.ts", "server/renderers.ts"];
const SERVER_DIRS = ["server", "cli"];
/** Test code is never part of the build (nor of its stamp). */
const isTestFile = (path) => /\.test\.tsx?$|\.fixtures\.ts$|(^|\/)testing\//.test(path);

const posix = (path) => path.split(sep).join("/");

function walk(dir, files = []) {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(path, files);
    else files.push(path);
  }
  return files;
}

/** One hash over the paths and contents of `files` (relative to the root); a missing file counts as changed. */
function hashOf(files) {
  const hash = createHash("sha256");
  for (const file of [...new Set(files)].sort()) {
    hash.update(`${file}\0`);
    hash.update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : "\0missing");
    hash.update("\0");
  }
  return hash.digest("hex");
}

const stampPath = (part) => join(DIST, `.build-${part}.json`);

function readStamp(part) {
  try {
    return JSON.parse(readFileSync(stampPath(part), "utf8"));
  } catch {
    return undefined;
  }
}

function writeStamp(part, files) {
  mkdirSync(DIST, { recursive: true });
  writeFileSync(stampPath(part), `${JSON.stringify({ builtAt: new Date().toISOString(), hash: hashOf(files), files: [...new Set(files)].sort() }, null, 1)}\n`);
}

/** Files besides TypeScript under server/ and cli/ (migrations, demo data…), copied as they are. */
const serverAssets = () => SERVER_DIRS.flatMap((dir) => walk(dir)).filter((f) => !/\.tsx?$/.test(f) && !isTestFile(f));
/** What always counts for the server, besides the TypeScript it imports. */
const serverExtras = () => [...serverAssets(), SELF, "tsconfig.json", "package.json", "package-lock.json"];
/** What always counts for the web, besides the modules vite read. */
const webExtras = () => ["web/index.html", "vite.config.ts", "web/dsfr-icons-plugin.ts", "package-lock.json", SELF, ...walk("web/public")];

/**
 * Brotli (best) and gzip copies of the web app's text files over 1 KB, next to them:
 * served as they are (@fastify/static preCompressed) rather than compressed at each request.
 */
async function precompress(dir) {
  const { brotliCompress, constants, gzip } = await import("node:zlib");
  const { promisify } = await import("node:util");
  const [br, gz] = [promisify(brotliCompress), promisify(gzip)];
  const texts = walk(posix(relative(ROOT, dir))).filter((f) => /\.(js|css|svg|html|json|txt)$/.test(f) && statSync(join(ROOT, f)).size > 1024);
  await Promise.all(
    texts.map(async (file) => {
      const bytes = readFileSync(join(ROOT, file));
      writeFileSync(join(ROOT, `${file}.br`), await br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      writeFileSync(join(ROOT, `${file}.gz`), await gz(bytes, { level: 9 }));
    }),
  );
}

/**
 * An empty PostgreSQL data folder made by the embedded engine's initdb, as a tarball:
 * a first start copies it rather than running initdb again (server/db/client.ts).
 * Made anew with the engine's version (package-lock.json is part of the stamp).
 */
async function initdbTemplate(path) {
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create();
  const tarball = await pg.dumpDataDir("gzip");
  await pg.close();
  writeFileSync(path, Buffer.from(await tarball.arrayBuffer()));
}

const parts = {
  server: {
    output: "dist/cli/main.js",
    extras: serverExtras,
    async build() {
      const esbuild = await import("esbuild");
      // Every module the server may load: what the entries import, followed through dynamic imports.
      const { metafile } = await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: SERVER_ENTRIES,
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        write: false,
        metafile: true,
        outdir: "dist",
        logLevel: "error",
      });
      const sources = Object.keys(metafile.inputs).filter((f) => !f.startsWith("node_modules/") && !isTestFile(f));
      for (const dir of SERVER_DIRS) rmSync(join(DIST, dir), { recursive: true, force: true });
      await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: sources,
        outdir: "dist",
        outbase: ".",
        bundle: false,
        platform: "node",
        format: "esm",
        target: "node20",
        logLevel: "error",
      });
      for (const asset of serverAssets()) cpSync(join(ROOT, asset), join(DIST, asset));
      await initdbTemplate(join(DIST, "server", "db", "initdb.tar.gz"));
      return [...sources, ...serverExtras()];
    },
  },
  web: {
    output: "dist/web/index.html",
    extras: webExtras,
    async build() {
      const { build } = await import("vite");
      const read = new Set();
      await build({
        root: join(ROOT, "web"),
        configFile: join(ROOT, "vite.config.ts"),
        logLevel: "warn",
        plugins: [
          {
            name: "cles-build-inputs",
            generateBundle() {
              for (const id of this.getModuleIds()) read.add(id);
            },
          },
        ],
      });
      await precompress(join(DIST, "web"));
      const sources = [...read]
        .filter((id) => !id.startsWith("\0"))
        .map((id) => posix(relative(ROOT, id.split("?")[0])))
        .filter((f) => !f.startsWith("..") && !f.startsWith("node_modules/") && existsSync(join(ROOT, f)));
      return [...sources, ...webExtras()];
    },
  },
};

/** Why `part` needs building, or undefined when its output is there and its sources did not change. */
function staleness(part) {
  const { output, extras } = parts[part];
  if (!existsSync(join(ROOT, output))) return "no build yet";
  const stamp = readStamp(part);
  if (!stamp?.files) return "no build stamp";
  const files = [...new Set([...stamp.files, ...extras()])];
  if (files.length !== stamp.files.length || hashOf(files) !== stamp.hash) return "sources changed";
  return undefined;
}

const args = process.argv.slice(2);
const ifStale = args.includes("--if-stale");
const selected = args.filter((a) => !a.startsWith("--"));
for (const name of selected) if (!(name in parts)) throw new Error(`unknown part: ${name} (server or web)`);

for (const part of selected.length ? selected : Object.keys(parts)) {
  const reason = ifStale ? staleness(part) : "asked";
  if (!reason) continue;
  const started = performance.now();
  if (ifStale) console.log(`Construction : ${part} (${reason === "no build yet" ? "première fois" : "sources modifiées"})…`);
  const files = await parts[part].build();
  writeStamp(part, files);
  console.log(`Construit : ${part} en ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

