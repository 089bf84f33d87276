import { describe, expect, it } from "vitest";
import { contractBody, contractUpdateBody, type ContractBody } from "./schema.js";

/** A valid body; each test breaks one thing. */
function validBody(): ContractBody {
  return {
    slug: "test-2024-2028",
    name: "Contrat local de santé de test",
    localAuthority: "Communauté de communes de test",
    startDate: "2024-01-01",
    endDate: "2028-12-31",
    status: "draft",
    summary: "",
    communes: [
      { inseeCode: "77468", name: "Torcy", population: 23000 },
      { inseeCode: "77108", name: "Chelles", population: null },
      { inseeCode: "2A004", name: "Ajaccio", population: 0 },
    ],
    priorityAreas: [
      { name: "L'Arche Guédon", code: "QN07701M", communeInseeCode: "77468" },
      { name: "Hors commune", code: null, communeInseeCode: null },
    ],
    signatories: [],
  };
}

type Issue = { path: string; message: string; code: string };
function issuesOf(input: unknown): Issue[] {
  const result = contractBody.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code }));
}

describe("contractBody", () => {
  it("accepts a valid body and trims the slug", () => {
    const result = contractBody.safeParse({ ...validBody(), slug: "  test-2024-2028  " });
    expect(result.success).toBe(true);
    expect(result.data?.slug).toBe("test-2024-2028");
    expect(result.data?.communes).toHaveLength(3);
  });

  it.each(["Test-2024", "test 2024", "test_2024", "-test", "test-", "test--2024", "été-2024", ""])("refuses the slug %j", (slug) => {
    expect(issuesOf({ ...validBody(), slug })).toEqual([
      expect.objectContaining({ path: "slug", message: "L'identifiant ne contient que des minuscules, chiffres et tirets." }),
    ]);
  });

  it("refuses an end date before the start date, on endDate", () => {
    expect(issuesOf({ ...validBody(), startDate: "2024-06-01", endDate: "2024-05-31" })).toEqual([
      { path: "endDate", message: "La fin doit être postérieure au début.", code: "custom" },
    ]);
  });

  it("accepts a contract that starts and ends the same day", () => {
    expect(issuesOf({ ...validBody(), startDate: "2024-06-01", endDate: "2024-06-01" })).toEqual([]);
  });

  it("refuses a commune listed twice, on the second occurrence", () => {
    const body = validBody();
    body.communes.push({ inseeCode: "77108", name: "Chelles bis", population: null });
    expect(issuesOf(body)).toEqual([{ path: "communes.3.inseeCode", message: "La commune 77108 figure deux fois.", code: "custom" }]);
  });

  it("refuses a priority area in a commune outside the territory", () => {
    const body = validBody();
    body.priorityAreas.push({ name: "Ailleurs", code: null, communeInseeCode: "93048" });
    expect(issuesOf(body)).toEqual([
      { path: "priorityAreas.2.communeInseeCode", message: "Cette commune ne fait pas partie du territoire.", code: "custom" },
    ]);
  });

  it.each(["2021-02-30", "2021-02-29", "2021-13-01", "2021-04-31", "21-01-01", "01/02/2021"])("refuses the date %j", (date) => {
    expect(issuesOf({ ...validBody(), startDate: date, endDate: "2100-12-31" })).toEqual([
      expect.objectContaining({ path: "startDate", message: "Indiquez une date valide au format AAAA-MM-JJ." }),
    ]);
  });

  it("accepts 29 February of a leap year", () => {
    expect(issuesOf({ ...validBody(), startDate: "2024-02-29" })).toEqual([]);
  });

  it("refuses a negative population, on the commune's population", () => {
    const body = validBody();
    body.communes[1] = { inseeCode: "77108", name: "Chelles", population: -1 };
    const issues = issuesOf(body);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "communes.1.population", code: "too_small" });
  });

  it("says why a population is refused: negative, or not a whole number", () => {
    const body = validBody();
    body.communes[1] = { inseeCode: "77108", name: "Chelles", population: -1 };
    expect(issuesOf(body)[0]?.message).toBe("La population ne peut pas être négative.");
    body.communes[1] = { inseeCode: "77108", name: "Chelles", population: 1.5 };
    expect(issuesOf(body)[0]?.message).toBe("La population est un nombre entier d'habitants.");
  });

  it("refuses a population that is not a number with a French message", () => {
    const body = { ...validBody(), communes: [{ inseeCode: "77468", name: "Torcy", population: "12" }], priorityAreas: [] };
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: "communes.0.population", message: "La population doit être un nombre." })]);
  });

  it("refuses a malformed INSEE code", () => {
    const body = { ...validBody(), communes: [{ inseeCode: "7746", name: "Torcy", population: null }], priorityAreas: [] };
    expect(issuesOf(body)).toEqual([
      expect.objectContaining({ path: "communes.0.inseeCode", message: "Le code INSEE compte 5 caractères (par exemple 77468)." }),
    ]);
  });

  it("refuses an unknown status and empty required texts in French", () => {
    const issues = issuesOf({ ...validBody(), status: "archived", name: "   ", localAuthority: "" });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "status", message: "Statut inconnu." }),
        expect.objectContaining({ path: "name", message: "Le nom du contrat est obligatoire." }),
        expect.objectContaining({ path: "localAuthority", message: "La collectivité est obligatoire." }),
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it("refuses a signatory whose organisation is not an id", () => {
    const body = { ...validBody(), signatories: [{ organisation: "ARS", representative: "", title: "", signedOn: null }] };
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: "signatories.0.organisation", message: "Choisissez une organisation." })]);
  });

  it("reports several refusals at once, each on its own path", () => {
    const body = validBody();
    body.endDate = "2020-01-01";
    body.communes.push({ inseeCode: "77468", name: "Torcy bis", population: null });
    body.priorityAreas.push({ name: "Ailleurs", code: null, communeInseeCode: "75056" });
    expect(issuesOf(body).map((i) => i.path)).toEqual(["endDate", "communes.3.inseeCode", "priorityAreas.2.communeInseeCode"]);
  });
});

describe("contractUpdateBody", () => {
  it("requires the version that was read", () => {
    const result = contractUpdateBody.safeParse(validBody());
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["version"], message: "La version de l'objet lu est obligatoire." })]);
  });

  it("accepts a body with its version and keeps the contract checks", () => {
    expect(contractUpdateBody.safeParse({ ...validBody(), version: 3 }).success).toBe(true);
    const late = contractUpdateBody.safeParse({ ...validBody(), endDate: "2000-01-01", version: 3 });
    expect(late.error?.issues.map((i) => i.path.join("."))).toEqual(["endDate"]);
  });
});
