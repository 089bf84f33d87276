/**
 * Attachments on S3-compatible storage (issue 17): S3_URL parsed with French errors that never
 * repeat the secret; s3Storage against a local s3rver (binary round trip, missing key, key
 * rule); a meeting attachment uploaded, downloaded and deleted through the API with the bucket
 * as storage; a backup of that instance restored into another bucket prefix.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../backup/backup.js";
import { restoreBackup } from "../backup/restore.js";
import type { Database } from "../db/client.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { signedInClient } from "../testing/client.js";
import { openTestDatabase } from "../testing/database.js";
import { expectProblem } from "../testing/http.js";
import { DEFAULT_S3_REGION, parseS3Prefix, parseS3Url, s3Location, s3Storage, type S3Config } from "./s3.js";
import { storageFromEnv } from "./storage.js";

const BUCKET = "cles-test";
const SECRET = "S3RVER";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

describe("S3_URL", () => {
  it("gives endpoint (https unless tls=false), bucket, region (us-east-1 by default) and percent-decoded keys", () => {
    expect(parseS3Url("s3://AKIA:se%2Fcr%2Bet@s3.fr-par.scw.cloud/cles-prod?region=fr-par")).toEqual({
      endpoint: "https://s3.fr-par.scw.cloud",
      bucket: "cles-prod",
      region: "fr-par",
      accessKeyId: "AKIA",
      secretAccessKey: "se/cr+et",
    });
    expect(parseS3Url("s3://minio:minio123@127.0.0.1:9000/cles/?tls=false")).toEqual({ endpoint: "http://127.0.0.1:9000", bucket: "cles", region: DEFAULT_S3_REGION, accessKeyId: "minio", secretAccessKey: "minio123" });
    expect(parseS3Url(" s3://k:s@[::1]:9000/cles?tls=true ").endpoint).toBe("https://[::1]:9000");
  });

  it("refuses a malformed URL in French, without ever repeating the secret", () => {
    const cases: [string, RegExp][] = [
      ["pas une adresse", /ce n'est pas une adresse lisible/],
      ["https://k:topsecret@s3.gra.io.cloud.ovh.net/cles", /doit commencer par s3:\/\/ \(et non https:\/\/\)/],
      ["s3://s3.gra.io.cloud.ovh.net/cles", /la clé d'accès et la clé secrète/],
      ["s3://k@s3.gra.io.cloud.ovh.net/cles", /la clé d'accès et la clé secrète/],
      ["s3://k:topsecret@s3.gra.io.cloud.ovh.net", /le nom du compartiment \(bucket\) manque/],
      ["s3://k:topsecret@s3.gra.io.cloud.ovh.net/cles/pieces", /préfixe des clés se donne dans S3_PREFIX/],
      ["s3://k:topsecret@s3.gra.io.cloud.ovh.net/Cles_Prod", /« Cles_Prod » n'est pas un nom de compartiment/],
      ["s3://k:topsecret@s3.gra.io.cloud.ovh.net/cles?regoin=gra", /paramètre inconnu « regoin »/],
      ["s3://k:topsecret@s3.gra.io.cloud.ovh.net/cles?tls=non", /tls vaut true ou false/],
      ["s3://k:topsecret@s3.gra.io.cloud.ovh.net/cles?region=GRA%20", /n'est pas une région/],
      ["s3://k:top%E0secret@s3.gra.io.cloud.ovh.net/cles", /la clé secrète contient un encodage « % » incorrect/],
    ];
    for (const [url, message] of cases) {
      let error: Error | undefined;
      try {
        parseS3Url(url);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, url).toMatch(/^S3_URL invalide : /);
      expect(error?.message, url).toMatch(message);
      expect(error?.message, url).toContain("forme attendue : s3://");
      expect(error?.message, url).not.toContain("secret");
    }
  });

  it("S3_PREFIX ends in « / »; storageFromEnv picks the bucket only when S3_URL is set", () => {
    expect(parseS3Prefix(undefined)).toBe("");
    expect(parseS3Prefix(" ")).toBe("");
    expect(parseS3Prefix("cles/production")).toBe("cles/production/");
    expect(parseS3Prefix("cles/")).toBe("cles/");
    for (const bad of ["/cles", "cles//x", "../x", "a/./b", "é"]) expect(() => parseS3Prefix(bad), bad).toThrow(/^S3_PREFIX invalide : /);
    expect(s3Location({ ...parseS3Url("s3://k:topsecret@h:9000/cles?tls=false"), prefix: "p/" })).toBe("http://h:9000/cles/p/");
    expect(() => storageFromEnv({ S3_URL: "s3://k:topsecret@h/x" })).toThrow(/^S3_URL invalide : /);
    expect(() => storageFromEnv({ S3_URL: "s3://k:topsecret@h/cles", S3_PREFIX: "../x" })).toThrow(/^S3_PREFIX invalide : /);
    expect(storageFromEnv({ S3_URL: "s3://k:topsecret@h/cles" })).toBeDefined();
  });
});

describe("on a local S3-compatible server (s3rver)", () => {
  let server: S3rver;
  let directory: string;
  let config: S3Config;
  let client: S3Client;
  let ctx: TestContext | undefined;
  let target: Database | undefined;

  const keysUnder = async (prefix: string) => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((o) => o.Key);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "cles-s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    config = parseS3Url(`s3://S3RVER:${SECRET}@127.0.0.1:${port}/${BUCKET}?tls=false&region=fr-par`);
    client = new S3Client({ endpoint: config.endpoint, region: config.region, credentials: { accessKeyId: "S3RVER", secretAccessKey: SECRET }, forcePathStyle: true });
  });

  afterAll(async () => {
    await target?.close();
    await ctx?.close();
    client?.destroy();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("keeps binary bytes under the prefix, gives null for a missing key, deletes a missing key quietly, refuses a bad key", async () => {
    const storage = s3Storage({ ...config, prefix: "unit/" });
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    await storage.put("meetings/abc/0f1e2d", bytes);
    expect((await storage.get("meetings/abc/0f1e2d"))?.equals(bytes)).toBe(true);
    expect(await keysUnder("unit/")).toEqual(["unit/meetings/abc/0f1e2d"]);
    expect(await storage.get("meetings/abc/missing")).toBeNull();
    await storage.delete("meetings/abc/0f1e2d");
    expect(await storage.get("meetings/abc/0f1e2d")).toBeNull();
    await expect(storage.delete("meetings/abc/0f1e2d")).resolves.toBeUndefined();
    expect(await keysUnder("unit/")).toEqual([]);
    for (const bad of ["../etc/passwd", "a/../../b", "/abs", "Majuscule", "a b", ""]) {
      await expect(storage.put(bad, bytes), bad).rejects.toThrow(/^Clé de fichier invalide/);
      await expect(storage.get(bad), bad).rejects.toThrow(/^Clé de fichier invalide/);
      await expect(storage.delete(bad), bad).rejects.toThrow(/^Clé de fichier invalide/);
    }
  });

  it("reports a missing bucket or an unreachable server in French, naming the endpoint but not the secret", async () => {
    const noBucket = s3Storage({ ...config, bucket: "absent" });
    const error = await noBucket.put("k", PDF).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Stockage S3 http:\/\/127\.0\.0\.1:\d+\/absent\/ : l'écriture de « k » impossible — NoSuchBucket \(404\)/);
    expect(await noBucket.get("k").catch((e: Error) => e.message)).toMatch(/NoSuchBucket/);
    const down = s3Storage({ ...config, endpoint: "http://127.0.0.1:1", secretAccessKey: "very-secret-value" });
    const unreachable = await down.get("k").catch((e: Error) => e);
    expect((unreachable as Error).message).toMatch(/^Stockage S3 http:\/\/127\.0\.0\.1:1\/cles-test\/ : la lecture de « k » impossible/);
    expect(`${(unreachable as Error).stack} ${JSON.stringify(unreachable)}`).not.toContain("very-secret-value");
  });

  it("serves a meeting attachment through the API from the bucket: upload, identical download, delete removes the object", async () => {
    // The demo's seeding takes most of this test's time.
    ctx = await startTestApp({ seed: true, storage: s3Storage({ ...config, prefix: "app/" }) });
    const coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    const camvs = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!.id;
    const meetingId = (await ctx.app.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string; title: string }[] }>().items.find((m) => m.title === "Comité technique 2021")!.id;
    const boundary = "----cles-s3-test";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Support COTECH.pdf"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    const uploaded = await coordinator.inject({ method: "POST", url: `/api/meetings/${meetingId}/attachments`, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]) });
    expect(uploaded.statusCode).toBe(201);
    const { id } = uploaded.json<{ id: string }>();

    const keys = await keysUnder("app/");
    expect(keys).toHaveLength(1);
    const stored = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: keys[0] }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(PDF)).toBe(true);
    const download = await partner.inject({ url: `/api/attachments/${id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // A backup of this instance reads the bucket; restored into an empty database and another prefix, the file is there.
    const folder = mkdtempSync(join(tmpdir(), "cles-s3-backup-"));
    try {
      const archive = join(folder, "sauvegarde.tar.gz");
      expect(await writeBackup(ctx.database, ctx.server.storage, archive)).toMatchObject({ files: 1, missingFiles: [] });
      target = await openTestDatabase();
      expect((await restoreBackup(target, s3Storage({ ...config, prefix: "restored/" }), archive)).files).toBe(1);
      expect((await keysUnder("restored/")).map((k) => k!.slice("restored/".length))).toEqual(keys.map((k) => k!.slice("app/".length)));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    expect((await coordinator.inject({ method: "DELETE", url: `/api/attachments/${id}` })).statusCode).toBe(204);
    expectProblem(await partner.inject({ url: `/api/attachments/${id}` }), 404);
    expect(await keysUnder("app/")).toEqual([]);
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: keys[0]!.replace(/^app\//, "restored/") }));
  }, 180_000);
});
