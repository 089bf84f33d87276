/**
 * Mail that is not lost when the SMTP server does not answer: a message is sent at once; if
 * that fails, it goes to the job queue (pg-boss, shared by every process), which tries again
 * with growing delays; after the last try it stays « non remis », listed for the platform
 * admin, who may send it again (server/features/users/mail-failures.ts). The caller still
 * learns that the first try failed (an invitation then shows its link).
 */
import type { JobQueue } from "../jobs/queue.js";
import type { Mailer, MailMessage } from "./mailer.js";

export const MAIL_QUEUE = "mail";

export interface MailRetry {
  /** Tries after the first (5 by default). */
  limit: number;
  /** Seconds before the first of them, then growing (pg-boss backoff): 60 by default. */
  delaySeconds: number;
}

export const DEFAULT_MAIL_RETRY: MailRetry = { limit: 5, delaySeconds: 60 };

/** A queued message's state in pg-boss ("created": waiting for its first queued try). */
export type QueuedMailState = "created" | "retry" | "failed";

/** Tries made so far, as the admin reads them: the one at once, then the queue's first run and its `retryCount` retries. */
export function mailTries(state: QueuedMailState, retryCount: number): number {
  return state === "created" ? 1 : retryCount + 2;
}

export function retryingMailer(mailer: Mailer, queue: JobQueue, log: { error(obj: unknown, msg?: string): void }, retry: MailRetry = DEFAULT_MAIL_RETRY): Mailer {
  // Every process sends what is queued, its own failures and the others'.
  // The queued job's first run is the first of the `limit` tries after the one made at once.
  void queue.work<MailMessage>(MAIL_QUEUE, (message) => mailer.send(message), { retryLimit: Math.max(0, retry.limit - 1), retryDelay: retry.delaySeconds, retryBackoff: retry.delaySeconds > 0, expireInSeconds: 5 * 60 });
  return {
    outboxDir: mailer.outboxDir,
    send: async (message) => {
      try {
        await mailer.send(message);
      } catch (error) {
        await queue.send(MAIL_QUEUE, message, { startAfter: retry.delaySeconds }).catch((err: unknown) => log.error({ err, to: message.to }, "mail not queued for another try"));
        throw error;
      }
    },
    close: () => mailer.close(),
  };
}
