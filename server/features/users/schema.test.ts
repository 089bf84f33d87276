import { describe, expect, it } from "vitest";
import { ALL_DEPARTMENTS, createUserBody, scopesBody, scopesOf } from "./schema.js";
import { likePattern, roleDescription } from "./service.js";

describe("the territory of an ARS delegation", () => {
  it("knows the 101 départements, Corsica's and overseas' included", () => {
    expect(ALL_DEPARTMENTS.size).toBe(101);
    for (const code of ["01", "21", "2A", "2B", "77", "976"]) expect(ALL_DEPARTMENTS.has(code)).toBe(true);
    for (const code of ["20", "96", "99", "975"]) expect(ALL_DEPARTMENTS.has(code)).toBe(false);
  });

  it("reads départements case-insensitively, drops duplicates, and lists départements before regions", () => {
    const body = scopesBody.parse({ departements: ["2a", "21", "21"], regions: ["27"] });
    expect(scopesOf(body)).toEqual([
      { level: "department", code: "21" },
      { level: "department", code: "2A" },
      { level: "region", code: "27" },
    ]);
  });

  it("requires a territory for an ARS delegation, and none for the other roles", () => {
    expect(scopesBody.safeParse({ departements: [], regions: [] }).success).toBe(false);
    const admin = createUserBody.safeParse({ email: "a@exemple.fr", name: "A", role: "admin", departements: ["21"] });
    expect(admin.success).toBe(false);
    expect(admin.error?.issues[0]).toMatchObject({ path: ["departements"], message: "Seule une délégation ARS a un territoire." });
    expect(createUserBody.safeParse({ email: "a@exemple.fr", name: "A", role: "ars", contractId: "00000000-0000-4000-8000-000000000000", regions: ["11"] }).success).toBe(false);
    expect(createUserBody.parse({ email: " A@Exemple.FR ", name: " A ", role: "ars", regions: ["11"] })).toMatchObject({ email: "a@exemple.fr", name: "A", departements: [], regions: ["11"] });
  });
});

describe("words and patterns", () => {
  it("describes each kind of account", () => {
    expect(roleDescription("admin", [])).toBe("Administrateur de la plateforme");
    expect(roleDescription("ars", [{ level: "department", code: "21" }, { level: "region", code: "27" }])).toBe("Délégation ARS (Département 21, Région Bourgogne-Franche-Comté)");
    expect(roleDescription("coordinator", [], "CLS de Melun")).toBe("Coordinateur·rice du contrat CLS de Melun");
  });

  it("escapes the wildcards of a search", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
