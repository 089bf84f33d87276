import { describe, expect, it } from "vitest";
import { REGIONS } from "../domain/roles.js";
import {
  communeByCode,
  departmentName,
  epciByCode,
  epciCommunes,
  formerCommune,
  preloadTerritoryReference,
  referenceDepartments,
  referenceRegions,
  regionName,
  searchCommunes,
  searchEpcis,
  searchKey,
} from "./reference.js";

const codes = (list: { code: string }[]) => list.map((c) => c.code);

describe("the official territory (@etalab/decoupage-administratif)", () => {
  it("loads the current communes and the EPCI once", () => {
    const first = preloadTerritoryReference();
    expect(first.communes).toBeGreaterThan(34_000);
    expect(first.epcis).toBeGreaterThan(1_200);
    expect(preloadTerritoryReference().loadMs).toBe(first.loadMs);
  });

  it("finds Melun (77288) from « melun », first", () => {
    expect(searchCommunes("melun")[0]).toMatchObject({ code: "77288", name: "Melun", department: "77", region: "11", epci: "247700057" });
    expect(communeByCode("77288")!.population).toBeGreaterThan(40_000);
  });

  it("ignores accents, case and punctuation: Saint-Étienne (42218) first, then the names that start with it", () => {
    for (const q of ["Saint-Étienne", "saint etienne", "SAINT-ETIENNE", "st-etienne", "Saint Etienne"]) expect(searchCommunes(q)[0]!.code).toBe("42218");
    const names = searchCommunes("saint-etienne").map((c) => searchKey(c.name));
    expect(names.every((n) => n.startsWith("saint etienne"))).toBe(true);
  });

  it("puts names that start with the query before names that only contain it, and gives 20 at most", () => {
    const found = searchCommunes("roissy");
    expect(found.length).toBeLessThanOrEqual(20);
    expect(found[0]!.name).toMatch(/^Roissy/);
    expect(searchCommunes("sa")).toHaveLength(20);
    expect(searchCommunes("  ")).toEqual([]);
    // « Torcy » exactly first, before Torcy-le-Grand and the rest.
    expect(searchCommunes("torcy")[0]!.code).toBe("77468");
  });

  it("searches INSEE and postal codes by their start", () => {
    expect(codes(searchCommunes("77288"))).toEqual(["77288"]);
    expect(codes(searchCommunes("77000"))).toContain("77288");
    expect(codes(searchCommunes("2A004"))).toEqual(["2A004"]);
  });

  it("knows the codes of former communes, and the commune they belong to", () => {
    expect(communeByCode("01039")).toBeNull();
    expect(formerCommune("01039")).toMatchObject({ name: "Béon", currentCode: "01138" });
    expect(communeByCode("99999")).toBeNull();
    expect(formerCommune("99999")).toBeNull();
  });

  it("has the CAPVM (200057958) and the CAMVS (247700057), with their communes and populations", () => {
    const capvm = epciByCode("200057958")!;
    expect(capvm).toMatchObject({ name: "CA Paris - Vallée de la Marne", kind: "CA" });
    expect(epciCommunes(capvm).map((c) => c.name)).toContain("Torcy");
    expect(capvm.members).toHaveLength(12);
    // « près de 230 000 habitants » in the 2019 contract; the current figure is a little higher.
    expect(capvm.population).toBeGreaterThan(225_000);
    expect(capvm.population).toBeLessThan(240_000);
    expect(capvm.population).toBe(epciCommunes(capvm).reduce((s, c) => s + c.population!, 0));
    expect(epciByCode("247700057")!.members).toHaveLength(20);
  });

  it("finds an EPCI by its name as a local authority writes it, or by its SIREN", () => {
    expect(codes(searchEpcis("Communauté d'agglomération Paris-Vallée de la Marne"))[0]).toBe("200057958");
    expect(codes(searchEpcis("melun val"))[0]).toBe("247700057");
    expect(codes(searchEpcis("2000579"))).toContain("200057958");
    expect(searchEpcis("Plaine Commune")[0]).toMatchObject({ code: "200057867", kind: "EPT" });
  });

  it("names départements and regions", () => {
    expect(departmentName("77")).toBe("Seine-et-Marne");
    expect(departmentName("2A")).toBe("Corse-du-Sud");
    expect(departmentName("00")).toBeNull();
    expect(regionName("11")).toBe("Île-de-France");
  });

  it("agrees with the regions the ARS scopes use (server/domain/roles.ts REGIONS)", () => {
    for (const [code, region] of Object.entries(REGIONS)) {
      expect(regionName(code)).toBe(region.name);
      expect(referenceDepartments().filter((d) => d.region === code).map((d) => d.code).sort()).toEqual([...region.departments].sort());
    }
    // Every département of the 18 regions is in REGIONS; the others are overseas collectivities without an ARS of their own.
    const inRegions = new Set(Object.keys(REGIONS));
    expect(referenceRegions().filter((r) => !inRegions.has(r.code)).every((r) => Number(r.code) >= 975)).toBe(true);
  });
});
