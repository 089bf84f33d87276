/**
 * The OpenID Connect client of ProConnect (openid-client): the provider's discovery document
 * is read on first use and kept; the authorization request carries state, nonce and PKCE; the
 * answer is checked (state, ID token signature, issuer, audience, nonce) and the claims of the
 * ID token and of the userinfo endpoint are read.
 */
import * as oidc from "openid-client";
import type { ProConnectConfig } from "../../config.js";
import { isProConnectIssuer, type Claims } from "../../domain/proconnect.js";
import type { FlowState } from "./state.js";

/** Plain http is allowed for a provider on this machine only (the tests', a developer's). */
function isLoopback(url: URL): boolean {
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export class ProConnectClient {
  readonly redirectUri: string;
  /** ProConnect says nothing of `email_verified`: it gives verified e-mails only. */
  readonly issuerIsProConnect: boolean;
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: ProConnectConfig,
    publicUrl: string,
  ) {
    this.redirectUri = `${publicUrl}/api/auth/proconnect/callback`;
    this.issuerIsProConnect = isProConnectIssuer(config.issuer);
  }

  /** The provider's configuration; asked again on the next sign-in if it could not be read. */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.config.issuer);
      this.discovered = oidc.discovery(issuer, this.config.clientId, undefined, oidc.ClientSecretPost(this.config.clientSecret), {
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
      this.discovered.catch(() => (this.discovered = null));
    }
    return this.discovered;
  }

  /** A new flow (to keep in the signed cookie) and the provider's address to send the browser to. */
  async start(expiresAt: number): Promise<{ flow: FlowState; url: string }> {
    const config = await this.configuration();
    const flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), expiresAt };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.config.scope,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: "S256",
      ...(this.issuerIsProConnect ? { acr_values: "eidas1" } : {}),
    });
    return { flow, url: url.href };
  }

  /** Exchanges the code of `callbackUrl` and returns the person's claims; throws when anything does not check. */
  async finish(callbackUrl: URL, flow: FlowState): Promise<{ claims: Claims; subject: string }> {
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(
      config,
      callbackUrl,
      { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
      { redirect_uri: this.redirectUri },
    );
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error("no ID token");
    const userInfo = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    // The ID token's claims win: they are the ones checked against the nonce.
    return { claims: { ...userInfo, ...idClaims }, subject: idClaims.sub };
  }
}
