/**
 * Attachment files in an S3-compatible bucket (AWS, OVHcloud, Scaleway, Outscale, MinIO…), chosen
 * by S3_URL (storage.ts). Keys are the app's storage keys (checked as on disk) under S3_PREFIX;
 * put/get/delete are PutObject/GetObject/DeleteObject with path-style addressing.
 *
 *   S3_URL = s3://ACCESS_KEY:SECRET_KEY@host[:port]/bucket[?region=fr-par][&tls=false]
 *
 * https unless `tls=false` (a local server). The keys are percent-encoded when they hold
 * `/`, `+`, `@` or `:`. The secret never appears in an error or a log: they name the endpoint
 * and bucket only (s3Location).
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { checkedKey, type FileStorage } from "./file-storage.js";

export interface S3Config {
  /** https://host[:port] (or http:// with tls=false). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every key: "" or a path ending in "/" (parseS3Prefix). */
  prefix?: string;
}

export const DEFAULT_S3_REGION = "us-east-1";
const FORM = "s3://CLÉ_D_ACCÈS:CLÉ_SECRÈTE@hôte[:port]/compartiment[?region=…][&tls=false]";
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9][a-z0-9-]{0,39}$/;
const PREFIX = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/;

const invalid = (why: string): never => {
  throw new Error(`S3_URL invalide : ${why} (forme attendue : ${FORM}).`);
};

function decoded(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return invalid(`${what} contient un encodage « % » incorrect`);
  }
}

/** The configuration S3_URL describes; a malformed URL is an error in French that never repeats the keys. */
export function parseS3Url(value: string): Omit<S3Config, "prefix"> {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return invalid("ce n'est pas une adresse lisible");
  }
  if (url.protocol !== "s3:") invalid(`elle doit commencer par s3:// (et non ${url.protocol}//) ; https par défaut, ?tls=false pour un serveur local en http`);
  if (!url.hostname) invalid("l'hôte manque");
  if (!url.username || !url.password) invalid("la clé d'accès et la clé secrète doivent précéder l'hôte, séparées par « : »");
  const path = url.pathname.replace(/^\//, "").replace(/\/$/, "");
  if (!path) invalid("le nom du compartiment (bucket) manque après l'hôte");
  if (path.includes("/")) invalid("le chemin ne doit contenir que le nom du compartiment ; un préfixe des clés se donne dans S3_PREFIX");
  const bucket = decoded(path, "le compartiment");
  if (!BUCKET.test(bucket)) invalid(`« ${bucket} » n'est pas un nom de compartiment (3 à 63 caractères : minuscules, chiffres, points, tirets)`);
  if (url.hash) invalid("elle ne doit pas contenir de « # »");
  let region = DEFAULT_S3_REGION;
  let tls = true;
  for (const [name, param] of url.searchParams) {
    if (name === "region") {
      if (!REGION.test(param)) invalid(`« ${param} » n'est pas une région (par exemple fr-par, gra, eu-west-2)`);
      region = param;
    } else if (name === "tls") {
      if (param !== "true" && param !== "false") invalid(`tls vaut true ou false, pas « ${param} »`);
      tls = param === "true";
    } else invalid(`paramètre inconnu « ${name} » (seuls region et tls sont compris)`);
  }
  return {
    endpoint: `${tls ? "https" : "http"}://${url.host}`,
    bucket,
    region,
    accessKeyId: decoded(url.username, "la clé d'accès"),
    secretAccessKey: decoded(url.password, "la clé secrète"),
  };
}

/** S3_PREFIX as put before every key: "" when absent, else ending in "/". */
export function parseS3Prefix(value: string | undefined): string {
  const prefix = value?.trim() ?? "";
  if (!prefix) return "";
  if (!PREFIX.test(prefix) || prefix.split("/").some((segment) => segment === "." || segment === ".."))
    throw new Error(`S3_PREFIX invalide : « ${prefix} » (des noms de lettres, chiffres, points, tirets ou soulignés, séparés par « / », par exemple cles/production).`);
  return prefix.endsWith("/") ? prefix : `${prefix}/`;
}

/** Where the files are, for errors and logs: endpoint, bucket and prefix, never the keys. */
export function s3Location(config: Pick<S3Config, "endpoint" | "bucket" | "prefix">): string {
  return `${config.endpoint}/${config.bucket}/${config.prefix ?? ""}`;
}

type Sdk = typeof import("@aws-sdk/client-s3");

/**
 * A FileStorage on an S3-compatible bucket. The SDK is loaded at the first operation, so that
 * instances on disk never pay for it.
 */
export function s3Storage(config: S3Config): FileStorage {
  const prefix = config.prefix ?? "";
  const where = s3Location(config);
  let ready: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const connect = () =>
    (ready ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: config.endpoint,
        region: config.region,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
        // Bucket in the path, not in the host name: what MinIO, s3rver and most providers' endpoints expect.
        forcePathStyle: true,
        // Checksums only where S3 requires them: the newer default ones are refused by many compatible servers.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
      }),
    })));
  const fail = (action: string, key: string, error: unknown): never => {
    // A new error with the service's code and message only: the SDK's own object carries the request.
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    throw new Error(`Stockage S3 ${where} : ${action} de « ${key} » impossible — ${e.name ?? "Error"}${status ? ` (${status})` : ""} : ${e.message ?? String(error)}`);
  };
  return {
    async put(key, bytes) {
      const Key = prefix + checkedKey(key);
      const { sdk, client } = await connect();
      await client.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key, Body: bytes, ContentLength: bytes.length })).catch((error: unknown) => fail("l'écriture", key, error));
    },
    async get(key) {
      const Key = prefix + checkedKey(key);
      const { sdk, client } = await connect();
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === "NoSuchKey" || (e.$metadata?.httpStatusCode === 404 && e.name !== "NoSuchBucket")) return null;
        return fail("la lecture", key, error);
      }
    },
    async delete(key) {
      const Key = prefix + checkedKey(key);
      const { sdk, client } = await connect();
      try {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key }));
      } catch (error) {
        // S3 answers 204 for a missing key; a server that says 404 NoSuchKey means the same.
        if ((error as { name?: string }).name !== "NoSuchKey") fail("la suppression", key, error);
      }
    },
  };
}
