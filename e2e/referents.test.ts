/**
 * Communes' referents in the browser (issue 18, item 1): the CAMVS coordinator sees every
 * commune without referent (the demo names none, as the seeds), names a commune's technical
 * referent with the form, and that commune leaves the list once both are named; removal asks for
 * confirmation; a bad e-mail is said next to its field. A partner sees no referent. Axe: nothing
 * serious or critical.
 */
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

describe("communes' referents in the browser", () => {
  it("names referents, and the list of communes without referent shrinks", { timeout: 240_000 }, async () => {
    const { page, ctx } = browser;
    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator);
    const camvs = (await coordinator.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!;
    const { communes } = (await coordinator.inject(`/api/contracts/${camvs.id}/referents`)).json<{ communes: { id: string; name: string }[] }>();
    const first = communes[0]!.name;

    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}`);
    const section = page.getByRole("region", { name: "Référents des communes" });
    await section.getByRole("heading", { level: 2, name: "Référents des communes" }).waitFor();
    const without = section.getByRole("list", { name: /Communes sans référent/ });
    await expect.poll(() => without.getByRole("listitem").count()).toBe(communes.length);
    const violations: Record<string, string[]> = { list: await seriousViolations(page) };

    // A bad e-mail: said next to its field, nothing saved.
    await section.getByRole("button", { name: `Désigner (référent technique de ${first})` }).click();
    const form = page.getByRole("form", { name: `Désigner : référent technique de ${first}` });
    await form.getByLabel("Nom et prénom").fill("Claire Martin (illustratif)");
    await form.getByLabel("E-mail (facultatif)").fill("pas-une-adresse");
    await form.getByRole("button", { name: "Désigner le référent" }).click();
    await form.getByText("Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr).").first().waitFor();
    violations.error = await seriousViolations(page);
    await form.getByLabel("E-mail (facultatif)").fill("claire.martin@exemple.fr");
    await form.getByRole("button", { name: "Désigner le référent" }).click();
    await section.getByText("Claire Martin (illustratif)", { exact: true }).waitFor();
    // One referent: the commune has a referent, so it leaves the list; both are still needed for the count.
    await expect.poll(() => without.getByRole("listitem").count()).toBe(communes.length - 1);
    expect(await without.getByText(first, { exact: true }).count()).toBe(0);

    await section.getByRole("button", { name: `Désigner (élu référent de ${first})` }).click();
    const elected = page.getByRole("form", { name: `Désigner : élu référent de ${first}` });
    await elected.getByLabel("Nom et prénom").fill("Paul Durand (illustratif)");
    await elected.getByRole("button", { name: "Désigner le référent" }).click();
    await section.getByText(`1 commune sur ${communes.length} a ses deux référents (technique et élu).`).waitFor();

    // Removal asks for confirmation.
    await section.getByRole("button", { name: `Retirer (élu référent de ${first})` }).click();
    await section.getByRole("button", { name: `Confirmer la suppression (élu référent de ${first})` }).click();
    await section.getByText(`Aucune commune sur ${communes.length} n'a encore ses deux référents (technique et élu).`).waitFor();
    violations.after = await seriousViolations(page);

    // A partner: no referent, no contact details.
    const partnerContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    try {
      await signInContext(partnerContext, ctx.baseUrl, DEMO_ACCOUNTS.partner);
      const partner = await partnerContext.newPage();
      await partner.goto(`${ctx.baseUrl}/contrats/${camvs.id}`);
      await partner.getByRole("heading", { level: 2, name: "Territoire" }).waitFor();
      expect(await partner.getByRole("heading", { name: "Référents des communes" }).count()).toBe(0);
      expect(await partner.getByText("claire.martin@exemple.fr").count()).toBe(0);
    } finally {
      await partnerContext.close();
    }
    expect(violations).toEqual({ list: [], error: [], after: [] });
  });
});
