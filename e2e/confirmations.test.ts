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
