/**
 * What no schema should have to think about, checked once for every request
 * before validation: JSON nested deeper than any form of Clés, and text that
 * PostgreSQL refuses (the NUL character in text, a lone UTF-16 surrogate in
 * jsonb). Each gets a 400 naming the field, never a 500 from the database.
 */
import type { FastifyInstance } from "fastify";
import { invalid, Problem, type FieldError } from "./problem.js";

/** Deeper than any body of the API (the contract exchange format nests about 8 levels). */
export const MAX_DEPTH = 32;

const NUL_MESSAGE = "Ce texte contient un caractère invalide (caractère nul) : retirez-le puis réessayez.";
const SURROGATE_MESSAGE = "Ce texte contient un caractère invalide (caractère Unicode incomplet) : retirez-le puis réessayez.";
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textError(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

export type TextProblem = { kind: "depth"; path: string } | { kind: "text"; error: FieldError };

/**
 * The first problem of a parsed JSON value, walked without recursion (a value
 * nested 10,000 deep must not overflow the stack), or null. Keys are checked like values.
 */
export function findTextProblem(value: unknown, prefix: (string | number)[] = []): TextProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: prefix }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const message = textError(current);
      if (message) return { kind: "text", error: { path: path.join("."), message } };
      continue;
    }
    if (!current || typeof current !== "object") continue;
    if (path.length - prefix.length >= MAX_DEPTH) return { kind: "depth", path: path.join(".") };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((item, i) => [i, item]) : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      if (typeof key === "string") {
        const message = textError(key);
        if (message) return { kind: "text", error: { path: [...path, key].join("."), message } };
      }
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** The 400 for a text problem of a request part ("" for the body, "params", "querystring"). */
export function textProblemError(problem: TextProblem): Problem {
  if (problem.kind === "depth") return new Problem(400, "Requête invalide", `Le contenu envoyé est imbriqué sur plus de ${MAX_DEPTH} niveaux : ce n'est pas une donnée de Clés.`);
  return invalid([problem.error]);
}

/** Nothing, or an object of clean strings (a route's parameters, most query strings): nothing to walk. */
function flatAndClean(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "object" || Array.isArray(value)) return false;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v !== "string" || textError(key) || textError(v)) return false;
  }
  return true;
}

/** Throws the 400 when a parsed document (a request body, an imported file) holds such a problem. */
export function assertCleanText(value: unknown, prefix: (string | number)[] = []): void {
  if (flatAndClean(value)) return;
  const problem = findTextProblem(value, prefix);
  if (problem) throw textProblemError(problem);
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", (request, _reply, done) => {
    try {
      assertCleanText(request.params, ["params"]);
      assertCleanText(request.query, ["querystring"]);
      assertCleanText(request.body);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
}
