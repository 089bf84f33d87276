import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type BrowserContext as PlaywrightContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { buildApp, DEFAULT_WEB_DIR } from "../server/app.js";
import type { Database } from "../server/db/client.js";
import { DEMO_PASSWORD } from "../server/demo/accounts.js";
import { signedInClient, type TestClient } from "../server/testing/client.js";
import { openTestDatabase } from "../server/testing/database.js";
import { diskStorage } from "../server/storage/storage.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The demo accounts (password DEMO_PASSWORD), see server/demo/accounts.ts. */
export const DEMO_ACCOUNTS = {
  admin: "admin@cles.test",
  camvsCoordinator: "marie.dupont@camvs.test",
  capvmCoordinator: "thomas.petit@capvm.test",
  /** Leads CAMVS FA 5 and FA 6. */
  lead: "sophie.leroy@camvs.test",
  partner: "karim.benali@cpam77.test",
  ars: "ars77@ars-idf.test",
} as const;
export { DEMO_PASSWORD };

/** Signs the browser context in through the API, as the sign-in page does (CSRF token, then session cookie). */
export async function signInContext(context: PlaywrightContext, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  const session = await context.request.get(`${baseUrl}/api/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await context.request.post(`${baseUrl}/api/auth/sign-in`, { headers: { "x-csrf-token": csrfToken }, data: { email, password } });
  if (res.status() !== 200) throw new Error(`sign-in of ${email}: ${res.status()} ${await res.text()}`);
}

/** Signs in through the sign-in page, as a person does, and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

export interface BrowserContext {
  baseUrl: string;
  browser: Browser;
  app: FastifyInstance;
  /** The API, signed in as the platform admin, for setting up and checking what the browser did. */
  api: TestClient;
  database: Database;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The real server (API + built web app) on a random local port, with the demo data, and Chromium. */
export async function startBrowserTest(): Promise<BrowserContext> {
  const database = await openTestDatabase({ seed: true });
  // Mail goes to a folder of the test's own, shown by the development page /dev/courriels.
  const outboxDir = mkdtempSync(join(tmpdir(), "cles-e2e-outbox-"));
  const filesDir = mkdtempSync(join(tmpdir(), "cles-e2e-files-"));
  // The port is chosen first, so that links in mail point at this very server.
  const port = await freePort();
  const app = await buildApp({ database, webDir: DEFAULT_WEB_DIR, mail: { from: "Clés <test@cles.test>", outboxDir }, publicUrl: `http://127.0.0.1:${port}`, storage: diskStorage(filesDir), devOutbox: true });
  const address = await app.listen({ port, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    baseUrl: address,
    browser,
    app,
    api: await signedInClient(app, DEMO_ACCOUNTS.admin),
    database,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(outboxDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Serious and critical accessibility violations of the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/**
 * Registers the hooks of a browser test file: one server for the file, a fresh
 * browser context (cookies, downloads) per test, signed in as `account` (the
 * platform admin by default; null: not signed in). Read `ctx` and `page` inside tests.
 */
export function useBrowser(account: string | null = DEMO_ACCOUNTS.admin): { readonly ctx: BrowserContext; readonly page: Page } {
  const state = {} as { ctx: BrowserContext; page: Page };
  beforeAll(async () => {
    state.ctx = await startBrowserTest();
  });
  afterAll(async () => {
    await state.ctx?.close();
  });
  beforeEach(async () => {
    const context = await state.ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", acceptDownloads: true });
    if (account) await signInContext(context, state.ctx.baseUrl, account);
    state.page = await context.newPage();
    return async () => {
      await context.close();
    };
  });
  return state;
}
