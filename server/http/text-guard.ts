/**
 * PostgreSQL refuses the NUL character in text. A request whose JSON holds one
 * gets a 400 naming the field, rather than a 500 from the database.
 */
import type { FastifyInstance } from "fastify";
import { invalid } from "./problem.js";

/** Dotted path of the first string holding a NUL character, or null. */
export function findNul(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, i]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const path = findNul(request.body);
    if (path !== null) throw invalid([{ path, message: "Ce texte contient un caractère invalide (caractère nul) : retirez-le puis réessayez." }]);
  });
}
