/**
 * Accounts in the browser: the coordinator invites a lead, the lead sets a password
 * through the mailed link, edits their fiche and cannot edit another one; the fiche's
 * history shows both people's changes.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);

async function openCamvsFiche(number: number): Promise<void> {
  const { page } = browser;
  await page.goto(browser.ctx.baseUrl);
  await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
  await page.getByRole("link", { name: new RegExp(`^FA ${number} —`) }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^FA ${number} —`) }).waitFor();
}

async function editField(label: string, value: string): Promise<void> {
  const { page } = browser;
  await page.getByRole("link", { name: "Modifier la fiche" }).click();
  await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByRole("heading", { level: 1, name: /^FA \d+ —/ }).waitFor();
  await page.getByText(value).first().waitFor();
}

describe("accounts in the browser", () => {
  it("asks to sign in first, refuses a wrong password, then brings the person back where they were going", async () => {
    const { page, ctx } = browser;
    await page.goto(`${ctx.baseUrl}/mon-compte`);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    expect(new URL(page.url()).searchParams.get("retour")).toBe("/mon-compte");
    await page.getByLabel("Adresse e-mail").fill(DEMO_ACCOUNTS.partner);
    await page.getByLabel("Mot de passe", { exact: true }).fill("pas le bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("E-mail ou mot de passe incorrect.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Mot de passe", { exact: true }).fill("cles-demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await page.getByText("Partenaire / signataire").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A partner reads the contract: no button to change it, its members or its history.
    await page.getByRole("link", { name: /Melun Val de Seine/ }).click();
    await page.getByRole("link", { name: /Fiches actions \(15\)/ }).waitFor();
    for (const name of ["Modifier le contrat", "Membres", "Historique", "Gérer les axes et objectifs"])
      await expect(page.getByRole("link", { name }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: /Exporter/ }).count()).resolves.toBe(1);
  });

  it("lets the coordinator invite a lead who sets a password, edits their fiche only, and the history shows both changes", async () => {
    const { page, ctx } = browser;
    const email = `lea.martin.${Date.now()}@exemple.fr`;
    // The coordinator invites a lead of FA 3.
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
    await page.getByRole("navigation", { name: "Menu du contrat" }).getByRole("link", { name: "Membres", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Membres du contrat" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByRole("radio", { name: /^Pilote de fiches/ }).check({ force: true });
    await page.getByRole("checkbox", { name: /^FA 3 —/ }).check({ force: true });
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByText(`Invitation envoyée à ${email}`).waitFor();
    await page.getByText(email).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // …and changes FA 3's target public herself.
    await openCamvsFiche(3);
    const publicValue = `Professionnels de santé du territoire (${Date.now()})`;
    await editField("Public cible", publicValue);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();

    // No SMTP server here: the invitation is on the development mail page.
    await page.goto(`${ctx.baseUrl}/dev/courriels`);
    const mail = page.getByRole("article").filter({ hasText: email });
    await mail.waitFor();
    await mail.getByRole("link", { name: /\/invitation\// }).click();
    await page.getByRole("heading", { level: 1, name: "Rejoindre le contrat" }).waitFor();
    const invitationUrl = page.url();
    await page.getByText("Pilote de fiches (FA 3)").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Votre nom").fill("Léa Martin");
    await page.getByLabel(/^Mot de passe/).fill("court");
    await page.getByLabel("Confirmation du mot de passe").fill("court");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByText("Le mot de passe doit compter au moins 12 caractères.").first().waitFor();
    await page.getByLabel(/^Mot de passe/).fill("un mot de passe solide");
    await page.getByLabel("Confirmation du mot de passe").fill("un mot de passe solide");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();

    // The link served once.
    await page.goto(invitationUrl);
    await page.getByText("Ce lien d'invitation ne fonctionne plus").waitFor();

    // Signed out and in again with the new password: Léa edits FA 3…
    await page.goto(ctx.baseUrl);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await signIn(page, ctx.baseUrl, email, "un mot de passe solide");
    await openCamvsFiche(3);
    const placeValue = `Maison de santé de Melun (${Date.now()})`;
    await editField("Lieu", placeValue);

    // …but not FA 4: no button, and the edit page says why.
    await openCamvsFiche(4);
    await expect(page.getByRole("link", { name: "Modifier la fiche" }).count()).resolves.toBe(0);
    await page.goto(`${page.url()}/modifier`);
    await page.getByText("Vous ne pouvez pas modifier cette fiche").waitFor();

    // FA 3's history tells who changed what.
    await openCamvsFiche(3);
    const history = page.getByRole("region", { name: "Historique" });
    await history.getByText(/^Léa Martin a modifié Lieu le \d\d\/\d\d\/\d{4} à \d\d:\d\d$/).waitFor();
    await history.getByText(/^Marie Dupont a modifié Public cible le \d\d\/\d\d\/\d{4} à \d\d:\d\d$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("resets a forgotten password through the mailed link, once", async () => {
    const { page, ctx } = browser;
    // Signed out, whatever the test before left: a signed-in visitor of /connexion is sent on to the app.
    await page.context().clearCookies();
    await page.goto(`${ctx.baseUrl}/connexion`);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    // The sign-in page, which has an « Adresse e-mail » field too, stays shown while the next page's chunk loads.
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill(DEMO_ACCOUNTS.ars);
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await page.getByText("Si un compte existe pour cette adresse").waitFor();
    await page.goto(`${ctx.baseUrl}/dev/courriels`);
    const mail = page.getByRole("article").filter({ hasText: DEMO_ACCOUNTS.ars });
    await mail.waitFor();
    await mail.getByRole("link", { name: /reinitialiser-mot-de-passe/ }).click();
    const resetUrl = page.url();
    await page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" }).waitFor();
    await page.getByLabel(/^Nouveau mot de passe/).fill("une nouvelle phrase de passe");
    await page.getByLabel("Confirmation du mot de passe").fill("une autre phrase de passe");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Les deux mots de passe ne sont pas identiques.").first().waitFor();
    await page.getByLabel("Confirmation du mot de passe").fill("une nouvelle phrase de passe");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Mot de passe changé").waitFor();
    await page.goto(resetUrl);
    await page.getByLabel(/^Nouveau mot de passe/).fill("encore une autre phrase");
    await page.getByLabel("Confirmation du mot de passe").fill("encore une autre phrase");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Ce lien ne fonctionne plus").waitFor();
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.ars, "une nouvelle phrase de passe");
    // An ARS delegation lands on its territory.
    await page.getByRole("heading", { level: 1, name: "Territoire — Département 77" }).waitFor();
  });
});
