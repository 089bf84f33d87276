import { resolve } from "node:path";
import pino from "pino";
import type { DatabaseOptions } from "./db/client.js";

/** Settings read from the environment, in one place. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR ?? "data") };
}

export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : « ${env.PORT} ».`);
  return port;
}

/** Log lines are written to stdout in chunks of at least this many bytes… */
export const LOG_CHUNK_BYTES = 4096;
/** …or after at most this long; and at once when the process exits, crash included. */
export const LOG_FLUSH_MS = 1000;

/**
 * The server's logger: JSON lines on stdout (LOG_LEVEL, `info` by default), or readable lines
 * with LOG_PRETTY=1. The lines are buffered (pino's asynchronous destination) rather than
 * written one system call each: at 50 connections the sync writes cost ~11 % of the server's
 * time. A line waits at most LOG_FLUSH_MS; pino flushes what is left when the process exits
 * (a kill -9 may lose the last second).
 */
export function loggerOptions(env: NodeJS.ProcessEnv = process.env, dest: number | string = 1) {
  const level = env.LOG_LEVEL ?? "info";
  if (env.LOG_PRETTY === "1") return { level, transport: { target: "pino-pretty" } };
  return { level, stream: pino.destination({ dest, sync: false, minLength: LOG_CHUNK_BYTES, periodicFlush: LOG_FLUSH_MS }) };
}

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://…; without it, mail is written to `outboxDir`. */
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return {
    smtpUrl: env.SMTP_URL || undefined,
    from: env.MAIL_FROM ?? "Clés <ne-pas-repondre@cles.localhost>",
    outboxDir: resolve(env.DATA_DIR ?? "data", "outbox"),
  };
}

/** The address people reach the app at, for links in e-mails and for cookies (Secure when https). */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.PUBLIC_URL ?? `http://localhost:${portFromEnv(env)}`;
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`PUBLIC_URL invalide : « ${url} ».`);
  }
}

/** REDIS_URL (redis://host:port), for the request limits shared by the processes; none: they are counted in the database. */
export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.REDIS_URL?.trim() || undefined;
}

/** TRUST_PROXY: "true" (any proxy) or the proxies' addresses ("127.0.0.1,10.0.0.0/8"); absent: none. */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | string {
  const value = env.TRUST_PROXY?.trim();
  if (!value || value === "false") return false;
  return value === "true" ? true : value;
}

/** ProConnect (OpenID Connect for public agents): the provider and this app's client at it. */
export interface ProConnectConfig {
  /** The issuer (https://auth.agentconnect.gouv.fr/api/v2), whose discovery document is read. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Scopes asked for; ProConnect's by default. */
  scope: string;
}

/**
 * PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET (and PROCONNECT_SCOPE); none: no ProConnect.
 * Some without the others is a mistake, said at start.
 */
export function proConnectFromEnv(env: NodeJS.ProcessEnv = process.env): ProConnectConfig | null {
  const issuer = env.PROCONNECT_ISSUER?.trim();
  const clientId = env.PROCONNECT_CLIENT_ID?.trim();
  const clientSecret = env.PROCONNECT_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) throw new Error("ProConnect : PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET vont ensemble ; il en manque.");
  try {
    new URL(issuer);
  } catch {
    throw new Error(`PROCONNECT_ISSUER invalide : « ${issuer} ».`);
  }
  return { issuer, clientId, clientSecret, scope: env.PROCONNECT_SCOPE?.trim() || "openid email given_name usual_name" };
}
