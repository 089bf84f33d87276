/**
 * Outgoing mail through nodemailer: SMTP when configured; otherwise each message
 * is written to an outbox folder (.eml, plus a .json summary read by the
 * development page), so that invitation and reset flows work on a fresh clone.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { MailConfig } from "../config.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface OutboxItem extends MailMessage {
  id: string;
  date: string;
}

export interface Mailer {
  /** Where messages go when there is no SMTP server; null with SMTP. */
  readonly outboxDir: string | null;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      outboxDir: null,
      send: async (message) => {
        await transport.sendMail({ from: config.from, ...message });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    outboxDir: config.outboxDir,
    send: async (message) => {
      const info = await transport.sendMail({ from: config.from, ...message });
      const date = new Date().toISOString();
      const id = `${date.replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
      await mkdir(config.outboxDir, { recursive: true });
      await writeFile(join(config.outboxDir, `${id}.eml`), info.message as Buffer);
      await writeFile(join(config.outboxDir, `${id}.json`), JSON.stringify({ id, date, ...message } satisfies OutboxItem));
    },
    close: () => transport.close(),
  };
}

/** The messages of the outbox folder, newest first. */
export async function readOutbox(dir: string, limit = 100): Promise<OutboxItem[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const recent = names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(recent.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as OutboxItem));
}
