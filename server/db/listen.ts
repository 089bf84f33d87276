/**
 * PostgreSQL LISTEN on a connection of its own, kept open: a pooled connection
 * would drop its LISTEN when returned. When the connection is lost, the listener
 * says so (`onInterrupted`: what was announced meanwhile is lost) and reconnects.
 */
import pg from "pg";

export interface Subscription {
  /** True while notifications are being received. */
  readonly live: boolean;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onPayload(payload: string): void;
  /** The subscription stopped or restarted: notifications may have been missed. */
  onInterrupted(): void;
  /** The subscription (re)started: from now on nothing is missed. */
  onLive?(): void;
}

const RETRY_MS = [100, 500, 1_000, 5_000];

export async function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Subscription> {
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const lost = () => {
    if (live) handlers.onInterrupted();
    live = false;
    client?.removeAllListeners();
    client?.on("error", () => {});
    void client?.end().catch(() => {});
    client = null;
    if (closed) return;
    timer = setTimeout(() => void connect().catch(() => {}), RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    timer.unref();
  };

  /** Throws only when the connection cannot be made; a later loss retries on its own. */
  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on("error", lost);
    next.on("end", () => client === next && lost());
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onPayload(message.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      if (client === next) lost();
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    attempt = 0;
    live = true;
    handlers.onLive?.();
  }

  try {
    await connect();
  } catch (error) {
    closed = true;
    clearTimeout(timer);
    throw error;
  }
  return {
    get live() {
      return live;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      live = false;
      const current = client;
      client = null;
      current?.removeAllListeners();
      current?.on("error", () => {});
      await current?.end().catch(() => {});
    },
  };
}
