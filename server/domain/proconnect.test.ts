import { describe, expect, it } from "vitest";
import { agentName, isProConnectIssuer, proConnectFailureMessage, verifiedEmail } from "./proconnect.js";

describe("ProConnect's rules", () => {
  it("knows ProConnect's issuers, over https only", () => {
    expect(isProConnectIssuer("https://auth.agentconnect.gouv.fr/api/v2")).toBe(true);
    expect(isProConnectIssuer("https://proconnect.gouv.fr/api/v2")).toBe(true);
    expect(isProConnectIssuer("https://fca.integ01.dev-agentconnect.fr/api/v2")).toBe(true);
    expect(isProConnectIssuer("http://auth.agentconnect.gouv.fr/api/v2")).toBe(false);
    expect(isProConnectIssuer("https://proconnect.gouv.fr.example.org/")).toBe(false);
    expect(isProConnectIssuer("https://evilproconnect.gouv.fr/")).toBe(false);
    expect(isProConnectIssuer("pas une adresse")).toBe(false);
  });

  it("trusts an e-mail the provider says is verified, or ProConnect's when it says nothing", () => {
    expect(verifiedEmail({ email: " Agent@Ville.FR ", email_verified: true }, false)).toBe("agent@ville.fr");
    expect(verifiedEmail({ email: "agent@ville.fr", email_verified: "true" }, false)).toBe("agent@ville.fr");
    expect(verifiedEmail({ email: "agent@ville.fr" }, true)).toBe("agent@ville.fr");
    expect(verifiedEmail({ email: "agent@ville.fr" }, false)).toBeNull();
    expect(verifiedEmail({ email: "agent@ville.fr", email_verified: false }, true)).toBeNull();
    expect(verifiedEmail({ email: "agent@ville.fr", email_verified: "false" }, false)).toBeNull();
    expect(verifiedEmail({ email_verified: true }, true)).toBeNull();
    expect(verifiedEmail({ email: "pas-une-adresse", email_verified: true }, true)).toBeNull();
    expect(verifiedEmail({ email: 42, email_verified: true }, true)).toBeNull();
  });

  it("names a new account from ProConnect's claims, else the standard ones, else the e-mail", () => {
    expect(agentName({ given_name: "Camille", usual_name: "Martin" }, "c@v.fr")).toBe("Camille Martin");
    expect(agentName({ given_name: "Camille", family_name: "Martin" }, "c@v.fr")).toBe("Camille Martin");
    expect(agentName({ name: " Camille Martin " }, "c@v.fr")).toBe("Camille Martin");
    expect(agentName({ given_name: " " }, "c@v.fr")).toBe("c@v.fr");
  });

  it("gives a French message for a known failure code only", () => {
    expect(proConnectFailureMessage("inconnu")).toMatch(/^Aucun compte Clés n'est associé à cette adresse/);
    expect(proConnectFailureMessage("toString")).toBeNull();
    expect(proConnectFailureMessage(null)).toBeNull();
  });
});
