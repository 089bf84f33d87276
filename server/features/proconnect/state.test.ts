import { describe, expect, it } from "vitest";
import { sealState, unsealState } from "./state.js";

const secret = "a-secret-of-at-least-thirty-two-characters";
const flow = { state: "s", nonce: "n", verifier: "v", expiresAt: 2_000 };

describe("the ProConnect flow cookie", () => {
  it("comes back as it was sealed, until it expires", () => {
    const cookie = sealState(flow, secret);
    expect(unsealState(cookie, secret, 1_000)).toEqual(flow);
    expect(unsealState(cookie, secret, 2_000)).toBeNull();
  });

  it("is refused when changed, signed with another secret, or malformed", () => {
    const cookie = sealState(flow, secret);
    const [payload, signature] = cookie.split(".");
    const other = Buffer.from(JSON.stringify({ ...flow, state: "autre" })).toString("base64url");
    expect(unsealState(`${other}.${signature}`, secret, 1_000)).toBeNull();
    expect(unsealState(`${payload}.${signature}x`, secret, 1_000)).toBeNull();
    expect(unsealState(sealState(flow, `${secret}!`), secret, 1_000)).toBeNull();
    expect(unsealState(`${cookie}.x`, secret, 1_000)).toBeNull();
    expect(unsealState(undefined, secret, 1_000)).toBeNull();
    expect(unsealState(sealState({ ...flow, nonce: "" }, secret), secret, 1_000)).toBeNull();
  });
});
