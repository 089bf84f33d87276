/**
 * No lasting action in one click (issue 15, item 13): publishing a contract's public page is
 * asked twice, and « Ne pas publier » leaves it unpublished.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.capvmCoordinator);

describe("confirmations", () => {
  it("asks before publishing the public page", async () => {
    const { page, ctx } = browser;
    const capvm = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "capvm-2019-2022")!;
    const published = async () => (await ctx.api.inject(`/api/contracts/${capvm.id}`)).json<{ published: boolean }>().published;
    expect(await published()).toBe(false);
    await page.goto(`${ctx.baseUrl}/contrats/${capvm.id}`);
    await page.getByRole("button", { name: "Publier la page publique" }).click();
    const dialog = page.getByRole("dialog", { name: "Publier la page publique ?" });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Ne pas publier" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await published()).toBe(false);
    await page.getByRole("button", { name: "Publier la page publique" }).click();
    await dialog.getByRole("button", { name: "Publier", exact: true }).click();
    await page.getByRole("button", { name: "Retirer la page publique" }).waitFor();
    expect(await published()).toBe(true);
  });
});

describe("a click made before DSFR's script has started", () => {
  it("is not lost: the dialog opens once the script has started", async () => {
    const { page, ctx } = browser;
    const capvm = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "capvm-2019-2022")!;
    // The test above left the page published.
    expect((await ctx.api.inject({ method: "PUT", url: `/api/contracts/${capvm.id}/publication`, payload: { published: false } })).statusCode).toBe(200);
    // DSFR's script is held back until the button has been clicked.
    let release!: () => void;
    const clicked = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route(/\/assets\/dsfr\.module-[^/]+\.js$/, async (route) => {
      held += 1;
      await clicked;
      await route.continue();
    });
    await page.goto(`${ctx.baseUrl}/contrats/${capvm.id}`);
    const opener = page.getByRole("button", { name: "Publier la page publique" });
    await opener.waitFor();
    await expect.poll(() => held, { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.documentElement.hasAttribute("data-fr-js"))).toBe(false);
    await opener.click();
    release();
    const dialog = page.getByRole("dialog", { name: "Publier la page publique ?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Ne pas publier" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Once started, the opener works as DSFR made it: one click, one dialog.
    await opener.click();
    await dialog.waitFor();
  });
});
