/**
 * The territory of the tests: the two demo contracts in Seine-et-Marne (77, Île-de-France),
 * a contract in Côte-d'Or (21, Bourgogne-Franche-Comté) created through the service, and an
 * ARS delegation of each kind: the demo's 77, département 21, region 11, region 27.
 */
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { actionBudgets, actions, contracts, organisations } from "../../db/schema.js";
import { addDays, parisDay } from "../../domain/dates.js";
import { DEMO_PASSWORD } from "../../demo/accounts.js";
import { systemActor } from "../../policies/index.js";
import type { TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { createAxis, createFiche, createOrganisation, newContractBody } from "../../testing/fixtures.js";
import { createUser } from "../accounts/service.js";
import { contractBody } from "../contracts/schema.js";
import { createContract } from "../contracts/service.js";

export const ARS_EMAILS = { d77: "ars77@ars-idf.test", d21: "ars21@ars-bfc.test", r11: "ars-idf@ars-idf.test", r27: "ars-bfc@ars-bfc.test" } as const;
/** A person named on the Dijon fiche (its lead person, a partner): never in any export. */
export const DIJON_PERSON = "Jeanne Martinon";
export const DIJON_TITLE = "Maison sport-santé des quartiers de Dijon";
export const BEHAVIOUR = "Facteurs comportementaux (style de vie)";

export interface Territory {
  ctx: TestContext;
  admin: TestClient;
  clients: Record<keyof typeof ARS_EMAILS | "coordinator" | "anonymous", TestClient>;
  camvs: string;
  capvm: string;
  dijon: string;
  dijonFiche: string;
  camvsFiche: string;
}

async function contractId(ctx: TestContext, slug: string): Promise<string> {
  return (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
}

/** The Côte-d'Or contract (2024-2027, running): one fiche with theme, determinant, PRS code, an overdue milestone, a measured indicator, a budget, a COPIL behind its rhythm. */
async function dijonContract(ctx: TestContext, admin: TestClient): Promise<{ id: string; fiche: string }> {
  const body = contractBody.parse(
    newContractBody({
      slug: "cls-dijon-metropole",
      name: "CLS de Dijon Métropole",
      localAuthority: "Dijon Métropole",
      startDate: "2024-01-01",
      endDate: "2027-12-31",
      status: "signed",
      communes: [
        { inseeCode: "21231", name: "Dijon", population: 159346 },
        { inseeCode: "21166", name: "Chenôve", population: 13931 },
        { inseeCode: "21617", name: "Talant", population: 11482 },
      ],
      priorityAreas: [],
    }),
  );
  const id = await createContract(ctx.database.db, systemActor("tests"), body);
  const axis = await createAxis(admin, id, "Prévention et promotion de la santé");
  const ars = await createOrganisation(admin, id, { name: "Agence régionale de santé Bourgogne-Franche-Comté" });
  const city = await createOrganisation(admin, id, { name: "Ville de Dijon" });
  const fiche = await createFiche(admin, id, axis.id, {
    title: `=${DIJON_TITLE}`,
    status: "in_progress",
    startMonth: "2024-03",
    lead: { organisation: city.id, person: DIJON_PERSON },
    themes: [{ theme: "Activité physique", other: null }],
    determinants: [BEHAVIOUR],
    prsProjects: ["2.3"],
    partners: [{ sector: "Santé", organisation: ars.id, person: DIJON_PERSON, needsAnalysis: true, resourceMobilisation: false, implementation: true, coSteering: false }],
    indicators: [{ kind: "activity", label: "Nombre de participants", unit: "personnes", baseline: 0, target: 200 }],
  });
  const late = await admin.inject({ method: "POST", url: `/api/actions/${fiche.id}/milestones`, payload: { title: "Ouverture de la maison", plannedBy: addDays(parisDay(), -30) } });
  expect(late.statusCode, late.body).toBe(201);
  const indicator = (await admin.inject(`/api/actions/${fiche.id}/indicators`)).json<{ items: { id: string }[] }>().items[0]!;
  const measured = await admin.inject({ method: "POST", url: `/api/actions/${fiche.id}/measurements`, payload: { indicatorId: indicator.id, measuredOn: addDays(parisDay(), -10), value: 42, source: "Ville de Dijon", comment: `Compté par ${DIJON_PERSON}` } });
  expect(measured.statusCode, measured.body).toBe(201);
  const copil = await admin.inject({ method: "POST", url: `/api/contracts/${id}/bodies`, payload: { kind: "copil", name: "Comité de pilotage", rhythm: { kind: "per_year", count: 2 } } });
  expect(copil.statusCode, copil.body).toBe(201);
  await ctx.database.db.insert(actionBudgets).values([
    { contractId: id, actionId: fiche.id, year: 2024, amount: 30000, funderId: ars.id, status: "secured", position: 0 },
    { contractId: id, actionId: fiche.id, year: 2025, amount: 12000, funderId: city.id, status: "requested", position: 1 },
  ]);
  return { id, fiche: fiche.id };
}

/** A budget line on CAMVS FA 1, funded by the CPAM of its directory. */
async function camvsBudget(ctx: TestContext, camvs: string): Promise<string> {
  const db = ctx.database.db;
  const [fiche] = await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 1)));
  const [cpam] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.contractId, camvs), eq(organisations.name, "Caisse primaire d'assurance maladie de Seine-et-Marne")));
  await db.insert(actionBudgets).values({ contractId: camvs, actionId: fiche!.id, year: 2022, amount: 5000, funderId: cpam!.id, status: "secured", position: 0 });
  return fiche!.id;
}

export async function setUpTerritory(ctx: TestContext): Promise<Territory> {
  const db = ctx.database.db;
  await createUser(db, { email: ARS_EMAILS.d21, name: "Délégation de Côte-d'Or", password: DEMO_PASSWORD, ars: [{ level: "department", code: "21" }] });
  await createUser(db, { email: ARS_EMAILS.r11, name: "ARS Île-de-France", password: DEMO_PASSWORD, ars: [{ level: "region", code: "11" }] });
  await createUser(db, { email: ARS_EMAILS.r27, name: "ARS Bourgogne-Franche-Comté", password: DEMO_PASSWORD, ars: [{ level: "region", code: "27" }] });
  const admin = ctx.app;
  const dijon = await dijonContract(ctx, admin);
  const camvs = await contractId(ctx, "camvs-2021-2023");
  const [d77, d21, r11, r27, coordinator, anonymous] = await Promise.all([
    signedInClient(ctx.server, ARS_EMAILS.d77),
    signedInClient(ctx.server, ARS_EMAILS.d21),
    signedInClient(ctx.server, ARS_EMAILS.r11),
    signedInClient(ctx.server, ARS_EMAILS.r27),
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    anonymousClient(ctx.server),
  ]);
  return {
    ctx,
    admin,
    clients: { d77, d21, r11, r27, coordinator, anonymous },
    camvs,
    capvm: await contractId(ctx, "capvm-2019-2022"),
    dijon: dijon.id,
    dijonFiche: dijon.fiche,
    camvsFiche: await camvsBudget(ctx, camvs),
  };
}
