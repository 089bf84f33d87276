import { describe, expect, it } from "vitest";
import { controlProps, errorProps, optional, REQUIRED_NOTE, summaryLabel } from "./form";

describe("controlProps", () => {
  it("says nothing of a valid optional field", () => {
    expect(controlProps({}, "place")).toEqual({});
    expect(controlProps({ title: "L'intitulé est obligatoire." }, "place")).toEqual({});
  });

  it("marks a required field, and a field in error, on its native control", () => {
    expect(controlProps({}, "title", { required: true })).toEqual({ "aria-required": true });
    expect(controlProps({ title: "L'intitulé est obligatoire." }, "title", { required: true })).toEqual({ "aria-invalid": true, "aria-required": true });
    expect(controlProps({ endMonth: "La fin doit être postérieure ou égale au début." }, "endMonth")).toEqual({ "aria-invalid": true });
  });

  it("finds an error below the field's path, as errorProps does", () => {
    const errors = { "lead.organisation": "Choisissez une organisation." };
    expect(controlProps(errors, "lead")).toEqual({ "aria-invalid": true });
    expect(errorProps(errors, "lead")).toEqual({ state: "error", stateRelatedMessage: "Choisissez une organisation." });
    expect(controlProps(errors, "lead.person")).toEqual({});
  });
});

describe("optional fields", () => {
  it("say « (facultatif) » in their label, which the error summary leaves out", () => {
    expect(optional("Lieu")).toBe("Lieu (facultatif)");
    expect(summaryLabel(optional("Lieu"))).toBe("Lieu");
    expect(summaryLabel("Durée en minutes (facultatif)")).toBe("Durée en minutes");
    expect(summaryLabel("Intitulé de l'action")).toBe("Intitulé de l'action");
    // Only the mark at the end goes.
    expect(summaryLabel("Montant (en euros)")).toBe("Montant (en euros)");
  });

  it("are announced by one sentence", () => {
    expect(REQUIRED_NOTE).toBe("Sauf mention « (facultatif) », tous les champs sont obligatoires.");
  });
});
