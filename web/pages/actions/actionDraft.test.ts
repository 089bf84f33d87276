import { describe, expect, it } from "vitest";
import { actionBody } from "../../../server/shared-forms";
import { bodyFromDraft, emptyDraft } from "./actionDraft";

const AXIS = "0b7c2a57-2f4e-4d3b-9a51-6f0a3c1d2e4b";
const FUNDER = "5d1e8f90-3a2b-4c6d-8e7f-9a0b1c2d3e4f";

describe("the fiche form's draft", () => {
  it("starts with no determinant and no budget line", () => {
    const d = emptyDraft(AXIS, 4);
    expect(d).toMatchObject({ number: 4, determinants: [], budgets: [] });
    const parsed = actionBody.safeParse(bodyFromDraft({ ...d, title: "Fiche" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["determinants"]);
  });

  it("sends years and amounts typed the French way as whole numbers, and leaves the rest to the schema", () => {
    const d = { ...emptyDraft(AXIS, 4), title: "Fiche", determinants: ["Cohésion sociale" as const] };
    const body = bodyFromDraft({ ...d, budgets: [{ year: " 2021 ", amount: "12 000 €", funderId: FUNDER, status: "secured" }] });
    const parsed = actionBody.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data!.budgets).toEqual([{ year: 2021, amount: 12000, funderId: FUNDER, status: "secured" }]);
    const cents = actionBody.safeParse(bodyFromDraft({ ...d, budgets: [{ year: "2021", amount: "12 000,50", funderId: "", status: "requested" }] }));
    expect(cents.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["budgets.0.amount", "Le montant s'écrit en euros entiers, sans centimes."],
      ["budgets.0.funderId", "Choisissez le financeur dans l'annuaire du contrat."],
    ]);
  });
});
