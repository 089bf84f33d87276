import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { LOG_FLUSH_MS, loggerOptions } from "./config.js";
import { openTestDatabase } from "./testing/database.js";

const dir = mkdtempSync(join(tmpdir(), "cles-logs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the server's log", () => {
  it("writes one JSON line per request, with its id, within the flush delay", async () => {
    const file = join(dir, "server.log");
    writeFileSync(file, "");
    const database = await openTestDatabase();
    const app = await buildApp({ database, webDir: false, logger: loggerOptions({ LOG_LEVEL: "info" }, file), authSecret: "test-secret-of-at-least-thirty-two-characters" });
    try {
      const res = await app.inject({ url: "/api/health", headers: { "x-request-id": "essai-journal-1" } });
      expect(res.statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, LOG_FLUSH_MS + 500));
      const requests = linesOf(file).filter((l) => l.reqId === "essai-journal-1");
      expect(requests).toEqual([expect.objectContaining({ msg: "request", method: "GET", url: "/api/health", statusCode: 200, level: 30 })]);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it("loses no line when the process stops at once, crash included", async () => {
    const file = join(dir, "crash.log");
    const script = join(dir, "crash.mts");
    const config = join(import.meta.dirname, "config.ts");
    writeFileSync(
      script,
      `import pino from ${JSON.stringify(createRequire(import.meta.url).resolve("pino"))};
import { openSync } from "node:fs";
import { loggerOptions } from ${JSON.stringify(config)};
// A descriptor already open, as the server's stdout is.
const options = loggerOptions({ LOG_LEVEL: "info" }, openSync(${JSON.stringify(file)}, "a"));
const log = pino({ level: options.level }, options.stream);
for (let i = 1; i <= 3; i++) log.info({ n: i }, "avant la panne");
throw new Error("panne");
`,
    );
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", script], { cwd: join(import.meta.dirname, "..") });
    await expect(run).rejects.toThrow(/panne/);
    expect(linesOf(file).map((l) => l.n)).toEqual([1, 2, 3]);
  });
});
