import { describe, expect, it } from "vitest";
import type { AuditObjectType } from "../../domain/history.js";
import { entryLink } from "./links.js";

const C = "11111111-1111-4111-8111-111111111111";
const O = "22222222-2222-4222-8222-222222222222";
const entry = (objectType: AuditObjectType, objectLabel = "Objet", objectId = O, contractId: string | null = C) => ({ objectType, objectId, objectLabel, contractId });
const there = { exists: true };

describe("the link of a history line", () => {
  it("leads to the object's own page", () => {
    expect(entryLink(entry("action", "FA 6 « Journée de la Santé »"), there)).toBe(`/contrats/${C}/fiches/${O}`);
    expect(entryLink(entry("meeting"), there)).toBe(`/contrats/${C}/reunions/${O}`);
    expect(entryLink(entry("review", "Revue du 3e trimestre 2021"), there)).toBe(`/contrats/${C}/revues/${O}`);
    expect(entryLink(entry("survey"), there)).toBe(`/contrats/${C}/sondages/${O}`);
    expect(entryLink(entry("workshop"), there)).toBe(`/contrats/${C}/ateliers/${O}`);
    expect(entryLink(entry("contract", "CLS de Melun", C), there)).toBe(`/contrats/${C}`);
  });

  it("leads a part of a fiche (a measurement, a milestone) to the fiche's follow-up, a row of the COTECH table to the table", () => {
    expect(entryLink(entry("action", "Mesure de l'indicateur « Nombre de participants »"), there)).toBe(`/contrats/${C}/fiches/${O}/suivi`);
    expect(entryLink(entry("action", "Étape « Recrutement »"), there)).toBe(`/contrats/${C}/fiches/${O}/suivi`);
    expect(entryLink(entry("contract", "Tableau COTECH 2021 : actions transversales", C), there)).toBe(`/contrats/${C}/tableau-cotech`);
  });

  it("leads what has no page of its own to the page that lists it", () => {
    expect(entryLink(entry("axis"), there)).toBe(`/contrats/${C}/axes`);
    expect(entryLink(entry("objective"), there)).toBe(`/contrats/${C}/axes`);
    expect(entryLink(entry("body"), there)).toBe(`/contrats/${C}/gouvernance`);
    expect(entryLink(entry("member"), there)).toBe(`/contrats/${C}/membres`);
    expect(entryLink(entry("organisation"), there)).toBe(`/contrats/${C}/annuaire`);
    expect(entryLink(entry("ambassador_training"), there)).toBe(`/contrats/${C}/ambassadeurs`);
    expect(entryLink(entry("evaluation"), there)).toBe(`/contrats/${C}/evaluation`);
    expect(entryLink(entry("annual_report", "2022 : synthèse et perspectives"), there)).toBe(`/contrats/${C}/bilan-annuel?annee=2022`);
    // The reviews' settings are recorded on the contract's id.
    expect(entryLink(entry("review", "Réglages des revues trimestrielles", C), there)).toBe(`/contrats/${C}/revues`);
    expect(entryLink(entry("registration"), { exists: true, parentId: "w" })).toBe(`/contrats/${C}/ateliers/w`);
    expect(entryLink(entry("survey_answer"), { exists: true, parentId: "s" })).toBe(`/contrats/${C}/sondages/s`);
    expect(entryLink(entry("account", "Karim Benali (k@x.test)", "u", null), there)).toBe("/administration/comptes");
    expect(entryLink(entry("invitation", "delegue@ars.test", O, null), there)).toBe("/administration/comptes");
  });

  it("gives no link to what is gone, or to what cannot be placed", () => {
    expect(entryLink(entry("meeting"), { exists: false })).toBeNull();
    expect(entryLink(entry("axis"), { exists: false })).toBeNull();
    expect(entryLink(entry("registration"), { exists: true, parentId: null })).toBeNull();
    expect(entryLink(entry("meeting", "Réunion", O, null), there)).toBeNull();
  });
});
