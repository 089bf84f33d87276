/**
 * Building blocks of the routes' declared responses (`schema.response`): Fastify
 * serialises each answer with its zod schema and /api/openapi.json documents it.
 */
import { isDeepStrictEqual } from "node:util";
import type { FastifySerializerCompiler } from "fastify";
import { createSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { isShared, shareBytes } from "../cache/shared-values.js";
import { problemSchema } from "./problem.js";

/** 204: nothing in the body. */
export const noContent = z.undefined().describe("Aucun contenu");

/** A file (Buffer or text) sent as is, documented by its content type(s) instead of a JSON schema. */
export const fileBody = z.custom<Buffer | Uint8Array | string>(() => true).meta({ type: "string", format: "binary" });

export function binary(description: string, ...mediaTypes: string[]) {
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBody }])) };
}

/** Every error answer (added to every API route by server/app.ts). */
export const problemResponses = {
  "4xx": { description: "Erreur (application/problem+json)", content: { "application/problem+json": { schema: problemSchema } } },
  "5xx": { description: "Erreur interne (application/problem+json)", content: { "application/problem+json": { schema: problemSchema } } },
};

/** Where the answer serialised by the schema differs from the plain JSON of the handler's result ("" when equal). */
export function responseDifference(actual: unknown, expected: unknown, path = "$"): string {
  if (isDeepStrictEqual(actual, expected)) return "";
  if (actual && expected && typeof actual === "object" && typeof expected === "object") {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) {
      const diff = responseDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
      if (diff) return diff;
    }
  }
  return `${path}: ${JSON.stringify(expected)?.slice(0, 120)} became ${JSON.stringify(actual)?.slice(0, 120)}`;
}

/**
 * The zod serializer; with `strict` (tests), it also refuses an answer its schema would
 * change (a field the schema does not declare is dropped silently otherwise), so a schema
 * that lags behind its service fails the route's tests instead of losing data on the wire.
 */
export function responseSerializerCompiler(strict: boolean): FastifySerializerCompiler<z.ZodType> {
  const base = createSerializerCompiler({});
  return (route) => {
    const zodSerialize = base(route as Parameters<typeof base>[0]);
    const serialize = !strict
      ? zodSerialize
      : (data: unknown) => {
          const out = zodSerialize(data);
          const plain = JSON.stringify(data);
          const diff = responseDifference(out === undefined ? undefined : JSON.parse(out), plain === undefined ? undefined : JSON.parse(plain));
          if (diff) throw new Error(`The response schema of ${route.method} ${route.url} changes the answer at ${diff}`);
          return out;
        };
    // A shared answer (server/cache/shared-values.ts) is checked and written once per route and status.
    // Kept as UTF-8 bytes: a string would be encoded again at every send (most answers hold
    // characters beyond Latin-1, « — », which makes the encoding the costliest part of a send).
    const written = new WeakMap<object, Buffer>();
    return (data: unknown) => {
      if (!isShared(data)) return serialize(data);
      let out = written.get(data);
      if (out === undefined) written.set(data, (out = shareBytes(Buffer.from(serialize(data) as string))));
      return out as unknown as string;
    };
  };
}

/** A fiche named in an answer: its id, number and title. */
export const ficheRef = z.object({ id: z.string(), number: z.number(), title: z.string() });

/** The keys of a vocabulary of labels ({ proposed: "Proposé", … }) as a zod enum. */
export const keyEnum = <T extends Record<string, unknown>>(labels: T) =>
  z.enum(Object.keys(labels) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]);

/** { items: [...] }, the shape of the lists. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The success answer of a document route (DOCX, PDF or HTML). */
export const documentResponse = (description: string) =>
  binary(description, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf", "text/html");

/**
 * Documents `schema` in the OpenAPI document while accepting or sending any JSON as is:
 * for a body the handler validates itself (with its own French messages), or an answer
 * sent unchanged.
 */
export const documentedAs = (schema: z.ZodType, io: "input" | "output") =>
  z.unknown().meta(z.toJSONSchema(schema, { io, target: "openapi-3.0", unrepresentable: "any" }) as Record<string, unknown>);
