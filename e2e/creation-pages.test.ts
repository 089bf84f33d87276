/**
 * The creation pages of a contract and of a fiche load without asking the API anything it
 * must refuse (issue 15, item 17: they used to fire `GET /api/contracts/` and
 * `GET /api/actions/`, answered 400, on load).
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.admin);

describe("creation pages", () => {
  it("load the contract and fiche forms without a refused API request", async () => {
    const { page, ctx } = browser;
    const refused: string[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/") && response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    const camvs = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!;
    await page.goto(`${ctx.baseUrl}/contrats/nouveau`);
    await page.getByRole("heading", { level: 1, name: "Nouveau contrat" }).waitFor();
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/fiches/nouvelle`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByLabel(/Intitulé|Titre/).first().waitFor();
    expect(refused).toEqual([]);
  });
});
