/** What every bench part shares: percentiles, signed-in sessions over HTTP, the result rows. */

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summary(times: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** One measure of results.json. Times in ms; `ratio` = measured / target (or target / measured for "at least" targets). */
export interface BenchResult {
  name: string;
  engine: "postgres" | "pglite" | "node" | "chromium" | "web";
  p50?: number;
  p95?: number;
  p99?: number;
  rps?: number;
  helloRps?: number;
  /** The hello-world's req/s when it answers as many bytes as the page (same run). */
  helloSizedRps?: number;
  /** Mean bytes per response of the page. */
  bytes?: number;
  floorP95?: number;
  queries?: number;
  /** Queries of the first request of a page, nothing cached. */
  queriesUncached?: number;
  rssMb?: number;
  /** Human-readable target, e.g. "≥ 25 % of hello-world req/s". */
  target?: string;
  ratio?: number;
  met?: boolean;
  note?: string;
}

/** A browser-like session: the CSRF cookie and token, then the session cookie once signed in. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

export async function newSession(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/session`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(res) };
}

export async function signIn(baseUrl: string, session: Session, email: string, password: string): Promise<Response> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrfToken },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return res;
}

/** A signed-in session (cookie with CSRF and session cookies, and the CSRF token for writes). */
export async function signedIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const session = await newSession(baseUrl);
  const res = await signIn(baseUrl, session, email, password);
  if (res.status !== 200) throw new Error(`sign-in of ${email} → ${res.status}`);
  return { csrfToken: session.csrfToken, cookie: `${session.cookie}; ${cookiesOf(res)}` };
}

export async function getJson<T>(baseUrl: string, path: string, session: Session): Promise<T> {
  const res = await fetch(baseUrl + path, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

export async function postJson(baseUrl: string, path: string, session: Session, body: unknown): Promise<number> {
  const res = await fetch(baseUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrfToken },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** p50/p95/p99 of `n` sequential GETs on one connection, after `warm` unmeasured ones. */
export async function sequential(baseUrl: string, path: string, session: Session, n: number, warm = 20) {
  for (let i = 0; i < warm; i++) await (await fetch(baseUrl + path, { headers: { cookie: session.cookie } })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(baseUrl + path, { headers: { cookie: session.cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    times.push(performance.now() - t0);
  }
  return summary(times);
}
