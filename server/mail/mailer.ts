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

/** A file joined to a mail (e.g. a meeting's .ics, `text/calendar; method=REQUEST`). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** The .json summary of an outbox message: attachments are named, their content is in the .eml. */
export interface OutboxItem extends Omit<MailMessage, "attachments"> {
  id: string;
  date: string;
  attachments?: { filename: string; contentType: string }[];
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
      const { attachments, ...rest } = message;
      const summary: OutboxItem = { id, date, ...rest, ...(attachments ? { attachments: attachments.map(({ filename, contentType }) => ({ filename, contentType })) } : {}) };
      await writeFile(join(config.outboxDir, `${id}.json`), JSON.stringify(summary));
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
