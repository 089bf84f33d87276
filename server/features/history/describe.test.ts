import { describe, expect, it } from "vitest";
import { describeEntry, fieldList, frenchDateTime } from "./describe.js";
import { partOf, partOperation } from "./parts.js";

const change = (label: string) => ({ field: label, label, before: "a", after: "b" });
const base = { actorName: "Marie Dupont", at: new Date("2021-09-14T08:12:00Z"), objectLabel: "FA 6 « Journée de la Santé »" };

describe("history sentences", () => {
  it("writes dates in Paris time, summer and winter", () => {
    expect(frenchDateTime(new Date("2021-09-14T08:12:00Z"))).toBe("14/09/2021 à 10:12");
    expect(frenchDateTime(new Date("2021-12-07T17:05:00Z"))).toBe("07/12/2021 à 18:05");
  });

  it("names one, two, or the first two fields and how many others", () => {
    expect(fieldList([change("Public cible")])).toBe("Public cible");
    expect(fieldList([change("Public cible"), change("Lieu")])).toBe("Public cible et Lieu");
    expect(fieldList([change("A"), change("B"), change("C")])).toBe("A, B et 1 autre champ");
    expect(fieldList([change("A"), change("B"), change("C"), change("D")])).toBe("A, B et 2 autres champs");
  });

  it("says who changed which field of the fiche and when", () => {
    expect(describeEntry({ ...base, operation: "update", objectType: "action", changes: [change("Public cible")] }, true)).toBe(
      "Marie Dupont a modifié Public cible le 14/09/2021 à 10:12",
    );
    expect(describeEntry({ ...base, operation: "update", objectType: "action", changes: [change("Public cible")] })).toBe(
      "Marie Dupont a modifié Public cible de la fiche FA 6 « Journée de la Santé » le 14/09/2021 à 10:12",
    );
  });

  it("contracts the article: « du contrat »", () => {
    expect(describeEntry({ ...base, objectLabel: "CLS de Melun", operation: "update", objectType: "contract", changes: [change("Page publique")] })).toBe(
      "Marie Dupont a modifié Page publique du contrat CLS de Melun le 14/09/2021 à 10:12",
    );
  });

  it("says creations, archiving, and member changes", () => {
    expect(describeEntry({ ...base, operation: "create", objectType: "action", changes: [] })).toBe("Marie Dupont a créé la fiche FA 6 « Journée de la Santé » le 14/09/2021 à 10:12");
    expect(describeEntry({ ...base, operation: "archive", objectType: "action", changes: [] })).toContain("a archivé la fiche");
    expect(describeEntry({ ...base, objectLabel: "Nadia Roux", operation: "create", objectType: "member", changes: [] })).toBe(
      "Marie Dupont a ajouté comme membre Nadia Roux le 14/09/2021 à 10:12",
    );
    expect(describeEntry({ ...base, objectLabel: "x@exemple.fr", operation: "create", objectType: "invitation", changes: [] })).toBe(
      "Marie Dupont a invité x@exemple.fr le 14/09/2021 à 10:12",
    );
  });
});

const at = base.at;
const when = "le 14/09/2021 à 10:12";
const fiche = "FA 6 « Journée de la Santé »";
/** An entry about a part of FA 6, as the follow-up writes it: an « update » of the fiche, labelled by the part. */
const partEntry = (objectLabel: string, changes: { field: string; label: string; before: string | null; after: string | null }[]) => ({
  actorName: "Sophie Leroy",
  at,
  operation: "update" as const,
  objectType: "action" as const,
  objectLabel,
  changes,
  contractId: "c",
  ficheLabel: fiche,
});
const added = (label: string, after = "x") => ({ field: label, label, before: null, after });
const removed = (label: string, before = "x") => ({ field: label, label, before, after: null });

describe("additions, changes and removals of a fiche's parts", () => {
  it("says a measurement was added, changed or removed, and on which fiche", () => {
    const label = "Mesure de l'indicateur « Nombre de participants »";
    expect(describeEntry(partEntry(label, [added("Date de la mesure", "14/09/2021"), added("Valeur", "17")]))).toBe(
      `Sophie Leroy a ajouté une mesure de l'indicateur « Nombre de participants » à la fiche ${fiche} ${when}`,
    );
    expect(describeEntry(partEntry(label, [{ field: "value", label: "Valeur", before: "17", after: "18" }]))).toBe(
      `Sophie Leroy a modifié Valeur de la mesure de l'indicateur « Nombre de participants » de la fiche ${fiche} ${when}`,
    );
    expect(describeEntry(partEntry(label, [removed("Date de la mesure"), removed("Valeur")]))).toBe(`Sophie Leroy a supprimé la mesure de l'indicateur « Nombre de participants » de la fiche ${fiche} ${when}`);
    // On the fiche's own page, the fiche goes without saying.
    expect(describeEntry(partEntry(label, [added("Valeur")]), true)).toBe(`Sophie Leroy a ajouté une mesure de l'indicateur « Nombre de participants » ${when}`);
  });

  it("words progress entries, milestones, remaining work, adjustments and remarks", () => {
    expect(describeEntry(partEntry("Avancement du 14/09/2021", [added("Date de l'avancement"), added("Avancement")]), true)).toBe(`Sophie Leroy a ajouté l'état d'avancement du 14/09/2021 ${when}`);
    expect(describeEntry(partEntry("Étape « Recrutement »", [{ field: "schedule", label: "Calendrier", before: "a", after: "b" }]), true)).toBe(`Sophie Leroy a modifié Calendrier de l'étape « Recrutement » ${when}`);
    expect(describeEntry(partEntry("Étape « Recrutement »", [removed("Étape")]))).toBe(`Sophie Leroy a supprimé l'étape « Recrutement » de la fiche ${fiche} ${when}`);
    expect(describeEntry(partEntry("Reste-à-faire « Réunir les élus »", [{ field: "doneOn", label: "Fait le", before: null, after: "20/01/2022" }, { field: "text", label: "Texte", before: "a", after: "b" }]), true)).toBe(
      `Sophie Leroy a modifié Fait le et Texte du reste-à-faire « Réunir les élus » ${when}`,
    );
    expect(describeEntry(partEntry("Reste-à-faire", [{ field: "order", label: "Ordre du reste-à-faire", before: "a\nb", after: "b\na" }]))).toBe(`Sophie Leroy a réordonné le reste-à-faire de la fiche ${fiche} ${when}`);
    expect(describeEntry(partEntry("Ajustement « Reprogrammer »", [added("Ajustement")]))).toBe(`Sophie Leroy a ajouté l'ajustement « Reprogrammer » à la fiche ${fiche} ${when}`);
    expect(describeEntry(partEntry("Remarque partenaire", [added("Remarque")]))).toBe(`Sophie Leroy a ajouté une remarque partenaire à la fiche ${fiche} ${when}`);
    expect(describeEntry(partEntry("Remarque partenaire", [{ field: "comment", label: "Remarque", before: "a", after: "b" }]))).toBe(`Sophie Leroy a modifié une remarque partenaire de la fiche ${fiche} ${when}`);
    expect(describeEntry(partEntry("Remarque de Karim Benali retirée", [removed("Remarque")]), true)).toBe(`Sophie Leroy a retiré la remarque de Karim Benali ${when}`);
  });

  it("words a row of the COTECH table, and a change of the fiche itself as before", () => {
    const row = { ...partEntry("Tableau COTECH 2021 : actions transversales", [added("Action")]), objectType: "contract" as const };
    expect(describeEntry(row)).toBe(`Sophie Leroy a ajouté une ligne au tableau COTECH 2021 (actions transversales) ${when}`);
    expect(describeEntry({ ...row, changes: [removed("Action")] })).toBe(`Sophie Leroy a supprimé la ligne du tableau COTECH 2021 (actions transversales) ${when}`);
    // The fiche's own fields, even all filled from nothing, are a change of the fiche.
    expect(describeEntry(partEntry(fiche, [added("Lieu")]))).toBe(`Sophie Leroy a modifié Lieu de la fiche ${fiche} ${when}`);
  });

  it("says attachments added to and removed from a meeting", () => {
    const meeting = { actorName: "Marie Dupont", at, operation: "update" as const, objectType: "meeting" as const, objectLabel: "COTECH du 14 septembre 2021", contractId: "c" };
    expect(describeEntry({ ...meeting, changes: [{ field: "attachments", label: "Pièce jointe", before: null, after: "support.pdf" }] })).toBe(
      `Marie Dupont a ajouté la pièce jointe « support.pdf » à la réunion COTECH du 14 septembre 2021 ${when}`,
    );
    expect(describeEntry({ ...meeting, changes: [{ field: "attachments", label: "Pièce jointe", before: "support.pdf", after: null }] })).toBe(
      `Marie Dupont a retiré la pièce jointe « support.pdf » de la réunion COTECH du 14 septembre 2021 ${when}`,
    );
  });
});

describe("accounts in the journal", () => {
  const account = { actorName: "Alex Morel", at, objectType: "account" as const, objectLabel: "Karim Benali (karim.benali@cpam77.test)", contractId: null };
  it("says who created, deactivated and reactivated an account, and changed its ARS territory", () => {
    expect(describeEntry({ ...account, operation: "create", changes: [added("Compte", "Délégation ARS (Département 21)")] })).toBe(`Alex Morel a créé le compte de Karim Benali (karim.benali@cpam77.test) ${when}`);
    expect(describeEntry({ ...account, operation: "update", changes: [{ field: "status", label: "Compte", before: "Actif", after: "Désactivé" }] })).toBe(
      `Alex Morel a désactivé le compte de Karim Benali (karim.benali@cpam77.test) ${when}`,
    );
    expect(describeEntry({ ...account, operation: "update", changes: [{ field: "status", label: "Compte", before: "Désactivé", after: "Actif" }] })).toBe(
      `Alex Morel a réactivé le compte de Karim Benali (karim.benali@cpam77.test) ${when}`,
    );
    expect(describeEntry({ ...account, operation: "update", changes: [{ field: "arsScopes", label: "Territoire ARS", before: "Département 77", after: "Département 21" }] })).toBe(
      `Alex Morel a changé le territoire ARS du compte de Karim Benali (karim.benali@cpam77.test) ${when}`,
    );
  });
  it("says a person created their own account from an ARS invitation, and words the invitation", () => {
    expect(describeEntry({ ...account, actorName: "Karim Benali", operation: "create", changes: [] })).toBe(`Karim Benali a créé son compte (karim.benali@cpam77.test) ${when}`);
    expect(describeEntry({ ...account, objectType: "invitation", objectLabel: "delegue@ars.test", operation: "create", changes: [{ field: "arsScopes", label: "Territoire ARS", before: null, after: "Département 21" }] })).toBe(
      `Alex Morel a invité delegue@ars.test comme délégation de l'ARS (Département 21) ${when}`,
    );
  });
  it("words older entries, recorded as members of no contract, as accounts", () => {
    expect(describeEntry({ ...account, objectType: "member", operation: "update", changes: [{ field: "status", label: "Compte", before: "Actif", after: "Désactivé" }] })).toBe(
      `Alex Morel a désactivé le compte de Karim Benali (karim.benali@cpam77.test) ${when}`,
    );
  });
});

describe("telling a part from its operation", () => {
  it("adds when every field comes from nothing, removes when every field goes to nothing", () => {
    expect(partOperation([added("A"), added("B")])).toBe("add");
    expect(partOperation([removed("A"), removed("B")])).toBe("remove");
    expect(partOperation([added("A"), removed("B")])).toBe("update");
    expect(partOperation([])).toBe("update");
  });
  it("recognises a part only on its own kind of object", () => {
    expect(partOf("action", "Étape « X »")?.the).toBe("l'étape « X »");
    expect(partOf("meeting", "Étape « X »")).toBeNull();
    expect(partOf("action", "FA 6 « Étape « X » »")).toBeNull();
    expect(partOf("action", "Reste-à-faire « X »")?.of).toBe("du reste-à-faire « X »");
  });
});
