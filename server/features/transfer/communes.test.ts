/** Issue 15, item 2: an imported contract's communes are checked against the official reference, which fills what the file lacks. */
import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/client.js";
import { getContract, listContracts, useDemoApp, type ContractSummary } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";
import { communeByCode } from "../../territory/reference.js";

let app: TestClient;
let capvm: ContractSummary;
useDemoApp((demo) => ({ app, capvm } = demo));

type Doc = { contract: { slug: string; communes: { inseeCode: string; name?: string; population?: number | null }[] } & Record<string, unknown> } & Record<string, unknown>;

async function capvmExport(): Promise<Doc> {
  const res = await app.inject({ url: `/api/contracts/${capvm.id}/export` });
  expect(res.statusCode).toBe(200);
  return res.json<Doc>();
}

describe("importing a contract's communes", () => {
  it("fills the names and populations the file lacks from the reference, and keeps those it gives", async () => {
    const doc = await capvmExport();
    doc.contract.communes = doc.contract.communes.map(({ inseeCode }, i) => (i === 0 ? { inseeCode, name: "Brou (nom du fichier)", population: 5000 } : i === 1 ? { inseeCode, population: null } : { inseeCode }));
    const res = await app.inject({ method: "POST", url: "/api/contracts/import?slug=capvm-codes-seuls", payload: doc });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    const view = await getContract(app, res.json<{ id: string }>().id);
    expect(view.communes[0]).toEqual({ inseeCode: "77055", name: "Brou (nom du fichier)", population: 5000 });
    for (const c of view.communes.slice(1)) expect(c).toEqual({ inseeCode: c.inseeCode, name: communeByCode(c.inseeCode)!.name, population: communeByCode(c.inseeCode)!.population });
    expect(view.departements).toEqual([{ code: "77", name: "Seine-et-Marne" }]);
  });

  it("refuses a file with an INSEE code the reference does not know, naming the commune's place, and writes nothing", async () => {
    const doc = await capvmExport();
    doc.contract.communes[3] = { inseeCode: "77999" };
    const before = await listContracts(app);
    const problem = expectProblem(await app.inject({ method: "POST", url: "/api/contracts/import?slug=capvm-code-inconnu", payload: doc }), 400);
    expect(problem.detail).toBe("Le fichier n'a pas été importé : 1 erreur(s). Rien n'a été enregistré.");
    expect(problem.errors).toEqual([
      {
        path: "contract.communes.3.inseeCode",
        message: "communes › n° 4 › code INSEE : Ce code INSEE n'existe pas dans le code officiel géographique : vérifiez-le, ou cherchez la commune par son nom.",
      },
    ]);
    expect(await listContracts(app)).toEqual(before);
  });
});
