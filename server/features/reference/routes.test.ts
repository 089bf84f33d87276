/** The official territory routes (issue 15): communes and EPCI from @etalab/decoupage-administratif, for signed-in users. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousClient, type TestClient } from "../../testing/client.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { expectProblem } from "../../testing/http.js";
import { communeByCode, epciByCode } from "../../territory/reference.js";

let ctx: TestContext;
let app: TestClient;
let anonymous: TestClient;

beforeAll(async () => {
  ctx = await startTestApp();
  app = ctx.app;
  anonymous = await anonymousClient(ctx.server);
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

interface Commune {
  code: string;
  name: string;
  population: number | null;
  departement: { code: string; name: string };
  region: { code: string; name: string };
  epci: { code: string; name: string } | null;
  postalCodes: string[];
}
interface Epci {
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  population: number;
  communeCount: number;
  departements: { code: string; name: string }[];
  communes?: Commune[];
}

describe("the territory reference routes", () => {
  it("answer 401 to a caller who is not signed in", async () => {
    for (const url of ["/api/reference/communes?q=melun", "/api/reference/communes/77288", "/api/reference/epcis?q=melun", "/api/reference/epcis/247700057"]) {
      const problem = expectProblem(await anonymous.inject({ url }), 401);
      expect(problem.detail, url).toBe("Connectez-vous pour continuer.");
    }
  });

  it("search communes by name, accents and case ignored, the exact name first", async () => {
    const res = await app.inject({ url: "/api/reference/communes?q=melun" });
    expect(res.statusCode).toBe(200);
    const [melun] = res.json<{ items: Commune[] }>().items;
    expect(melun).toEqual({
      code: "77288",
      name: "Melun",
      population: communeByCode("77288")!.population,
      departement: { code: "77", name: "Seine-et-Marne" },
      region: { code: "11", name: "Île-de-France" },
      epci: { code: "247700057", name: "CA Melun Val de Seine" },
      postalCodes: ["77000"],
    });
    const etienne = (await app.inject({ url: `/api/reference/communes?q=${encodeURIComponent("SAINT-ETIENNE")}` })).json<{ items: Commune[] }>().items;
    expect(etienne[0]).toMatchObject({ code: "42218", name: "Saint-Étienne", departement: { name: "Loire" }, region: { name: "Auvergne-Rhône-Alpes" } });
    expect(etienne.length).toBeLessThanOrEqual(20);
    expect((await app.inject({ url: "/api/reference/communes?q=zzzzqx" })).json()).toEqual({ items: [] });
  });

  it("refuse a search of fewer than 2 characters, or none, with a French error on q", async () => {
    for (const query of ["?q=m", "?q=%20m%20", ""]) {
      const problem = expectProblem(await app.inject({ url: `/api/reference/communes${query}` }), 400);
      expect(problem.errors, query).toEqual([{ path: "querystring.q", message: "Saisissez au moins 2 caractères." }]);
    }
    const epci = expectProblem(await app.inject({ url: "/api/reference/epcis?q=a" }), 400);
    expect(epci.errors).toEqual([{ path: "querystring.q", message: "Saisissez au moins 2 caractères." }]);
    const long = expectProblem(await app.inject({ url: `/api/reference/communes?q=${"a".repeat(101)}` }), 400);
    expect(long.errors).toEqual([{ path: "querystring.q", message: "La recherche ne doit pas dépasser 100 caractères." }]);
  });

  it("give a commune by its INSEE code; 404 in French for an unknown or former code, 400 for a malformed one", async () => {
    const torcy = (await app.inject({ url: "/api/reference/communes/77468" })).json<Commune>();
    expect(torcy).toMatchObject({ code: "77468", name: "Torcy", epci: { code: "200057958" } });
    const ajaccio = await app.inject({ url: "/api/reference/communes/2a004" });
    expect(ajaccio.json<Commune>()).toMatchObject({ code: "2A004", name: "Ajaccio", departement: { code: "2A", name: "Corse-du-Sud" }, region: { code: "94", name: "Corse" } });
    expect(expectProblem(await app.inject({ url: "/api/reference/communes/77999" }), 404).detail).toBe("Aucune commune n'a le code INSEE 77999.");
    expect(expectProblem(await app.inject({ url: "/api/reference/communes/01039" }), 404).detail).toBe(
      "Le code INSEE 01039 est celui de l'ancienne commune Béon, aujourd'hui rattachée à Culoz-Béon (code 01138).",
    );
    const bad = expectProblem(await app.inject({ url: "/api/reference/communes/7746" }), 400);
    expect(bad.errors).toEqual([{ path: "params.code", message: "Le code INSEE compte 5 caractères (par exemple 77288)." }]);
  });

  it("search EPCI by the name a local authority goes by, and give one with its communes and their populations", async () => {
    const found = (await app.inject({ url: `/api/reference/epcis?q=${encodeURIComponent("Communauté d'agglomération Paris-Vallée de la Marne")}` })).json<{ items: Epci[] }>().items;
    expect(found[0]).toEqual({
      code: "200057958",
      name: "CA Paris - Vallée de la Marne",
      kind: "CA",
      kindLabel: "Communauté d'agglomération",
      population: epciByCode("200057958")!.population,
      communeCount: 12,
      departements: [{ code: "77", name: "Seine-et-Marne" }],
    });
    const res = await app.inject({ url: "/api/reference/epcis/200057958" });
    expect(res.statusCode).toBe(200);
    const capvm = res.json<Epci>();
    expect(capvm.communes).toHaveLength(12);
    expect(capvm.communes!.map((c) => c.name)).toEqual(expect.arrayContaining(["Chelles", "Torcy", "Noisiel", "Émerainville"]));
    expect(capvm.communes!.reduce((sum, c) => sum + c.population!, 0)).toBe(capvm.population);
    // « près de 230 000 habitants » (2019); the reference's current figure.
    expect(capvm.population).toBeGreaterThan(225_000);
    expect(capvm.population).toBeLessThan(240_000);
  });

  it("answer 404 in French for an unknown SIREN and 400 for a malformed one", async () => {
    expect(expectProblem(await app.inject({ url: "/api/reference/epcis/123456789" }), 404).detail).toBe("Aucun EPCI n'a le numéro SIREN 123456789.");
    const bad = expectProblem(await app.inject({ url: "/api/reference/epcis/2000" }), 400);
    expect(bad.errors).toEqual([{ path: "params.code", message: "Le code d'un EPCI est son numéro SIREN, à 9 chiffres (par exemple 200057958)." }]);
  });
});
