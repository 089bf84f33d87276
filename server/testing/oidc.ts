/**
 * A local OpenID provider for the tests (oidc-provider), shaped like ProConnect: scopes
 * `openid email given_name usual_name`, claims given at the userinfo endpoint, a client
 * authenticated by client_secret_post. Whoever signs in there is `provider.next` (no form:
 * the interaction logs that person in and consents at once).
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { ProConnectConfig } from "../config.js";

export interface Agent {
  sub: string;
  email: string;
  email_verified?: boolean;
  given_name?: string;
  usual_name?: string;
}

export interface LocalProvider {
  config: ProConnectConfig;
  /** The person the next interaction signs in. */
  next: Agent;
  /** Follows the provider's redirections from its authorization address to the app's callback address (with code and state). */
  authorize(url: string): Promise<URL>;
  close(): Promise<void>;
}

const SCOPE = "openid email given_name usual_name";

/**
 * `redirectUri`: the app's callback address, or a function that gives it once the app listens
 * (asked at the provider's first request: the provider's address can be given to the app first).
 */
export async function startLocalProvider(redirectUri: string | (() => string)): Promise<LocalProvider> {
  const state: { next: Agent } = { next: { sub: "personne", email: "personne@test.fr", email_verified: true } };
  const agents = new Map<string, Agent>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const configure = () => new Provider(issuer, {
    clients: [{ client_id: "cles", client_secret: "secret-du-client-cles", redirect_uris: [typeof redirectUri === "string" ? redirectUri : redirectUri()], token_endpoint_auth_method: "client_secret_post" }],
    scopes: SCOPE.split(" "),
    claims: { email: ["email", "email_verified"], given_name: ["given_name"], usual_name: ["usual_name"] },
    findAccount: (_ctx: unknown, id: string) => {
      const agent = agents.get(id);
      return agent && { accountId: id, claims: () => ({ ...agent }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["cles-test-cookie-key"] },
    jwks: { keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256" }] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    pkce: { required: () => true },
  });
  let provider: Provider | null = null;
  let handler: ReturnType<Provider["callback"]> | null = null;
  server.on("request", (req, res) => {
    provider ??= configure();
    handler ??= provider.callback();
    if (!req.url?.startsWith("/interaction/")) return handler(req, res);
    const op = provider;
    void (async () => {
      const agent = state.next;
      agents.set(agent.sub, agent);
      const grant = new op.Grant({ accountId: agent.sub, clientId: "cles" });
      grant.addOIDCScope(SCOPE);
      const grantId = await grant.save();
      await op.interactionFinished(req, res, { login: { accountId: agent.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function authorize(url: string): Promise<URL> {
    // The provider's cookies, kept between its redirections as a browser would; a new browser each time.
    const jar = new Map<string, string>();
    let next = new URL(url);
    for (let hops = 0; hops < 10; hops++) {
      if (next.origin !== issuer) return next;
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await fetch(next, { redirect: "manual", headers: cookie ? { cookie } : {} });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const at = pair!.indexOf("=");
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = res.headers.get("location");
      if (!location) throw new Error(`the provider answered ${res.status} without redirecting: ${await res.text()}`);
      next = new URL(location, next);
    }
    throw new Error("too many redirections at the provider");
  }

  return {
    config: { issuer, clientId: "cles", clientSecret: "secret-du-client-cles", scope: SCOPE },
    get next() {
      return state.next;
    },
    set next(agent: Agent) {
      state.next = agent;
    },
    authorize,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
