import { describe, expect, it } from "vitest";
import { contractRegion, defaultReferential, planSuggestions, referentialOf, regionOfDepartment, templatePhrase, unknownPrsCodes } from "./referentials.js";

describe("regional referentials", () => {
  it("ships Île-de-France's PRS with the codes the CAPVM seed uses, and gives any other region its ARS's name only", () => {
    const idf = defaultReferential("11");
    expect(idf.arsName).toBe("ARS Île-de-France");
    expect(idf.prsProjects.map((p) => p.code)).toEqual(["1.1", "2.1", "2.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "5.5"]);
    const bfc = defaultReferential("27");
    expect(bfc).toEqual({ arsName: "ARS Bourgogne-Franche-Comté", templateWording: "", prsName: "", prsEdition: "", prsProjects: [], regionalPlans: [] });
    expect(JSON.stringify(bfc)).not.toMatch(/Île-de-France|PRS 2|PRSE/);
  });

  it("uses what was saved over the default, with its version (0 when never saved)", () => {
    expect(referentialOf("27", undefined)).toMatchObject({ regionCode: "27", regionName: "Bourgogne-Franche-Comté", version: 0 });
    const saved = { ...defaultReferential("27"), prsName: "PRS BFC", version: 3 };
    expect(referentialOf("27", saved)).toMatchObject({ prsName: "PRS BFC", version: 3 });
  });

  it("derives a contract's region from its communes: the one most of them lie in", () => {
    expect(regionOfDepartment("77")).toBe("11");
    expect(regionOfDepartment("2A")).toBe("94");
    expect(regionOfDepartment("974")).toBe("04");
    expect(regionOfDepartment("99")).toBeNull();
    expect(contractRegion(["77288", "77350", "21231"])).toBe("11");
    expect(contractRegion(["21231", "21025", "77288"])).toBe("27");
    expect(contractRegion(["97411"])).toBe("04");
    expect(contractRegion([])).toBeNull();
    // A tie goes to the smaller code, whatever the order.
    expect(contractRegion(["21231", "77288"])).toBe(contractRegion(["77288", "21231"]));
  });

  it("names the fiche template by the region's wording, else its ARS, else neutrally", () => {
    expect(templatePhrase(defaultReferential("11"))).toBe("au modèle de l'ARS Île-de-France");
    expect(templatePhrase(defaultReferential("27"))).toBe("au modèle de l'ARS Bourgogne-Franche-Comté");
    expect(templatePhrase(null)).toBe("au modèle des fiches actions de CLS");
  });

  it("suggests the region's PRS and plans before the local ones, and none of Île-de-France's elsewhere", () => {
    expect(planSuggestions(defaultReferential("11")).slice(0, 3)).toEqual(["PRS 2", "PRSE 3", "Plan régional sport santé bien-être (PRSSBE) 2017-2020"]);
    const elsewhere = planSuggestions(defaultReferential("27"));
    expect(elsewhere).toContain("PCAET");
    expect(elsewhere.join(" ")).not.toMatch(/PRS 2|PRSE 3/);
  });

  it("checks PRS codes against the region's list once it has one, and leaves them free before", () => {
    expect(unknownPrsCodes(["1.1", "9.9", " 5.3 "], defaultReferential("11"))).toEqual([{ index: 1, code: "9.9" }]);
    expect(unknownPrsCodes(["A-12"], defaultReferential("27"))).toEqual([]);
    expect(unknownPrsCodes(["A-12"], null)).toEqual([]);
  });
});
