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

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? "GET",
      headers: init.body !== undefined ? { "content-type": "application/json", accept: "application/json" } : { accept: "application/json" },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez ; vos saisies sont conservées sur cette page.");
  }
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const payload = isJson ? await response.json() : null;
  if (!response.ok) {
    const problem = (payload ?? {}) as { detail?: string; errors?: FieldError[] };
    throw new ApiError(response.status, problem.detail ?? `Erreur ${response.status}.`, problem.errors ?? []);
  }
  return payload as T;
}
