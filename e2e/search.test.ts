/**
 * Search across a contract in the browser (issue 15, item 11): the CAMVS coordinator types
 * « Octobre Rose » in the contract page's search field and presses Enter; the search page
 * keeps the words in its address, shows the milestone of FA 9 with the words marked, and its
 * link leads to FA 9's follow-up. A search that finds nothing says so. Axe: no serious or
 * critical violation on the contract page and the search page (results and empty state).
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

describe("search across a contract in the browser", () => {
  it("finds the « Octobre Rose » milestone from the contract page and follows its link", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const contracts = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
    const camvs = contracts.items.find((c) => c.slug === "camvs-2021-2023")!;
    const violations: Record<string, string[]> = {};

    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}`);
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    const form = page.getByRole("search", { name: "Rechercher dans ce contrat" });
    violations.contract = await seriousViolations(page);
    await form.getByRole("searchbox", { name: /Rechercher dans ce contrat/ }).fill("Octobre Rose");
    await form.getByRole("searchbox").press("Enter");

    await page.getByRole("heading", { level: 1, name: "Recherche « Octobre Rose »" }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("Octobre Rose");
    await page.getByRole("status").filter({ hasText: /\d+ résultats? pour « Octobre Rose »/ }).waitFor();
    const milestones = page.getByRole("region", { name: /^Étapes du rétroplanning \(\d+\)$/ });
    const link = milestones.getByRole("link", { name: "Campagne Octobre Rose" });
    await link.waitFor();
    await expect(link.locator("mark").allInnerTexts()).resolves.toEqual(["Octobre Rose"]);
    await milestones.getByText(/^FA 9 — .* · prévue au plus tard le 31 octobre 2021$/).waitFor();
    violations.results = await seriousViolations(page);

    // By keyboard: the link takes the focus and Enter follows it to FA 9's follow-up.
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /^Suivi de la FA 9 — / }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/contrats/${camvs.id}/fiches/[0-9a-f-]+/suivi$`));

    // Back to the search (the words are in the address), then a search that finds nothing.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Recherche « Octobre Rose »" }).waitFor();
    const box = page.getByRole("searchbox", { name: /Rechercher dans ce contrat/ });
    await expect(box.inputValue()).resolves.toBe("Octobre Rose");
    await box.fill("zygomatique");
    await box.press("Enter");
    await page.getByText("Aucun résultat pour « zygomatique ».").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("zygomatique");
    violations.empty = await seriousViolations(page);

    // One character: said before asking the server.
    await box.fill("a");
    await box.press("Enter");
    await page.getByText("Saisissez au moins 2 caractères.").first().waitFor();

    expect(violations).toEqual({ contract: [], results: [], empty: [] });
  });
});
