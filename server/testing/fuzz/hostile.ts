/**
 * Hostile values for the fuzz: what a careless or malicious client sends.
 * JSON that JavaScript cannot build (10,000 levels deep, 1e999, duplicate keys)
 * is kept as raw text in a RawJson and spliced in when the body is serialized.
 */
import fc from "fast-check";

/** JSON text inserted as is by toJsonText. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serializes a body that may hold RawJson pieces. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : toJsonText(v))).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const MEGABYTE = 1024 * 1024;
export const DEEP = 10_000;
const deepArray = new RawJson(`${"[".repeat(DEEP)}${"]".repeat(DEEP)}`);
const deepObject = new RawJson(`${'{"a":'.repeat(DEEP)}1${"}".repeat(DEEP)}`);

/** Strings no field expects: control and bidi characters, lone surrogates, huge ones, injections. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\ud800x",
  "x\udfff",
  "\udfff\ud800",
  "\u202e",
  "\u202egnp.exe",
  "\u200f\u200e\u2066\u2069",
  "\ufeff",
  "\u2028\u2029",
  "\u0007\u001b[31m",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦".repeat(50),
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; drop table contracts; --",
  "${7*7}{{7*7}}",
  "../../../etc/passwd",
  "%00",
  "%s%n%x",
  "NaN",
  "Infinity",
  "-0",
  "1e999",
  "0x1F",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "   texte entouré d'espaces   ",
  "a".repeat(MEGABYTE),
  "\u0000".repeat(1000),
  "x".repeat(200_001),
  "é".repeat(300_000),
];

/** Dates and date-times at and past the edges of what a calendar, JavaScript or PostgreSQL accept. */
export const HOSTILE_DATES: readonly string[] = [
  "0000-01-01",
  "0000-02-29",
  "9999-12-31",
  "0001-01-01",
  "1000-01-01",
  "4713-01-01",
  "0000-00-00",
  "2021-02-29",
  "2021-13-01",
  "2021-06-31",
  "-000001-01-01",
  "+275760-09-13",
  "275761-01-01",
  "1969-12-31",
  "2021-1-1",
  "0000-01",
  "9999-12",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "9999-12-31T23:59:59+23:59",
  "0000-01-01T00:00:00-23:59",
  "2021-06-31T25:61:61Z",
  "2021-01-01T00:00:00.123456789012Z",
  "2021-09-14T14:00:00",
];

/** Numbers at the edges of int4, of JavaScript's safe integers and of doubles. */
export const HOSTILE_NUMBERS: readonly unknown[] = [
  -1,
  0,
  1.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-7,
  1e21,
  new RawJson("1e999"),
  new RawJson("-1e999"),
  new RawJson("123456789012345678901234567890"),
  new RawJson("1.0"),
  new RawJson("-0"),
];

/** Values of the wrong shape, huge or deep structures. */
export const HOSTILE_SHAPES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [null],
  { "": null },
  ["a", 1, null, {}],
  deepArray,
  deepObject,
  new RawJson(`[${"0,".repeat(100_000)}0]`),
  new RawJson(`{${Array.from({ length: 10_000 }, (_, i) => `"k${i}":${i}`).join(",")}}`),
  new RawJson('{"__proto__":{"isAdmin":true,"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
  new RawJson('{"a":1,"a":"deux"}'),
];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SHAPES) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** A hostile value, preferring ones of the same JSON type as the value it replaces. */
export function hostileFor(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === "string") return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...HOSTILE_DATES) }, { weight: 1, arbitrary: hostileValue });
  if (typeof value === "number") return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) }, { weight: 1, arbitrary: hostileValue });
  return hostileValue;
}

/** Keys a body should not have. */
export const HOSTILE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype", "id", "isAdmin", "", "k".repeat(10_000), "\u0000", "\ud800", "version"];

/** Whole bodies: broken or empty JSON, deep nesting, over the 2 MB limit, invalid UTF-8. */
export const HOSTILE_BODIES: readonly (string | Buffer)[] = [
  "",
  " ",
  "null",
  '"texte"',
  "[]",
  "0",
  "{",
  '{"a":',
  "{'a': 1}",
  "\u0000",
  "\ufeff{}",
  "NaN",
  "1e999",
  deepArray.text,
  deepObject.text,
  `{"a":${deepArray.text}}`,
  `[${'"x",'.repeat(3 * MEGABYTE / 4)}"x"]`,
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
];

/** Path segments where an id should be (already URL-encoded, or deliberately malformed). */
export const HOSTILE_SEGMENTS: readonly string[] = [
  "%00",
  "a%00b",
  "abc",
  "-1",
  "0",
  "2147483648",
  "null",
  "undefined",
  "%20",
  "%2e%2e",
  "..",
  "%2F",
  "%",
  "%ZZ",
  "%E0%A4%A",
  "%ED%A0%80",
  "%F0%9F%92%A9",
  "%E2%80%AE",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "A".repeat(10_000),
  "%C3%A9".repeat(2000),
];

/** Query strings no route expects. */
export const HOSTILE_QUERIES: readonly string[] = ["a=%00", "slug=%00", "slug[]=a&slug[]=b", "slug=a&slug=b", "%", "%ZZ=1", `${"a[b]".repeat(500)}=1`, Array.from({ length: 2000 }, (_, i) => `k${i}=${i}`).join("&")];

/** Files to upload: a few real formats, wrong ones, empty, broken, big. */
export function hostileFiles(samples: { name: string; content: Buffer }[]): fc.Arbitrary<{ name: string; content: Buffer; type: string }> {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const contents = [
    { name: "support.pdf", content: pdf },
    { name: "photo.png", content: png },
    { name: "vide.pdf", content: Buffer.alloc(0) },
    { name: "texte.txt", content: Buffer.from("bonjour") },
    { name: "faux.pdf", content: png },
    { name: "aleatoire.bin", content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
    { name: "gros.pdf", content: Buffer.concat([pdf, Buffer.alloc(3 * MEGABYTE, 0x20)]) },
    ...samples,
    ...samples.map((s) => ({ name: s.name, content: s.content.subarray(0, Math.floor(s.content.length / 2)) })),
  ];
  const names = ["../../etc/passwd", "\u0000.pdf", "\u202efdp.exe", `${"n".repeat(1000)}.pdf`, "", "é.pdf", "sans-extension", "a\r\nb.pdf"];
  const types = ["application/pdf", "application/octet-stream", "text/plain", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png"];
  return fc.record({
    file: fc.constantFrom(...contents),
    name: fc.option(fc.constantFrom(...names), { freq: 4 }),
    type: fc.constantFrom(...types),
  }).map(({ file, name, type }) => ({ name: name ?? file.name, content: file.content, type }));
}
