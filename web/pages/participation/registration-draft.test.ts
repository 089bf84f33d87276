import { describe, expect, it } from "vitest";
import { emptyDraft, errorsByField, PUBLIC_LABELS, registrationPayload, STAFF_LABELS, validateRegistration, type RegistrationDraft } from "./registration-draft";

const S1 = "0b9c3a52-6f1e-4d3a-9b1c-1a2b3c4d5e6f";
const S2 = "1c8d4b63-7a2f-4e4b-8c2d-2b3c4d5e6f70";
const call = { meal: false, sessionIds: [S1, S2] };

const filled = (patch: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  ...emptyDraft(),
  firstName: " Awa ",
  lastName: "D.",
  contactWay: "email",
  email: "awa@exemple.fr",
  communeInsee: "77288",
  qpv: "none",
  ageBand: "25-39",
  gender: "woman",
  sessionIds: [S2, S1],
  consent: true,
  ...patch,
});

describe("emptyDraft", () => {
  it("ticks the only session of a one-session workshop, none of several", () => {
    expect(emptyDraft([S1]).sessionIds).toEqual([S1]);
    expect(emptyDraft([S1, S2]).sessionIds).toEqual([]);
  });
});

describe("registrationPayload", () => {
  it("sends only the contact field of the chosen way", () => {
    const d = filled({ contactWay: "phone", email: "awa@exemple.fr", phone: " 06 12 34 56 78 ", partnerName: "Centre social" });
    const p = registrationPayload(d, call);
    expect([p.email, p.phone, p.partnerName]).toEqual(["", "06 12 34 56 78", ""]);
  });

  it("drops dietary needs when no meal is offered, keeps them when one is", () => {
    const d = filled({ dietaryNeeds: "Sans porc" });
    expect(registrationPayload(d, call).dietaryNeeds).toBe("");
    expect(registrationPayload(d, { ...call, meal: true }).dietaryNeeds).toBe("Sans porc");
  });

  it("sends no category when none is chosen, and sessions in the call's order", () => {
    const p = registrationPayload(filled(), call);
    expect(p.category).toBeNull();
    expect(p.sessionIds).toEqual([S1, S2]);
    expect(registrationPayload(filled({ category: "retired" }), call).category).toBe("retired");
  });
});

describe("validateRegistration", () => {
  it("accepts a complete form and gives the trimmed body", () => {
    const v = validateRegistration(filled(), call);
    expect(v.errors).toBeUndefined();
    expect(v.body).toMatchObject({ firstName: "Awa", email: "awa@exemple.fr", consent: true, website: "" });
  });

  it("says what an empty form lacks, field by field, in French", () => {
    const v = validateRegistration(emptyDraft([S1, S2]), call);
    // In the order the form shows the fields, not the schema's.
    expect(Object.keys(v.errors ?? {})).toEqual(["firstName", "lastName", "ageBand", "gender", "contactWay", "communeInsee", "qpv", "sessionIds", "consent"]);
    expect(v.errors?.communeInsee).toBe("Choisissez votre commune dans la liste.");
    expect(v.errors?.consent).toMatch(/cochez la case/);
  });

  it("asks for the e-mail address when e-mail is the chosen way", () => {
    const v = validateRegistration(filled({ email: "" }), call);
    expect(v.errors).toEqual({ email: expect.stringMatching(/adresse e-mail/) });
  });

  it("refuses a form without consent", () => {
    expect(validateRegistration(filled({ consent: false }), call).errors).toHaveProperty("consent");
  });
});

describe("errorsByField", () => {
  it("puts an error about one session on the group of sessions and keeps the honeypot's off the fields", () => {
    expect(errorsByField({ "sessionIds.1": "Cette séance n'appartient pas à cet atelier.", website: "robot", qpv: "Choisissez" })).toEqual({
      sessionIds: "Cette séance n'appartient pas à cet atelier.",
      qpv: "Choisissez",
    });
  });
});

describe("the labels of the two registration forms", () => {
  it("name the same fields, and only the optional ones say « (facultatif) »", () => {
    expect(Object.keys(STAFF_LABELS)).toEqual(Object.keys(PUBLIC_LABELS));
    const optional = ["category", "household", "accessibilityNeeds", "dietaryNeeds"];
    for (const labels of [PUBLIC_LABELS, STAFF_LABELS])
      expect(Object.keys(labels).filter((k) => labels[k]!.endsWith(" (facultatif)"))).toEqual(optional);
    expect(PUBLIC_LABELS.consent).toBe("Votre accord");
    expect(STAFF_LABELS.consent).toBe("Son accord");
  });
});
