/**
 * Whole requests for one route: path parameters, query string, body, content
 * type, CSRF header and client address, each mostly as the schema wants it and
 * sometimes hostile.
 */
import fc from "fast-check";
import { type IdPools, type JsonSchema, mutated, schemaValue } from "./arbitraries.js";
import { HOSTILE_BODIES, HOSTILE_QUERIES, HOSTILE_SEGMENTS, hostileFiles, hostileValue, RawJson, toJsonText } from "./hostile.js";
import type { Example, WriteRoute } from "./routes.js";

export type Encoding = "json" | "json; charset" | "raw json" | "none" | "text/plain" | "form" | "multipart" | "broken multipart";

export interface FuzzRequest {
  method: WriteRoute["method"];
  url: string;
  /** The body before encoding (for the report), or a raw body. */
  body: unknown;
  encoding: Encoding;
  file?: { name: string; content: Buffer; type: string };
  csrf: "kept" | "missing" | "wrong";
  remoteAddress: string;
}

export interface Sent {
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const BOUNDARY = "----cles-fuzz-boundary";

function formField(value: unknown): string {
  return typeof value === "string" ? value : toJsonText(value);
}

function multipart(body: unknown, file: FuzzRequest["file"]): Buffer {
  const parts: Buffer[] = [];
  if (file) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replace(/"/g, "%22")}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from("\r\n"));
  }
  if (body && typeof body === "object" && !(body instanceof RawJson)) {
    for (const [key, value] of Object.entries(body).slice(0, 20)) {
      parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${key.replace(/"/g, "%22")}"\r\n\r\n${formField(value)}\r\n`));
    }
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** The headers and payload `inject` sends for a request. */
export function encode(request: FuzzRequest): Sent {
  const { body, encoding } = request;
  const headers: Record<string, string> = {};
  if (request.csrf !== "kept") headers["x-csrf-token"] = request.csrf === "missing" ? "" : "jeton-faux";
  const json = body === undefined ? undefined : toJsonText(body);
  switch (encoding) {
    case "json":
      return json === undefined ? { headers } : { headers: { ...headers, "content-type": "application/json" }, payload: json };
    case "json; charset":
      return { headers: { ...headers, "content-type": "application/json; charset=iso-8859-1" }, payload: json ?? "{}" };
    case "raw json":
      return { headers: { ...headers, "content-type": "application/json" }, payload: body as string | Buffer };
    case "none":
      return { headers, payload: json ?? "{}" };
    case "text/plain":
      return { headers: { ...headers, "content-type": "text/plain" }, payload: json ?? "texte" };
    case "form": {
      const entries = body && typeof body === "object" && !(body instanceof RawJson) ? Object.entries(body) : [["valeur", body]];
      return { headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(entries.map(([k, v]) => [String(k), formField(v)])).toString() };
    }
    case "multipart":
      return { headers: { ...headers, "content-type": `multipart/form-data; boundary=${BOUNDARY}` }, payload: multipart(body, request.file) };
    case "broken multipart":
      return { headers: { ...headers, "content-type": "multipart/form-data" }, payload: multipart(body, request.file).subarray(0, 60) };
  }
}

/** encodeURIComponent, except that a lone surrogate is sent as the three bytes a careless client sends (WTF-8). */
export function encodeSegment(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) out += encodeURIComponent(value.slice(i, ++i + 1));
    else if (c >= 0xd800 && c <= 0xdfff) out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    else out += encodeURIComponent(value[i]!);
  }
  return out;
}

function pathArb(route: WriteRoute, ids: IdPools): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const segment = (name: string) => {
    const schema = route.params?.properties?.[name] ?? { type: "string", format: "uuid" };
    const valid = schemaValue(schema, ids, name).map((v) => encodeSegment(String(v)));
    return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) }, { weight: 1, arbitrary: fc.uuid() });
  };
  return fc.tuple(...names.map(segment)).map((values) => values.reduce((url, v, i) => url.replace(`:${names[i]}`, v), route.url));
}

function queryArb(schema: JsonSchema | undefined, ids: IdPools): fc.Arbitrary<string> {
  const hostile = fc.constantFrom(...HOSTILE_QUERIES);
  if (!schema) return fc.oneof({ weight: 15, arbitrary: fc.constant("") }, { weight: 1, arbitrary: hostile });
  const valid = schemaValue(schema, ids).map((q) => new URLSearchParams(Object.entries(q as Record<string, unknown>).map(([k, v]) => [k, formField(v)])).toString());
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: fc.constant("") }, { weight: 1, arbitrary: hostile });
}

/**
 * Bodies: as the schema wants (or, without a body schema, none and a file
 * upload), the same broken at a few places, raw hostile bodies, hostile values.
 */
function bodyArb(schema: JsonSchema | undefined, ids: IdPools): fc.Arbitrary<{ body: unknown; encoding: Encoding }> {
  const others = fc.constantFrom<Encoding>("json; charset", "none", "text/plain", "form", "broken multipart");
  const raw = fc.constantFrom(...HOSTILE_BODIES).map((body) => ({ body, encoding: "raw json" as Encoding }));
  if (!schema) {
    const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileValue);
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant({ body: undefined, encoding: "json" as Encoding }) },
      { weight: 4, arbitrary: fc.option(junk, { freq: 3 }).map((body) => ({ body: body ?? undefined, encoding: "multipart" as Encoding })) },
      { weight: 1, arbitrary: junk.map((body) => ({ body, encoding: "json" as Encoding })) },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: fc.tuple(junk, others).map(([body, encoding]) => ({ body, encoding })) },
    );
  }
  const valid = schemaValue(schema, ids);
  return fc.oneof(
    { weight: 8, arbitrary: valid.map((body) => ({ body, encoding: "json" as Encoding })) },
    { weight: 8, arbitrary: valid.chain(mutated).map((body) => ({ body, encoding: "json" as Encoding })) },
    { weight: 1, arbitrary: hostileValue.map((body) => ({ body, encoding: "json" as Encoding })) },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom<Encoding>("multipart", "json; charset", "none", "text/plain", "form", "broken multipart")).map(([body, encoding]) => ({ body, encoding })) },
  );
}

/** The path and body of an example read from the app, as is or broken at a few places. */
function exampleArb(examples: Example[]): fc.Arbitrary<{ path: string; body: { body: unknown; encoding: Encoding } }> {
  return fc
    .constantFrom(...examples)
    .chain((e) => fc.oneof(fc.constant(e.body), mutated(e.body)).map((body) => ({ path: e.path, body: { body, encoding: "json" as Encoding } })));
}

/**
 * Every request the fuzz may send to `route`. `files` are real uploads (the
 * fiches workbook…), `examples` requests suggested by the app (routes.ts).
 */
export function requestArb(route: WriteRoute, ids: IdPools, files: { name: string; content: Buffer }[], examples: Example[] = []): fc.Arbitrary<FuzzRequest> {
  const drawn = fc.record({ path: pathArb(route, ids), body: bodyArb(route.body, ids) });
  const target = examples.length ? fc.oneof({ weight: 3, arbitrary: drawn }, { weight: 2, arbitrary: exampleArb(examples) }) : drawn;
  return fc
    .record({
      target,
      query: queryArb(route.querystring, ids),
      file: hostileFiles(files),
      csrf: fc.oneof({ weight: 40, arbitrary: fc.constant<FuzzRequest["csrf"]>("kept") }, { weight: 1, arbitrary: fc.constantFrom<FuzzRequest["csrf"]>("missing", "wrong") }),
      remoteAddress: fc.oneof({ weight: 4, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.constant("127.0.0.1") }),
    })
    .map(({ target: { path, body }, query, file, csrf, remoteAddress }) => ({
      method: route.method,
      url: query ? `${path}?${query}` : path,
      ...body,
      ...(body.encoding.includes("multipart") ? { file } : {}),
      csrf,
      remoteAddress,
    }));
}
