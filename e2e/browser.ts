import AxeBuilder from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { buildApp, DEFAULT_WEB_DIR } from "../server/app.js";
import type { Database } from "../server/db/client.js";
import { seedDemo } from "../server/demo/seed.js";
import { openTestDatabase } from "../server/testing/database.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface BrowserContext {
  baseUrl: string;
  browser: Browser;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The real server (API + built web app) on a random local port, with the demo data, and Chromium. */
export async function startBrowserTest(): Promise<BrowserContext> {
  const database = await openTestDatabase();
  await seedDemo(database.db);
  const app = await buildApp({ database, webDir: DEFAULT_WEB_DIR });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    baseUrl: address,
    browser,
    app,
    database,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
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
 * browser context (cookies, downloads) per test. Read `ctx` and `page` inside tests.
 */
export function useBrowser(): { readonly ctx: BrowserContext; readonly page: Page } {
  const state = {} as { ctx: BrowserContext; page: Page };
  beforeAll(async () => {
    state.ctx = await startBrowserTest();
  });
  afterAll(async () => {
    await state.ctx?.close();
  });
  beforeEach(async () => {
    const context = await state.ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", acceptDownloads: true });
    state.page = await context.newPage();
    return async () => {
      await context.close();
    };
  });
  return state;
}
