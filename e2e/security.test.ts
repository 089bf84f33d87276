/**
 * The Content-Security-Policy in the browser: the main pages (sign-in, contract list, a fiche,
 * a fiche's follow-up with its chart, the review editor and its rich text editor, the annual
 * report's preview, the API documentation, an HTML export) load and work with zero violation.
 * Loading the app never asks the development mail outbox: only its own page does.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

interface Watch {
  violations: string[];
  outboxRequests: string[];
}

/** Records the CSP violations (event and Chromium's console message, frames included) and every request to the outbox. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], outboxRequests: [] };
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on("console", (message) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) seen.violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/dev/outbox")) seen.outboxRequests.push(`${page.url()} → ${request.method()} ${request.url()}`);
  });
  return seen;
}

async function camvsIds(): Promise<{ contractId: string; chartActionId: string }> {
  const { api } = browser.ctx;
  const contracts = (await api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
  const contractId = contracts.items.find((c) => c.slug === "camvs-2021-2023")!.id;
  const actions = (await api.inject(`/api/contracts/${contractId}/actions`)).json<{ items: { id: string }[] }>();
  for (const action of actions.items) {
    const indicators = (await api.inject(`/api/actions/${action.id}/indicators`)).json<{ items: { measurements: unknown[] }[] }>();
    if (indicators.items.some((i) => i.measurements.length > 0)) return { contractId, chartActionId: action.id };
  }
  throw new Error("no CAMVS fiche has a measured indicator");
}

describe("Content-Security-Policy in the browser", () => {
  it("lets the sign-in page load, and the app never asks the outbox on loading", async () => {
    const { ctx } = browser;
    const context = await ctx.browser.newContext({ locale: "fr-FR" });
    try {
      const page = await context.newPage();
      const seen = await watch(page);
      await page.goto(`${ctx.baseUrl}/connexion`);
      await page.getByRole("button", { name: "Se connecter" }).waitFor();
      // The outbox is open in these tests: the hint comes from the session, not from the outbox.
      await page.getByRole("link", { name: "Courriels de développement" }).first().waitFor();
      await page.goto(`${ctx.baseUrl}/mot-de-passe-oublie`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(seen.outboxRequests).toEqual([]);
      // Its own page is its only reader.
      await page.goto(`${ctx.baseUrl}/dev/courriels`);
      await page.getByRole("heading", { level: 1, name: "Courriels de développement" }).waitFor();
      await expect.poll(() => seen.outboxRequests.length).toBeGreaterThan(0);
      expect(seen.violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("lets the main pages of a signed-in coordinator load and work without a violation", async () => {
    const { page, ctx } = browser;
    const seen = await watch(page);
    const { contractId, chartActionId } = await camvsIds();
    const contract = `${ctx.baseUrl}/contrats/${contractId}`;

    await page.goto(ctx.baseUrl);
    await page.getByRole("link", { name: /Melun Val de Seine/ }).first().waitFor();
    await page.goto(contract);
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    await page.goto(`${contract}/fiches/${chartActionId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(seen.outboxRequests).toEqual([]);

    // The indicator chart (ECharts, SVG).
    await page.goto(`${contract}/fiches/${chartActionId}/suivi`);
    await page.locator(".cles-chart-box svg").first().waitFor();

    // The review editor and its rich text editor (TipTap): typing works.
    const draft = await ctx.api.inject({ method: "POST", url: `/api/contracts/${contractId}/reviews`, payload: { year: 2022, quarter: 1 } });
    expect(draft.statusCode, draft.body).toBe(201);
    await page.goto(`${contract}/revues/${draft.json<{ id: string }>().id}`);
    const editor = page.getByRole("textbox", { name: "Texte de la section" }).first();
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Texte saisi sous la politique de sécurité du contenu.");
    await page.getByText("Modifications non enregistrées").waitFor();
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText(/Revue enregistrée à/).waitFor();

    // The annual report's preview: an iframe srcdoc, which inherits the app's policy.
    await page.goto(`${contract}/bilan-annuel`);
    await page.getByLabel("Année du bilan").selectOption("2021");
    await page.getByRole("button", { name: "Afficher" }).click();
    const preview = page.frameLocator('iframe[title="Aperçu du bilan annuel"]');
    await preview.getByRole("heading", { name: /Gouvernance/ }).first().waitFor();

    // An HTML export opened by itself, under its strict policy: styled, pictures shown.
    await page.goto(`${ctx.baseUrl}/api/contracts/${contractId}/annual-report.html?year=2021`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe("none");

    // The API documentation (Swagger UI), under its own policy.
    await page.goto(`${ctx.baseUrl}/api/docs`);
    await page.getByText("API Clés").first().waitFor();
    await page.locator(".opblock").first().waitFor();

    expect(seen.violations).toEqual([]);
    expect(seen.outboxRequests).toEqual([]);
  }, 120_000);
});
