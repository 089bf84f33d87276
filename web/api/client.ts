/** The API client: JSON in, JSON out, problem+json errors turned into ApiError. */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }

  /** Field errors keyed by dotted path, for forms. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.errors.map((e) => [e.path, e.message]));
  }
}

/** The CSRF token every state-changing request carries; given by GET /api/auth/session. */
let csrfToken = "";
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Told when the server says the session is gone (401), so that the app can ask to sign in. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

interface ApiInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an answer (sign-in form), not a lost session. */
  expectUnauthorized?: boolean;
}

async function send(path: string, init: ApiInit): Promise<Response> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  try {
    return await fetch(`/api${path}`, { method, headers, body: init.body !== undefined ? JSON.stringify(init.body) : undefined, signal: init.signal });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez ; vos saisies sont conservées sur cette page.");
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await fetch("/api/auth/session", { headers: { accept: "application/json" } });
  if (response.ok) csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  let response = await send(path, init);
  if (response.status === 403 && (init.method ?? "GET") !== "GET") {
    // A token made stale by a sign-in elsewhere: fetch a new one and try once more.
    const problem = (await response.clone().json().catch(() => ({}))) as { title?: string };
    if (problem.title === "Jeton de sécurité invalide") {
      await refreshCsrfToken();
      response = await send(path, init);
    }
  }
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const payload = isJson ? await response.json() : null;
  if (!response.ok) {
    const problem = (payload ?? {}) as { detail?: string; errors?: FieldError[] };
    if (response.status === 401 && !init.expectUnauthorized) onSignedOut();
    throw new ApiError(response.status, problem.detail ?? `Erreur ${response.status}.`, problem.errors ?? []);
  }
  return payload as T;
}
