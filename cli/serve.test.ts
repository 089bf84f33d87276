import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Starts `cles serve --seed` on its own port and data folder; resolves once it answers.
 * Node loads TypeScript through `--import tsx`, as `npm start` does: the `tsx` command
 * relays signals to a child process and kills it when it does not answer within 60 ms,
 * which cut graceful shutdowns short on a loaded machine.
 */
function serve(dataDir: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", "serve", "--seed"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = (async () => {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {
        // not yet listening
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${output}`);
  })();
  return { child, ready, exited, output: () => output };
}

/** Signs in as the demo admin over HTTP, as the web app does; returns the cookies to send. */
async function signIn(base: string): Promise<string> {
  const session = await fetch(`${base}/api/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const csrfCookie = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: csrfCookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({ email: "admin@cles.test", password: "cles-demo-2026" }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

describe("cles serve", () => {
  it("serves the demo, drains on SIGTERM, closes the database, and starts again on the same data", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "cles-serve-")), "nested", "data");
    const first = serve(dataDir, 3961);
    await first.ready;
    expect((await fetch("http://127.0.0.1:3961/api/contracts")).status).toBe(401);
    const cookie = await signIn("http://127.0.0.1:3961");
    const contracts = (await (await fetch("http://127.0.0.1:3961/api/contracts", { headers: { cookie } })).json()) as { items: unknown[] };
    expect(contracts.items).toHaveLength(2);
    const page = await fetch("http://127.0.0.1:3961/contrats/inconnu");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const lines = first.output().split("\n").filter((l) => l.startsWith("{"));
    expect(lines.some((l) => JSON.parse(l).reqId)).toBe(true);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"signal":"SIGTERM"');

    const second = serve(dataDir, 3962);
    await second.ready;
    // The session and its signing secret live in the database: still signed in after a restart.
    const again = (await (await fetch("http://127.0.0.1:3962/api/contracts", { headers: { cookie } })).json()) as { items: unknown[] };
    expect(again.items).toHaveLength(2);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
