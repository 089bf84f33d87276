import { resolve } from "node:path";
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

export function loggerOptions(env: NodeJS.ProcessEnv = process.env) {
  const level = env.LOG_LEVEL ?? "info";
  return env.LOG_PRETTY === "1" ? { level, transport: { target: "pino-pretty" } } : { level };
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

/** TRUST_PROXY: "true" (any proxy) or the proxies' addresses ("127.0.0.1,10.0.0.0/8"); absent: none. */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | string {
  const value = env.TRUST_PROXY?.trim();
  if (!value || value === "false") return false;
  return value === "true" ? true : value;
}
