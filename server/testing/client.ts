/**
 * A browser-like client of the API for tests: it keeps its cookies (session,
 * CSRF secret) and sends the CSRF token on every request, like the web app.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { CSRF_HEADER } from "../auth/plugin.js";
import { DEMO_PASSWORD } from "../demo/accounts.js";

export class TestClient {
  private readonly cookies = new Map<string, string>();
  csrfToken = "";

  constructor(readonly server: FastifyInstance) {}

  /** Like `app.inject`, with this client's cookies and CSRF token (explicit headers win). */
  async inject(options: InjectOptions | string): Promise<LightMyRequestResponse> {
    const { headers, ...rest } = typeof options === "string" ? { url: options } : options;
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.server.inject({
      ...rest,
      headers: { ...(cookie ? { cookie } : {}), ...(this.csrfToken ? { [CSRF_HEADER]: this.csrfToken } : {}), ...headers },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** Another client holding the same cookies and token (the same session, if any). */
  clone(): TestClient {
    const copy = new TestClient(this.server);
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    copy.csrfToken = this.csrfToken;
    return copy;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  /** Fetches the CSRF token (and its cookie) as the web app does on start-up. */
  async refreshSession(): Promise<{ user: { id: string; name: string; email: string; isAdmin: boolean } | null }> {
    const res = await this.inject({ url: "/api/auth/session" });
    if (res.statusCode !== 200) throw new Error(`session: ${res.statusCode} ${res.body}`);
    const body = res.json<{ user: null; csrfToken: string }>();
    this.csrfToken = body.csrfToken;
    return body;
  }
}

/** A client with a CSRF token and no session. */
export async function anonymousClient(server: FastifyInstance): Promise<TestClient> {
  const client = new TestClient(server);
  await client.refreshSession();
  return client;
}

/** A client signed in as `email` (the demo password by default); throws unless sign-in succeeds. */
export async function signedInClient(server: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = await anonymousClient(server);
  const res = await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email}: ${res.statusCode} ${res.body}`);
  await client.refreshSession();
  return client;
}
