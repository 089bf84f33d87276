/**
 * fast-check arbitraries built from a JSON schema (the one zod gives for a
 * route: `z.toJSONSchema(schema, { io: "input" })`).
 *
 * `schemaValue` draws values the schema accepts, edges included (empty and
 * longest strings, bounds of numbers, years 0000 and 9999, lone surrogates):
 * they get past validation and reach the services. Fields named like an id
 * (`actionId`, `bodyIds`, `organisation`…) take real ids of the database most
 * of the time. `mutated` then breaks a value at random places with hostile ones.
 */
import fc from "fast-check";
import { HOSTILE_KEYS, hostileFor } from "./hostile.js";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  default?: unknown;
};

/** Real ids of the database, by name of field ("action" for actionId, actionIds, action). */
export interface IdPools {
  /** Ids for a field or parameter name, or every id when the name says nothing. */
  idsFor(name: string): readonly string[];
  /** Known e-mail addresses and passwords (the demo accounts), for sign-in-like fields. */
  emails: readonly string[];
  passwords: readonly string[];
}

export const NO_IDS: IdPools = { idsFor: () => [], emails: [], passwords: [] };

interface Context {
  root: JsonSchema;
  ids: IdPools;
  depth: number;
}

const INT32 = 2 ** 31 - 1;
const pad = (n: number, size: number) => String(n).padStart(size, "0");

/** Mostly years a contract has, sometimes any year of four digits. */
const year = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 2015, max: 2030 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 1969, 1970, 9999) });
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

export const isoDate: fc.Arbitrary<string> = fc
  .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, daysIn(y, m)), 2)}`);

export const isoDateTime: fc.Arbitrary<string> = fc
  .tuple(isoDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 999 })), fc.constantFrom("Z", "+02:00", "+01:00", "-05:00", "+14:00", "-12:00", "+23:59", "-23:59", "+00:00"))
  .map(([date, h, min, s, ms, zone]) => `${date}T${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}${ms === null ? "" : `.${pad(ms, 3)}`}${zone}`);

const word = fc.constantFrom("santé", "Réunion", "COPIL", "fiche", "prévention", "Melun", "l'ARS", "œuvre", "ÉLÉMENT", "ça", "2021", "n°5", "–", "«", "»", "&", "<b>", "x");
const special = fc.constantFrom("\u0000", "\ud800", "\udfff", "\u202e", "\u200f", "\ufeff", "\u2028", "😀", "e\u0301", "\t", "\n", "\\", '"', "'");

/** Fits a string to a length range as zod measures it (UTF-16 units, after trimming for the minimum). */
function fit(s: string, min: number, max: number): string {
  const value = s.trim().length < min ? "x".repeat(min) + s : s;
  return value.slice(0, max);
}

function text(min: number, max: number): fc.Arbitrary<string> {
  const short = Math.min(max, min + 40);
  return fc
    .oneof(
      { weight: 5, arbitrary: fc.string({ minLength: min, maxLength: short, unit: "grapheme" }) },
      { weight: 3, arbitrary: fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")) },
      { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: short, unit: "binary" }) },
      { weight: 1, arbitrary: fc.array(fc.oneof(word, special), { minLength: 1, maxLength: 6 }).map((w) => w.join("")) },
      { weight: 1, arbitrary: fc.constantFrom("a", "é", "😀", " a").map((c) => c.repeat(Math.ceil(max / c.length))) },
    )
    .map((s) => fit(s, min, max));
}

function email(ids: IdPools): fc.Arbitrary<string> {
  const made = fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,20}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,15}[a-z0-9]$/), fc.constantFrom("fr", "test", "org"))
    .map(([local, domain, tld]) => `${local.replace(/\.\.+/g, ".")}@${domain}.${tld}`);
  return ids.emails.length ? fc.oneof({ weight: 2, arbitrary: made }, { weight: 1, arbitrary: fc.constantFrom(...ids.emails) }) : made;
}

const url = fc.tuple(fc.constantFrom("https://", "http://"), fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom(".fr", ".test", ".example.org"), fc.stringMatching(/^(\/[a-z0-9-]{1,10}){0,3}$/)).map((p) => p.join(""));

function id(name: string, ids: IdPools): fc.Arbitrary<string> {
  const real = ids.idsFor(name);
  const random = fc.uuid({ version: [1, 4, 7] });
  return real.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: random }) : random;
}

function stringValue(schema: JsonSchema, name: string, ctx: Context): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 20_000;
  const inRange = (s: string) => s.length >= min && s.length <= max;
  switch (schema.format) {
    case "uuid":
    case "guid":
      return id(name, ctx.ids);
    case "date":
      return isoDate;
    case "date-time":
      return isoDateTime;
    case "email":
      return email(ctx.ids).filter(inRange);
    case "uri":
    case "url":
      return url.filter(inRange);
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(inRange);
    } catch {
      // A pattern fast-check does not support: plain text, which may be refused.
    }
  }
  const real = /id$/i.test(name) ? ctx.ids.idsFor(name).filter(inRange) : [];
  if (real.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: text(min, max) });
  if (/password/i.test(name) && ctx.ids.passwords.length) return fc.oneof(text(min, max), fc.constantFrom(...ctx.ids.passwords));
  if (/e-?mail/i.test(name)) return email(ctx.ids).filter(inRange);
  // INSEE codes of an ARS territory: real ones most of the time, as a person picks them from a list.
  if (name === "departement") return fc.oneof({ weight: 19, arbitrary: fc.constantFrom("21", "77", "2A", "974", "75") }, { weight: 1, arbitrary: text(min, max) });
  if (name === "region") return fc.oneof({ weight: 19, arbitrary: fc.constantFrom("11", "27", "84", "93") }, { weight: 1, arbitrary: text(min, max) });
  return text(min, max);
}

function numberValue(schema: JsonSchema, integer: boolean, name: string): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : integer ? Number.MIN_SAFE_INTEGER : -Number.MAX_VALUE);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : integer ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE);
  const within = (n: number) => n >= min && n <= max;
  const edges = [min, max, 0, 1, -1, INT32, INT32 + 1, -INT32 - 1, 2 ** 53 - 1, 1e15].filter((n) => within(n) && (!integer || Number.isInteger(n)));
  const parts: fc.WeightedArbitrary<number>[] = edges.length ? [{ weight: 1, arbitrary: fc.constantFrom(...edges) }] : [];
  if (integer) {
    const low = Math.max(min, -INT32 - 1);
    const high = Math.min(max, INT32);
    if (low <= high) {
      parts.push({ weight: 4, arbitrary: fc.integer({ min: low, max: Math.min(high, low + 10) }) });
      parts.push({ weight: 2, arbitrary: fc.integer({ min: low, max: high }) });
    }
    // Past int4: the whole range of the schema (a filter would almost never pass on a small one).
    if (min < -INT32 - 1 || max > INT32) parts.push({ weight: 1, arbitrary: max - min > 2 ** 52 ? fc.maxSafeInteger().filter(within) : fc.maxSafeNat().map((n) => min + (n % (max - min + 1))) });
  } else {
    parts.push({ weight: 3, arbitrary: fc.double({ min: Math.max(min, -1e6), max: Math.min(max, 1e6), noNaN: true, noDefaultInfinity: true }).filter(within) });
    parts.push({ weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) });
  }
  // The version read is small: 1 for most demo rows, a few more once the fuzz has changed them.
  if (name === "version" && integer && min <= 1 && max >= 3) parts.push({ weight: 12, arbitrary: fc.integer({ min: Math.max(min, 1), max: 3 }) });
  const arb = fc.oneof(...parts);
  return schema.multipleOf ? arb.map((n) => Math.round(n / schema.multipleOf!) * schema.multipleOf!).filter(within) : arb;
}

function resolve(ref: string, root: JsonSchema): JsonSchema {
  const path = ref.replace(/^#\/?/, "").split("/").filter(Boolean);
  let node: unknown = root;
  for (const key of path) node = (node as Record<string, unknown>)[decodeURIComponent(key)];
  return (node ?? {}) as JsonSchema;
}

function objectValue(schema: JsonSchema, ctx: Context): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, build(s, key, ctx)]));
  const record = orderPairs(fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) }));
  const extra = schema.additionalProperties;
  if (!extra || Object.keys(properties).length) return record as fc.Arbitrary<Record<string, unknown>>;
  const values = extra === true ? fc.jsonValue({ maxDepth: 2 }) : build(extra, "", ctx);
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), values, { maxKeys: 5 });
}

/** Pairs of fields a form fills in order (a start before its end), as a person would, most of the time; and fields a form shows together. */
const ORDERED_PAIRS: [string, string][] = [
  ["startsAt", "endsAt"],
  ["startDate", "endDate"],
  ["from", "to"],
];

function orderPairs(record: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(record, fc.integer({ min: 0, max: 9 })).map(([value, dice]) => {
    if (dice === 0) return value;
    // An account's form shows only its role's fields (server/features/users): a territory for the ARS, a contract for the coordination.
    if (value.role === "admin" || value.role === "ars" || value.role === "coordinator") {
      if (value.role !== "ars") {
        if (Array.isArray(value.departements)) value.departements = [];
        if (Array.isArray(value.regions)) value.regions = [];
      }
      if (value.role !== "coordinator") delete value.contractId;
    }
    // A fiche's form ticks one to three determinants, each once; its budget lines differ in year, funder or status.
    if (Array.isArray(value.determinants) && value.determinants.length) value.determinants = [...new Set(value.determinants)].slice(0, 3);
    if (Array.isArray(value.budgets)) {
      const seen = new Set<string>();
      value.budgets = value.budgets.filter((b: unknown) => {
        const key = JSON.stringify([(b as Record<string, unknown>)?.year, (b as Record<string, unknown>)?.funderId, (b as Record<string, unknown>)?.status]);
        return !seen.has(key) && !!seen.add(key);
      });
    }
    for (const [start, end] of ORDERED_PAIRS) {
      const a = value[start];
      const b = value[end];
      if (typeof a === "string" && typeof b === "string" && Date.parse(b) < Date.parse(a)) {
        value[start] = b;
        value[end] = a;
      }
    }
    return value;
  });
}

function arrayValue(schema: JsonSchema, name: string, ctx: Context): fc.Arbitrary<unknown[]> {
  const itemName = name.replace(/s$/, "");
  const items = schema.items ? build(schema.items, itemName, ctx) : fc.jsonValue({ maxDepth: 1 });
  const min = schema.minItems ?? 0;
  const max = schema.maxItems ?? Math.max(min, 200);
  const constraints = { minLength: min, maxLength: Math.min(max, min + 5) };
  const some = schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
  // Arrays at their longest near the body's root only: nested ones at their longest multiply
  // (a contract file's surveys × questions × choices) into bodies too large to build.
  const full = max <= 200 && !schema.uniqueItems && ctx.depth <= 3 ? fc.array(items, { minLength: max, maxLength: max }) : some;
  const prefix = schema.prefixItems?.map((s, i) => build(s, `${itemName}${i}`, ctx));
  const arb = fc.oneof({ weight: 8, arbitrary: some }, { weight: 1, arbitrary: full });
  return prefix ? fc.tuple(fc.tuple(...prefix), arb).map(([head, tail]) => [...head, ...tail.slice(head.length)]) : arb;
}

function build(schema: JsonSchema | boolean, name: string, ctx: Context): fc.Arbitrary<unknown> {
  if (schema === true || (typeof schema === "object" && Object.keys(schema).filter((k) => !["$schema", "default", "description", "title"].includes(k)).length === 0)) return fc.jsonValue({ maxDepth: 3 });
  if (schema === false) return fc.constant(undefined);
  const inner: Context = { ...ctx, depth: ctx.depth + 1 };
  if (schema.$ref) return ctx.depth > 8 ? fc.constant(null) : build(resolve(schema.$ref, ctx.root), name, inner);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => build(s, name, inner)));
  if (schema.allOf) return build(Object.assign({}, ...schema.allOf) as JsonSchema, name, inner);
  const types = [schema.type ?? (schema.properties ? "object" : "")].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => build({ ...schema, type }, name, ctx)));
  switch (types[0]) {
    case "string":
      return stringValue(schema, name, ctx);
    case "integer":
      return numberValue(schema, true, name);
    case "number":
      return numberValue(schema, false, name);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return arrayValue(schema, name, inner);
    case "object":
      return objectValue(schema, inner);
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Values the schema accepts; `name` is the field or parameter name (ids, e-mails, passwords). */
export function schemaValue(schema: JsonSchema, ids: IdPools = NO_IDS, name = ""): fc.Arbitrary<unknown> {
  return build(schema, name, { root: schema, ids, depth: 0 });
}

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

/** A copy of `value` with `change` applied to the node at `path`. */
function update(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (!path.length) return change(value);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = update(copy[head!], rest, change);
  if (next === REMOVE) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head!];
  } else setOwn(copy, head!, next);
  return copy;
}

/** Sets a key, "__proto__" included, as an own property (what JSON.parse makes of it). */
function setOwn(target: object, key: string | number, value: unknown): object {
  return Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const REMOVE = Symbol("remove");

type Mutation = { site: number; kind: "replace" | "remove" | "add" | "grow"; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  site: fc.nat(),
  kind: fc.constantFrom<Mutation["kind"]>("replace", "replace", "replace", "remove", "add", "grow"),
  key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 10 })),
});

/**
 * `value` broken at one to three places: a node replaced by a hostile value
 * (of the same JSON type most of the time), a key removed, a key added, an array grown.
 */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).chain((mutations) => {
    let result: fc.Arbitrary<unknown> = fc.constant(value);
    for (const m of mutations) {
      result = result.chain((current) => {
        const paths = pathsOf(current);
        const path = paths[m.site % paths.length]!;
        const node = at(current, path);
        return hostileFor(node).map((bad) => {
          if (m.kind === "remove" && path.length) return update(current, path, () => REMOVE);
          if (m.kind === "add" && node && typeof node === "object" && !Array.isArray(node)) return update(current, path, (n) => setOwn({ ...(n as object) }, m.key, bad));
          if (m.kind === "grow" && Array.isArray(node)) return update(current, path, (n) => [...(n as unknown[]), ...Array.from({ length: 500 }, () => (n as unknown[])[0] ?? bad)]);
          return update(current, path, () => bad);
        });
      });
    }
    return result;
  });
}
