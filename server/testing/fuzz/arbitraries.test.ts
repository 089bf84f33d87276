/** The fuzz's own tools: values from schemas, hostile values, requests, fingerprints. */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestApp, type TestContext } from "../app.js";
import { type JsonSchema, mutated, schemaValue } from "./arbitraries.js";
import { fingerprintChanges, fingerprintedTables, takeFingerprint } from "./fingerprint.js";
import { DEEP, RawJson, toJsonText } from "./hostile.js";
import { show } from "./report.js";
import { encode, encodeSegment, requestArb } from "./requests.js";
import { idPools, loadIds, writeRoutes } from "./routes.js";

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 300) => fc.sample(arb, { seed: 42, numRuns });

/** A schema of every kind the routes use: texts, enums, bounds, nullables, arrays, unions, dates, ids. */
const everything = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(2000).default(""),
  kind: z.enum(["copil", "cotech", "working_group"]),
  count: z.number().int().min(1).max(12),
  share: z.number().min(0).max(100).nullable(),
  big: z.number().int(),
  version: z.number().int().min(1),
  startsOn: z.iso.date(),
  startsAt: z.iso.datetime({ offset: true }),
  month: z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60),
  email: z.email(),
  link: z.url().nullable().default(null),
  actionIds: z.array(z.uuid()).max(50).default([]),
  rhythm: z.union([z.object({ kind: z.literal("per_year"), count: z.number().int().min(1).max(52) }), z.null()]),
  agenda: z.array(z.object({ title: z.string().trim().min(1).max(300), minutes: z.number().int().min(1).max(1440).optional() })).min(1).max(5),
  flag: z.boolean().optional(),
});

describe("values from a schema", () => {
  it("are accepted by the zod schema they come from", () => {
    const values = sample(schemaValue(jsonSchema(everything)));
    const refused = values.map((v) => everything.safeParse(v)).filter((r) => !r.success);
    expect(refused.map((r) => r.error?.issues[0])).toEqual([]);
  });

  it("reach the edges: longest texts, bounds, years 0000 and 9999, lone surrogates", () => {
    const values = sample(schemaValue(jsonSchema(everything)), 2000) as z.input<typeof everything>[];
    expect(values.some((v) => v.title.length === 300)).toBe(true);
    expect(values.some((v) => v.count === 1) && values.some((v) => v.count === 12)).toBe(true);
    expect(values.some((v) => v.big > 2 ** 31)).toBe(true);
    expect(values.some((v) => v.startsOn.startsWith("0000") || v.startsOn.startsWith("9999"))).toBe(true);
    expect(values.some((v) => /[\ud800-\udfff]/.test(`${v.title}${v.summary ?? ""}`))).toBe(true);
  });

  it("take real ids for fields named like ids", () => {
    const pools = idPools({ byTable: new Map([["actions", ["a1"]], ["governance_bodies", ["b1"]], ["progress_entries", ["p1"]], ["axes", ["x1"]]]), emails: [], passwords: [] }, { key: "PUT /api/contracts/:contractId/axes/order", method: "PUT", url: "/api/contracts/:contractId/axes/order" });
    expect(pools.idsFor("actionIds")).toEqual(["a1"]);
    expect(pools.idsFor("targetActionId")).toEqual(["a1"]);
    expect(pools.idsFor("bodyId")).toEqual(["b1"]);
    expect(pools.idsFor("entryId")).toEqual(["p1"]);
    expect(pools.idsFor("ids")).toEqual(["x1"]);
    expect([...pools.idsFor("questionId")].sort()).toEqual(["a1", "b1", "p1", "x1"]);
    const values = sample(schemaValue(jsonSchema(z.object({ actionId: z.uuid() })), pools)) as { actionId: string }[];
    expect(values.filter((v) => v.actionId === "a1").length).toBeGreaterThan(150);
  });
});

describe("hostile values", () => {
  it("break valid values at a few places", () => {
    const schema = jsonSchema(everything);
    const broken = sample(schemaValue(schema).chain(mutated), 500);
    const refused = broken.filter((v) => !everything.safeParse(JSON.parse(toJsonText(v).replace(/1e999/g, "1"))).success);
    expect(refused.length).toBeGreaterThan(250);
  });

  it("are serialized as the JSON a hostile client sends", () => {
    expect(toJsonText({ a: new RawJson("1e999"), b: "\ud800", ["__proto__"]: 1 })).toBe('{"a":1e999,"b":"\\ud800","__proto__":1}');
    const deep = toJsonText({ a: new RawJson(`${"[".repeat(DEEP)}${"]".repeat(DEEP)}`) });
    expect(deep.length).toBe(2 * DEEP + 6);
    expect(encodeSegment("a\ud800b😀/")).toBe("a%ED%A0%80b%F0%9F%98%80%2F");
    expect(show({ s: "\u0000\u202e\ud800".padEnd(1000, "a") })).toMatch(/^\{"s": "\\u0000\\u202e\\ud800a+…" \(1000 characters\)\}$/);
  });
});

describe("requests and fingerprints on the app", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("cover every write route, with its schema, DELETEs last", () => {
    const routes = writeRoutes(ctx.server);
    const expected = ctx.server.apiRoutes.filter((r) => /^(POST|PUT|PATCH|DELETE) /.test(r));
    expect(routes.map((r) => r.key).sort()).toEqual([...new Set(expected)].sort());
    expect(routes.findIndex((r) => r.method === "DELETE")).toBe(routes.length - routes.filter((r) => r.method === "DELETE").length);
    expect(routes.find((r) => r.key === "POST /api/contracts/:contractId/axes")?.body?.properties).toHaveProperty("title");
  });

  it("send mostly valid bodies for every route, and every kind of hostile request", async () => {
    const ids = await loadIds(ctx.database.db, ["cles-demo-2026"]);
    const seen = new Set<string>();
    for (const route of writeRoutes(ctx.server)) {
      const schema = ctx.server.apiSchemas.get(route.key)?.body as z.ZodType | undefined;
      const requests = sample(requestArb(route, idPools(ids, route), []), 100);
      if (schema && route.body) {
        // Schema-shaped values mostly pass zod: they reach the services (refinements across fields excepted).
        const values = sample(schemaValue(route.body, idPools(ids, route)), 100);
        const valid = values.filter((v) => schema.safeParse(v).success);
        expect(valid.length, `valid bodies of ${route.key}`).toBeGreaterThan(4);
      }
      for (const r of requests) {
        const sent = encode(r);
        const text = `${r.url} ${Buffer.isBuffer(sent.payload) ? sent.payload.toString("latin1", 0, 2000) : (sent.payload ?? "")}`;
        if (text.includes("[".repeat(DEEP))) seen.add("deep");
        if (/\\u0000|%00/.test(text)) seen.add("nul");
        if (/\\ud800/.test(text)) seen.add("lone surrogate");
        if (text.includes("\u202e")) seen.add("rtl");
        if ((sent.payload?.length ?? 0) > 1024 * 1024) seen.add("1 MB");
        if (/2147483648|9007199254740992|1e999/.test(text)) seen.add("huge number");
        if (/"(0000|9999)-/.test(text)) seen.add("year 0000 or 9999");
        if (r.encoding !== "json") seen.add(`encoding ${r.encoding}`);
        if (r.csrf !== "kept") seen.add("csrf");
      }
    }
    expect([...seen].sort()).toEqual(
      ["1 MB", "csrf", "deep", "encoding broken multipart", "encoding form", "encoding json; charset", "encoding multipart", "encoding none", "encoding raw json", "encoding text/plain", "huge number", "lone surrogate", "nul", "rtl", "year 0000 or 9999"].sort(),
    );
  }, 120_000);

  it("fingerprint every table and tell what changed", async () => {
    const db = ctx.database.db;
    const tables = await fingerprintedTables(db);
    expect(tables).toContain("audit_entries");
    expect(tables).not.toContain("sign_in_failures");
    expect(tables).not.toContain("rate_limits");
    const before = await takeFingerprint(db, tables, [ctx.filesDir]);
    expect(fingerprintChanges(before, await takeFingerprint(db, tables, [ctx.filesDir]))).toEqual([]);
    const list = await ctx.app.inject({ url: "/api/contracts" });
    const contractId = list.json<{ items: { id: string }[] }>().items[0]!.id;
    const res = await ctx.app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: "Axe du test", description: "" } });
    expect(res.statusCode).toBe(201);
    const changes = fingerprintChanges(before, await takeFingerprint(db, tables, [ctx.filesDir]));
    expect(changes.join("\n")).toMatch(/^audit: \d+ → \d+ rows/);
    expect(changes.join("\n")).toMatch(/table axes: \d+ → \d+ rows/);
  });
});
