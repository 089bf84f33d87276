import { describe, expect, it } from "vitest";
import { invitedWithoutEmail, noEmailSummary, participantLabel } from "./participants";

const row = (name: string, email: string, invited = true, organisationName: string | null = null) => ({ name, email, invited, organisationName });

describe("a meeting's participants", () => {
  it("names a participant by person and organisation", () => {
    expect(participantLabel(row("Marie Dupont", "", true, "CAMVS"))).toBe("Marie Dupont (CAMVS)");
    expect(participantLabel(row("", "", true, "CPAM de Seine-et-Marne"))).toBe("CPAM de Seine-et-Marne");
    expect(participantLabel(row("", "x@exemple.fr"))).toBe("x@exemple.fr");
    expect(participantLabel(row(" ", ""))).toBeNull();
  });

  it("flags the invited without an e-mail address, not those present only nor the empty rows", () => {
    const rows = [row("Marie Dupont", "marie@exemple.fr"), row("", "", true, "CPAM de Seine-et-Marne"), row("Paul", "", false), row("", ""), row("Nadia Roux", "  ")];
    expect(invitedWithoutEmail(rows).map((p) => participantLabel(p))).toEqual(["CPAM de Seine-et-Marne", "Nadia Roux"]);
    expect(noEmailSummary(rows)).toBe("CPAM de Seine-et-Marne et Nadia Roux n'ont pas d'adresse e-mail : l'invitation ne leur parviendra pas. Ajoutez leur adresse ou prévenez-les autrement.");
    expect(noEmailSummary([row("", "", true, "CPAM")])).toBe("CPAM n'a pas d'adresse e-mail : l'invitation ne lui parviendra pas. Ajoutez son adresse ou prévenez-le autrement.");
    expect(noEmailSummary([row("Marie", "m@exemple.fr")])).toBeNull();
  });
});
