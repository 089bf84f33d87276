/**
 * The web's API types, derived from the OpenAPI document of the routes' declared
 * schemas (web/api/schema.d.ts, written by `npm run api:types`): never copied by hand.
 */
import type { paths } from "./schema";

type Method = "get" | "put" | "post" | "delete" | "patch";
type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Success<R> = R extends { 200: infer S } ? JsonOf<S> : R extends { 201: infer S } ? JsonOf<S> : R extends { 202: infer S } ? JsonOf<S> : never;

/** The JSON body of the success answer of `method` on `path` (as in the OpenAPI document: "/api/…/{id}"). */
export type ResponseOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { responses: infer R } ? Success<R> : never;

/** The JSON body `method` on `path` expects. */
export type BodyOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

/** An element of a list. */
export type ItemOf<T extends { items: readonly unknown[] }> = T["items"][number];
