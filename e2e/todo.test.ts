/**
 * « À faire » in the browser (issue 15): the lead of CAMVS FA 5 and 6 signs in through the
 * sign-in page and lands on « Mes fiches », sees a late milestone of FA 5, follows the link
 * and adds a progress entry; the coordinator lands on the contracts and finds the same late
 * milestone in the dashboard's « À faire ». Axe: no serious or critical violation.
 */
import { describe, expect, it } from "vitest";
import { addDays, parisDay } from "../server/domain/dates.js";
import { signedInClient } from "../server/testing/client.js";
import { DEMO_ACCOUNTS, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);
const LATE = `Réunion de lancement avec les pharmacies (test ${Date.now()})`;

/** CAMVS and its FA 5, and a milestone of FA 5 planned three weeks ago, not done (written by the lead through the API). */
async function lateMilestone() {
  const { ctx } = browser;
  const lead = await signedInClient(ctx.app, DEMO_ACCOUNTS.lead);
  const contracts = (await lead.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
  const camvs = contracts.items.find((c) => c.slug === "camvs-2021-2023")!;
  const fiches = (await lead.inject(`/api/contracts/${camvs.id}/actions`)).json<{ items: { id: string; number: number }[] }>();
  const fa5 = fiches.items.find((f) => f.number === 5)!;
  const existing = (await lead.inject(`/api/actions/${fa5.id}/milestones`)).json<{ items: { title: string }[] }>();
  if (!existing.items.some((m) => m.title === LATE)) {
    const res = await lead.inject({ method: "POST", url: `/api/actions/${fa5.id}/milestones`, payload: { title: LATE, plannedBy: addDays(parisDay(), -21) } });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { camvs, fa5 };
}

describe("« À faire » in the browser", () => {
  it("brings the lead to « Mes fiches », shows her late milestone, and takes her to add a progress entry", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const { fa5 } = await lateMilestone();

    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.lead);
    await page.waitForURL((url) => url.pathname === "/mes-fiches");
    await page.getByRole("heading", { level: 1, name: "Mes fiches" }).waitFor();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: /^FA 5 —/ }) });
    await card.getByText(`Étape en retard : « ${LATE} »`, { exact: false }).waitFor();
    expect(await card.getByText("En retard", { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { level: 3, name: /^FA 6 —/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // One click to the fiche's follow-up, at its progress section; the form is one button away.
    await card.getByRole("link", { name: "Ajouter un avancement à la FA 5" }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/fiches/${fa5.id}/suivi`) && url.hash === "#avancement");
    await page.getByRole("heading", { level: 2, name: "État d'avancement réel" }).waitFor();
    await page.getByRole("button", { name: "Ajouter un avancement" }).click();
    const done = `Rencontre avec les pharmacies du territoire pour relancer l'étape (${Date.now()})`;
    await page.getByLabel("Ce qui a été fait").fill(done);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Ajouter l'avancement" }).click();
    // The text is in the form's own field until the entry is saved (React keeps a textarea's
    // content in its DOM text): the form goes once the server has answered, then the list shows it.
    await page.getByLabel("Ce qui a été fait").waitFor({ state: "hidden" });
    await page.getByText(done).waitFor();

    const progress = (await ctx.api.inject(`/api/actions/${fa5.id}/progress`)).json<{ items: { text: string; authorName: string }[] }>();
    expect(progress.items[0]).toMatchObject({ text: done, authorName: "Sophie Leroy" });

    // Back on « Mes fiches »: the quarter's progress is no longer asked of FA 5; the late milestone still is.
    await page.goto(`${ctx.baseUrl}/mes-fiches`);
    await card.getByText(`Étape en retard : « ${LATE} »`, { exact: false }).waitFor();
    expect(await card.getByText(/^Aucun avancement saisi au/).count()).toBe(0);
  });

  it("leaves the coordinator on the contracts, and shows her the contract's « À faire » on the dashboard", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const { camvs } = await lateMilestone();

    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    expect(new URL(page.url()).pathname).toBe("/");
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/tableau-de-bord`);
    const todo = page.getByRole("region", { name: "À faire" });
    await todo.waitFor();
    await todo.getByText("Voir les fiches, les étapes en retard d'abord").click();
    await todo.getByText(`Étape en retard : « ${LATE} »`, { exact: false }).waitFor();
    await todo.getByText(/Pilotée par .*Sophie Leroy/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
