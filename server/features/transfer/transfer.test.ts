import { count } from "drizzle-orm";
import type { TestClient } from "../../testing/client.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionPartners, actions, ambassadors, axes, communes, contracts, indicators, objectives, organisations, registrations, signatories, surveyAnswers } from "../../db/schema.js";
import { demoDocument } from "../../demo/load.js";
import { communesFromReference } from "../contracts/territory.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { expectProblem } from "../../testing/http.js";
import type { ContractDocument } from "./format.js";

let seeded: TestContext;
let empty: TestContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [seeded, empty] = await Promise.all([startTestApp({ seed: true }), startTestApp()]);
  const res = await seeded.app.inject({ method: "GET", url: "/api/contracts" });
  for (const c of res.json<{ items: { id: string; slug: string }[] }>().items) ids[c.slug] = c.id;
});
afterAll(async () => {
  await Promise.all([seeded?.close(), empty?.close()]);
});

async function exportDoc(app: TestClient, contractId: string): Promise<ContractDocument> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${contractId}/export` });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  return res.json<ContractDocument>();
}

function importDoc(app: TestClient, doc: unknown, slug?: string) {
  return app.inject({ method: "POST", url: `/api/contracts/import${slug ? `?slug=${slug}` : ""}`, payload: doc as object });
}

const withoutDate = ({ exportedAt: _e, ...doc }: ContractDocument) => doc;

/** Rows of every table a contract import writes to. */
async function tableCounts(ctx: TestContext) {
  const db = ctx.database.db;
  const n = async (table: Parameters<ReturnType<typeof db.select>["from"]>[0]) => (await db.select({ n: count() }).from(table))[0]!.n;
  const [c, m, s, o, a, ob, f, p, i] = await Promise.all(
    [contracts, communes, signatories, organisations, axes, objectives, actions, actionPartners, indicators].map((t) => n(t)),
  );
  return { contracts: c!, communes: m!, signatories: s!, organisations: o!, axes: a!, objectives: ob!, actions: f!, actionPartners: p!, indicators: i! };
}

/** The organisations in a stable order, to compare a document with the demo files. */
const byOrgName = (doc: Pick<ContractDocument, "contract">) => ({
  ...doc.contract,
  organisations: [...doc.contract.organisations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
});

describe("GET /api/contracts/:id/export", () => {
  it("sends the CAPVM contract as an attachment in format cles.contract v2", async () => {
    const res = await seeded.app.inject({ method: "GET", url: `/api/contracts/${ids["capvm-2019-2022"]}/export` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="capvm-2019-2022.cles.json"');
    const doc = res.json<ContractDocument>();
    expect(doc.format).toBe("cles.contract");
    expect(doc.version).toBe(2);
    expect(Math.abs(Date.parse(doc.exportedAt!) - Date.now())).toBeLessThan(60_000);
    expect(doc.contract.slug).toBe("capvm-2019-2022");
    expect(doc.contract.actions.map((a) => a.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // No database id leaks into the exchange format.
    expect(JSON.stringify(doc)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it("exports exactly what the demo files hold, for both demo contracts", async () => {
    for (const [slug, name] of [
      ["capvm-2019-2022", "capvm"],
      ["camvs-2021-2023", "camvs"],
    ] as const) {
      const doc = await exportDoc(seeded.app, ids[slug]!);
      // The demo files give communes by INSEE code: names and populations come from the official reference.
      const demo = demoDocument(name);
      const filled = { ...demo, contract: { ...demo.contract, communes: communesFromReference(demo.contract.communes).communes } };
      expect(byOrgName(doc)).toEqual(byOrgName(filled));
    }
  });

  it("holds none of the residents' personal data: registrations, survey contacts, ambassadors (issue 14, RGPD)", async () => {
    const db = seeded.database.db;
    const [registrants, answers, roster] = await Promise.all([
      db.select({ first: registrations.firstName, last: registrations.lastName, email: registrations.email, phone: registrations.phone }).from(registrations),
      db.select({ email: surveyAnswers.contactEmail }).from(surveyAnswers),
      db.select({ first: ambassadors.firstName, last: ambassadors.lastName, email: ambassadors.email, phone: ambassadors.phone }).from(ambassadors),
    ]);
    const personal = [...registrants, ...roster].flatMap((r) => [`${r.first} ${r.last}`, r.email, r.phone]).concat(answers.map((a) => a.email)).filter((v) => v.trim().length > 4);
    expect(registrants.length).toBeGreaterThan(0);
    expect(roster.length).toBeGreaterThan(0);
    const text = JSON.stringify([await exportDoc(seeded.app, ids["camvs-2021-2023"]!), await exportDoc(seeded.app, ids["capvm-2019-2022"]!)]);
    for (const value of personal) expect(text.includes(value), value).toBe(false);
  });

  it("answers 404 for an unknown contract", async () => {
    const problem = expectProblem(await seeded.app.inject({ method: "GET", url: "/api/contracts/00000000-0000-4000-8000-000000000000/export" }), 404);
    expect(problem.detail).toBe("Ce contrat est introuvable.");
  });
});

describe("export → import → export", () => {
  it("round-trips both demo contracts into an empty database, field for field", async () => {
    const emptyList = await empty.app.inject({ method: "GET", url: "/api/contracts" });
    expect(emptyList.json<{ items: unknown[] }>().items).toEqual([]);
    for (const slug of ["capvm-2019-2022", "camvs-2021-2023"]) {
      const original = await exportDoc(seeded.app, ids[slug]!);
      const res = await importDoc(empty.app, original);
      expect(res.statusCode).toBe(201);
      const created = res.json<{ id: string; slug: string; counts: { actions: number } }>();
      expect(created.slug).toBe(slug);
      expect(created.counts.actions).toBe(original.contract.actions.length);
      const again = await exportDoc(empty.app, created.id);
      expect(withoutDate(again)).toEqual(withoutDate(original));
    }
    const counts = await tableCounts(empty);
    expect(counts).toMatchObject({ contracts: 2, actions: 31 });
    // The emptied database now holds what the seeded one does.
    expect(counts).toEqual(await tableCounts(seeded));
  });

  it("round-trips archived fiches", async () => {
    const source = await exportDoc(seeded.app, ids["camvs-2021-2023"]!);
    const res = await importDoc(seeded.app, source, "camvs-archives");
    expect(res.statusCode).toBe(201);
    const copyId = res.json<{ id: string }>().id;
    const fiches = (await seeded.app.inject({ method: "GET", url: `/api/contracts/${copyId}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
    for (const number of [3, 15]) {
      const fiche = fiches.find((f) => f.number === number)!;
      expect((await seeded.app.inject({ method: "POST", url: `/api/actions/${fiche.id}/archive`, payload: { version: 1 } })).statusCode).toBe(200);
    }
    const withArchives = await exportDoc(seeded.app, copyId);
    expect(withArchives.contract.actions.filter((a) => a.archived).map((a) => a.number)).toEqual([3, 15]);

    const imported = await importDoc(empty.app, withArchives);
    expect(imported.statusCode).toBe(201);
    const importedId = imported.json<{ id: string }>().id;
    expect(withoutDate(await exportDoc(empty.app, importedId))).toEqual(withoutDate(withArchives));
    const live = (await empty.app.inject({ method: "GET", url: `/api/contracts/${importedId}/actions` })).json<{ items: { number: number }[] }>().items;
    expect(live.map((f) => f.number)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const archived = (await empty.app.inject({ method: "GET", url: `/api/contracts/${importedId}/actions?archived=true` })).json<{ items: { number: number }[] }>().items;
    expect(archived.map((f) => f.number)).toEqual([3, 15]);
  });

  it("keeps an archived fiche that shares its number with a live one (compared in a canonical order)", async () => {
    const doc = structuredClone(await exportDoc(seeded.app, ids["camvs-2021-2023"]!));
    doc.contract.actions.push({ ...structuredClone(doc.contract.actions[14]!), title: "Ancienne fiche 15", archived: true });
    const res = await importDoc(empty.app, doc, "camvs-doublon");
    expect(res.statusCode).toBe(201);
    const again = await exportDoc(empty.app, res.json<{ id: string }>().id);
    const canonical = (d: ContractDocument) => ({
      ...withoutDate(d),
      contract: { ...d.contract, slug: "x", actions: [...d.contract.actions].sort((a, b) => a.number - b.number || Number(a.archived) - Number(b.archived)) },
    });
    expect(again.contract.actions).toHaveLength(16);
    expect(canonical(again)).toEqual(canonical(doc));
  });

  it("re-exports an archived fiche and the live fiche sharing its number in a stable order: number, live first, title", async () => {
    const doc = structuredClone(await exportDoc(seeded.app, ids["camvs-2021-2023"]!));
    doc.contract.actions.push({ ...structuredClone(doc.contract.actions[2]!), title: "Ancienne fiche 3", archived: true });
    let current = doc;
    for (const [i, slug] of ["ordre-1", "ordre-2", "ordre-3"].entries()) {
      const res = await importDoc(empty.app, current, slug);
      expect(res.statusCode).toBe(201);
      const next = await exportDoc(empty.app, res.json<{ id: string }>().id);
      const keys = next.contract.actions.map((a) => `${a.number}${a.archived ? "A" : ""}`);
      expect(keys.slice(2, 4)).toEqual(["3", "3A"]);
      if (i > 0) expect(withoutDate({ ...next, contract: { ...next.contract, slug: "x" } })).toEqual(withoutDate({ ...current, contract: { ...current.contract, slug: "x" } }));
      current = next;
    }
  });
});

describe("POST /api/contracts/import", () => {
  it("refuses a slug that exists (409) and writes nothing", async () => {
    const doc = await exportDoc(seeded.app, ids["capvm-2019-2022"]!);
    const before = await tableCounts(seeded);
    const problem = expectProblem(await importDoc(seeded.app, doc), 409);
    expect(problem.title).toBe("Conflit");
    expect(problem.detail).toBe("Un contrat d'identifiant « capvm-2019-2022 » existe déjà. Importez-le sous un autre identifiant ou dans une base vide.");
    expect(await tableCounts(seeded)).toEqual(before);
  });

  it("imports a copy under another slug with ?slug=", async () => {
    const doc = await exportDoc(seeded.app, ids["capvm-2019-2022"]!);
    const before = await tableCounts(seeded);
    const res = await importDoc(seeded.app, doc, "capvm-copie");
    expect(res.statusCode).toBe(201);
    const copy = res.json<{ id: string; slug: string; name: string }>();
    expect(copy).toMatchObject({ slug: "capvm-copie", name: doc.contract.name });
    expect(copy.id).not.toBe(ids["capvm-2019-2022"]);
    const exported = await exportDoc(seeded.app, copy.id);
    expect(withoutDate(exported)).toEqual({ ...withoutDate(doc), contract: { ...doc.contract, slug: "capvm-copie" } });
    const after = await tableCounts(seeded);
    expect(after.contracts).toBe(before.contracts + 1);
    expect(after.actions).toBe(before.actions + 16);
    expect(after.organisations).toBe(before.organisations + doc.contract.organisations.length);
    // The original is untouched.
    expect(withoutDate(await exportDoc(seeded.app, ids["capvm-2019-2022"]!))).toEqual(withoutDate(doc));
  });

  it("reads a file written before fiches had several determinants: `determinant`, old short labels", async () => {
    const doc = await exportDoc(seeded.app, ids["capvm-2019-2022"]!);
    const old = structuredClone(doc) as unknown as { contract: { actions: Record<string, unknown>[] } };
    const single = ["Système de santé", "Facteurs psychosociaux", "Comportements", null];
    old.contract.actions.forEach((a, i) => {
      delete a.determinants;
      a.determinant = single[i % single.length];
    });
    (old.contract.actions[4] as { determinants?: string[] }).determinants = ["Comportements", "Cohésion sociale"];
    const res = await importDoc(seeded.app, old, "capvm-ancien-format");
    expect(res.statusCode, res.body).toBe(201);
    const exported = await exportDoc(seeded.app, res.json<{ id: string }>().id);
    expect(exported.contract.actions.slice(0, 5).map((a) => a.determinants)).toEqual([
      ["Système de santé"],
      ["Facteurs psychosociaux et environnement social"],
      ["Facteurs comportementaux (style de vie)"],
      [],
      ["Facteurs comportementaux (style de vie)", "Cohésion sociale"],
    ]);
    expect(exported.contract.actions.every((a) => !("determinant" in a))).toBe(true);
  });

  it("writes one contract when two imports of the same slug race, never half of the other", async () => {
    const doc = await exportDoc(seeded.app, ids["camvs-2021-2023"]!);
    const before = await tableCounts(seeded);
    const results = await Promise.all([1, 2].map(() => importDoc(seeded.app, doc, "camvs-course")));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(201);
    // The loser is told the slug is taken: 409 from the service's check, or 400 (path slug)
    // when both passed that check and the unique index decided (PostgreSQL only).
    expect([400, 409]).toContain(codes[1]);
    const loser = expectProblem(results.find((r) => r.statusCode !== 201)!, codes[1]!);
    expect(loser.detail).toMatch(/identifiant/);
    const after = await tableCounts(seeded);
    expect(after.contracts).toBe(before.contracts + 1);
    expect(after.actions).toBe(before.actions + 15);
    expect(after.indicators).toBe(before.indicators + doc.contract.actions.reduce((n, a) => n + a.indicators.length, 0));
  });

  it("refuses a badly written ?slug= (400)", async () => {
    const doc = await exportDoc(seeded.app, ids["camvs-2021-2023"]!);
    const before = await tableCounts(seeded);
    const problem = expectProblem(await importDoc(seeded.app, doc, "Pas_Bon"), 400);
    expect(problem.errors).toEqual([{ path: "querystring.slug", message: "L'identifiant ne contient que des minuscules, chiffres et tirets." }]);
    expect(await tableCounts(seeded)).toEqual(before);
  });

  describe("refuses an invalid file with French messages naming the fiche, and writes nothing", () => {
    let doc: ContractDocument;
    beforeAll(async () => {
      doc = await exportDoc(seeded.app, ids["capvm-2019-2022"]!);
    });
    const fresh = () => structuredClone(doc);
    const title60 = (n: number) => doc.contract.actions.find((a) => a.number === n)!.title.slice(0, 60);

    /** Imports `bad` under a free slug: only its invalidity can stop it. */
    async function refused(bad: unknown) {
      const before = await tableCounts(seeded);
      const problem = expectProblem(await importDoc(seeded.app, bad, "tentative"), 400);
      expect(await tableCounts(seeded)).toEqual(before);
      return problem;
    }

    it("a wrong format literal", async () => {
      const problem = await refused({ ...fresh(), format: "autre.format" });
      expect(problem.errors).toEqual([
        { path: "format", message: "format : Ce fichier n'est pas un export de contrat Clés (format attendu : cles.contract)." },
      ]);
      expect(problem.detail).toBe("Le fichier n'a pas été importé : 1 erreur(s). Rien n'a été enregistré.");
      const version = await refused({ ...fresh(), version: 3 });
      expect(version.errors).toEqual([{ path: "version", message: "version : Version de format non prise en charge (attendue : 1 ou 2)." }]);
    });

    it("an unknown organisation as a fiche's lead or partner", async () => {
      const bad = fresh();
      bad.contract.actions[2]!.lead = { organisation: "Organisation fantôme", person: null };
      bad.contract.actions[2]!.partners[1]!.organisation = "Cabinet inconnu";
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        {
          path: "contract.actions.2.lead.organisation",
          message: `Fiche action FA 3 « ${title60(3)} » › porteur › organisation : L'organisation « Organisation fantôme » n'est pas dans l'annuaire du contrat.`,
        },
        {
          path: "contract.actions.2.partners.1.organisation",
          message: `Fiche action FA 3 « ${title60(3)} » › partenaires › n° 2 › organisation : L'organisation « Cabinet inconnu » n'est pas dans l'annuaire du contrat.`,
        },
      ]);
      expect(title60(3)).toBe("Favoriser le développement de structures de santé pluriprofe");
      expect(problem.detail).toBe("Le fichier n'a pas été importé : 2 erreur(s). Rien n'a été enregistré.");
    });

    it("an unknown axis number", async () => {
      const bad = fresh();
      bad.contract.actions[4]!.axis = 9;
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        { path: "contract.actions.4.axis", message: `Fiche action FA 5 « ${title60(5)} » › axe : L'axe 9 n'existe pas dans ce contrat.` },
      ]);
    });

    it("an objective that its axis does not have", async () => {
      const bad = fresh();
      bad.contract.actions[0]!.objective = "1.1";
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        { path: "contract.actions.0.objective", message: "Fiche action FA 1 « Assurer la coordination du CLS » › objectif : L'objectif « 1.1 » n'existe pas dans l'axe 1." },
      ]);
    });

    it("a determinant outside the list, or four of them", async () => {
      const bad = fresh();
      bad.contract.actions[1]!.determinants = ["Climat" as never];
      bad.contract.actions[2]!.determinants = ["Système de santé", "Cohésion sociale", "Facteurs biologiques", "Environnement physique"];
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        { path: "contract.actions.1.determinants.0", message: `Fiche action FA 2 « ${title60(2)} » › déterminants › n° 1 : Choisissez les déterminants dans la liste.` },
        { path: "contract.actions.2.determinants", message: `Fiche action FA 3 « ${title60(3)} » › déterminants : Choisissez de un à trois déterminants de santé visés par l'action.` },
      ]);
    });

    it("a bad month", async () => {
      const bad = fresh();
      bad.contract.actions[0]!.startMonth = "2021-13";
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        {
          path: "contract.actions.0.startMonth",
          message: "Fiche action FA 1 « Assurer la coordination du CLS » › début : Indiquez un mois au format AAAA-MM (par exemple 2021-09).",
        },
      ]);
    });

    it("a duplicate fiche number", async () => {
      const bad = fresh();
      bad.contract.actions[1]!.number = 1;
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        { path: "contract.actions.1.number", message: "Fiche action FA 1 « Animer la dynamique territoriale » › numéro : Le numéro de fiche 1 est utilisé deux fois." },
        // The meeting that named FA 2 now names a fiche the file no longer has.
        { path: "governance.meetings.0.agenda.0.fiches.1", message: "gouvernance › réunions › n° 1 › ordre du jour › n° 1 › fiches › n° 2 : La fiche « FA2 » n'existe pas dans ce contrat." },
      ]);
    });

    it("a commune outside the territory and an unknown signatory organisation", async () => {
      const bad = fresh();
      bad.contract.actions[7]!.territory = { scope: "communes", communes: ["77288"] };
      bad.contract.signatories[0]!.organisation = "Mairie inconnue";
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        { path: "contract.signatories.0.organisation", message: "signataires › n° 1 › organisation : L'organisation « Mairie inconnue » n'est pas dans l'annuaire du contrat." },
        {
          path: "contract.actions.7.territory.communes.0",
          message: `Fiche action FA 8 « ${title60(8)} » › territoire › communes › n° 1 : La commune 77288 ne fait pas partie du territoire du contrat.`,
        },
      ]);
    });

    it("a fiche without a number is named by its place in the file", async () => {
      const bad = fresh() as unknown as { contract: { actions: Record<string, unknown>[] } };
      delete bad.contract.actions[5]!.number;
      const problem = await refused(bad);
      expect(problem.errors).toEqual([
        { path: "contract.actions.5.number", message: `Fiche action n° 6 du fichier « ${title60(6)} » › numéro : Le numéro est obligatoire.` },
      ]);
    });

    it("a body that is JSON but not a contract", async () => {
      for (const body of [[], { format: "cles.contract" }]) {
        const problem = await refused(body);
        expect(problem.detail).toMatch(/^Le fichier n'a pas été importé : \d+ erreur\(s\)\. Rien n'a été enregistré\.$/);
        expect(problem.errors!.length).toBeGreaterThan(0);
      }
    });
  });

  it("refuses a body that is not JSON (400) and writes nothing", async () => {
    const before = await tableCounts(seeded);
    const res = await seeded.app.inject({
      method: "POST",
      url: "/api/contracts/import",
      headers: { "content-type": "application/json" },
      payload: '{"format": "cles.contract", "contract": ',
    });
    const problem = expectProblem(res, 400);
    expect(problem.detail).toBe("Le contenu envoyé n'est pas un JSON valide.");
    expect(await tableCounts(seeded)).toEqual(before);
  });
});
