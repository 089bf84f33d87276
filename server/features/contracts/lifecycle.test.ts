import { describe, expect, it } from "vitest";
import { CONTRACT_TRANSITIONS, canChangeContractStatus, contractStatusChangeError } from "./lifecycle.js";
import { CONTRACT_STATUS_VALUES, CONTRACT_STATUSES, type ContractStatus } from "../../domain/statuses.js";

/** The lifecycle as the product defines it, written out by hand (not derived from the code under test). */
const EXPECTED_ALLOWED: Record<ContractStatus, ContractStatus[]> = {
  draft: ["draft", "signed"],
  signed: ["signed", "draft", "running"],
  running: ["running", "under_evaluation"],
  under_evaluation: ["under_evaluation", "running", "closed"],
  closed: ["closed"],
};

const EXPECTED_REFUSAL: Record<ContractStatus, string> = {
  draft: "Un contrat « En préparation » ne peut passer qu'à « Signé ».",
  signed: "Un contrat « Signé » ne peut passer qu'à « En préparation » ou « En cours ».",
  running: "Un contrat « En cours » ne peut passer qu'à « En évaluation ».",
  under_evaluation: "Un contrat « En évaluation » ne peut passer qu'à « En cours » ou « Clos ».",
  closed: "Un contrat « Clos » ne peut plus changer de statut.",
};

const ALL: ContractStatus[] = ["draft", "signed", "running", "under_evaluation", "closed"];
const pairs = ALL.flatMap((from) => ALL.map((to) => ({ from, to, allowed: EXPECTED_ALLOWED[from].includes(to) })));

describe("contract lifecycle", () => {
  it("knows the five statuses with their French labels", () => {
    expect(CONTRACT_STATUS_VALUES).toEqual(ALL);
    expect(CONTRACT_STATUSES).toEqual({
      draft: "En préparation",
      signed: "Signé",
      running: "En cours",
      under_evaluation: "En évaluation",
      closed: "Clos",
    });
  });

  it("declares exactly the expected transitions", () => {
    expect(CONTRACT_TRANSITIONS).toEqual({
      draft: ["signed"],
      signed: ["draft", "running"],
      running: ["under_evaluation"],
      under_evaluation: ["running", "closed"],
      closed: [],
    });
  });

  it("checks all 25 pairs of statuses", () => {
    expect(pairs).toHaveLength(25);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(5 + 6);
  });

  describe.each(pairs.filter((p) => p.allowed))("allowed: $from → $to", ({ from, to }) => {
    it("is allowed, with no error", () => {
      expect(canChangeContractStatus(from, to)).toBe(true);
      expect(contractStatusChangeError(from, to)).toBeNull();
    });
  });

  describe.each(pairs.filter((p) => !p.allowed))("refused: $from → $to", ({ from, to }) => {
    it("is refused with a French explanation naming the allowed next statuses", () => {
      expect(canChangeContractStatus(from, to)).toBe(false);
      expect(contractStatusChangeError(from, to)).toBe(EXPECTED_REFUSAL[from]);
    });
  });

  it("keeps every status unchanged (editing other fields is always allowed)", () => {
    for (const s of ALL) expect(contractStatusChangeError(s, s)).toBeNull();
  });

  it("never lets a closed contract move", () => {
    for (const to of ALL.filter((s) => s !== "closed")) {
      expect(contractStatusChangeError("closed", to)).toBe("Un contrat « Clos » ne peut plus changer de statut.");
    }
  });

  it("refuses skipping steps forward", () => {
    expect(canChangeContractStatus("draft", "running")).toBe(false);
    expect(canChangeContractStatus("signed", "under_evaluation")).toBe(false);
    expect(canChangeContractStatus("running", "closed")).toBe(false);
    expect(canChangeContractStatus("draft", "closed")).toBe(false);
  });
});
