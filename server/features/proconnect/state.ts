/**
 * What a ProConnect sign-in must find again when the provider sends the browser back:
 * state, nonce and PKCE verifier, kept in a short-lived cookie signed with the app's
 * secret (nothing is written in the database before the person is known).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const STATE_COOKIE = "cles.proconnect";
/** Ten minutes to sign in at the provider. */
export const STATE_SECONDS = 10 * 60;

export interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresAt: number;
}

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(`proconnect:${payload}`).digest("base64url");

export function sealState(flow: FlowState, secret: string): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** The flow of a cookie when its signature holds and it has not expired; null otherwise. */
export function unsealState(cookie: string | undefined, secret: string, now = Date.now()): FlowState | null {
  const [payload, signature, extra] = (cookie ?? "").split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const flow = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<FlowState>;
    const fields = [flow.state, flow.nonce, flow.verifier];
    if (!fields.every((f) => typeof f === "string" && f.length > 0) || typeof flow.expiresAt !== "number" || flow.expiresAt <= now) return null;
    return flow as FlowState;
  } catch {
    return null;
  }
}
