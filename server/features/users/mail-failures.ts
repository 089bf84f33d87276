/**
 * « Courriels non remis »: the messages the SMTP server did not take, as the platform admin
 * sees them — waiting for another try, or given up after the last one — and « Renvoyer ».
 * The messages are the job queue's (server/mail/retry.ts), in pg-boss's own tables.
 */
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { conflict, notFound } from "../../http/problem.js";
import { MAIL_QUEUE, mailTries, type QueuedMailState } from "../../mail/retry.js";
import type { MailMessage } from "../../mail/mailer.js";
import { assertCan } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";

const tags = ["Comptes"];
export const MAIL_NOT_FOUND = "Ce courriel non remis est introuvable.";
export const MAIL_NOT_FAILED = "Ce courriel n'a pas encore épuisé ses essais : il sera renvoyé automatiquement.";

const mailFailureOut = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** "retry": another try is planned; "failed": the tries are over. */
  state: z.enum(["retry", "failed"]),
  /** Tries made so far, the first (at once) included. */
  tries: z.number().int(),
  /** When the message was first written. */
  createdAt: z.string(),
  /** The next try (state "retry"). */
  nextTryAt: z.string().nullable(),
  /** What the SMTP server or the network said, as given (often in English). */
  error: z.string().nullable(),
});
export const mailFailuresOut = z.object({ items: z.array(mailFailureOut) });

type Row = { id: string; data: MailMessage; state: QueuedMailState; retry_count: number; created_on: Date | string; start_after: Date | string | null; output: { message?: string } | null };
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);
const iso = (value: Date | string) => new Date(value).toISOString();

export const mailFailureRoutes: FastifyPluginAsyncZod = async (app) => {
  async function failures(id?: string): Promise<Row[]> {
    // The queue's tables exist once it has started.
    await app.queue.start();
    return rowsOf<Row>(
      await app.db.execute(sql`select id::text, data, state::text, retry_count, created_on, start_after, output
        from pgboss.job where name = ${MAIL_QUEUE} and state in ('created', 'retry', 'failed') ${id ? sql`and id = ${id}::uuid` : sql``}
        order by created_on desc limit 200`),
    );
  }

  app.get("/admin/mail-failures", { schema: { response: { 200: mailFailuresOut }, tags, summary: "Courriels non remis : en attente d'un nouvel essai, ou abandonnés après le dernier" } }, async (request) => {
    assertCan(request.actor, "users.manage");
    const rows = await failures();
    return {
      items: rows.map((r) => ({
        id: r.id,
        to: r.data.to,
        subject: r.data.subject,
        state: r.state === "failed" ? ("failed" as const) : ("retry" as const),
        tries: mailTries(r.state, r.retry_count),
        createdAt: iso(r.created_on),
        nextTryAt: r.state !== "failed" && r.start_after ? iso(r.start_after) : null,
        error: typeof r.output?.message === "string" ? r.output.message : null,
      })),
    };
  });

  app.post(
    "/admin/mail-failures/:mailId/retry",
    { schema: { response: { 200: z.object({ retried: z.literal(true) }) }, tags, summary: "Renvoyer un courriel abandonné (un nouvel essai, puis les suivants si besoin)", params: z.object({ mailId: uuid }) } },
    async (request) => {
      assertCan(request.actor, "users.manage");
      const [row] = await failures(request.params.mailId);
      if (!row) throw notFound(MAIL_NOT_FOUND);
      if (row.state !== "failed") throw conflict(MAIL_NOT_FAILED);
      await app.queue.retry(MAIL_QUEUE, row.id);
      return { retried: true as const };
    },
  );
};
