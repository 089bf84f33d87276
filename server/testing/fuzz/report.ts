/**
 * Readable reports of what the fuzz found: values shortened (a 1 MB string
 * shows its start and its length), invisible characters escaped, and the
 * server's own error taken from its log.
 */
import type { FuzzRequest } from "./requests.js";
import { RawJson } from "./hostile.js";

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string with its invisible characters and lone surrogates as \uXXXX, cut after `max` characters. */
export function showString(s: string, max = 120): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  const escaped = cut.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `"${escaped.replace(/"/g, '\\"')}"${s.length > max ? ` (${s.length} characters)` : ""}`;
}

/** A value as compact JSON-like text: long strings, arrays, buffers and deep nesting cut short. */
export function show(value: unknown, depth = 0): string {
  if (value instanceof RawJson) return value.text.length > 120 ? `raw JSON ${showString(value.text, 60)}` : `raw JSON ${value.text}`;
  if (Buffer.isBuffer(value)) return `<${value.length} bytes: ${showString(value.subarray(0, 60).toString("latin1"), 60)}>`;
  if (typeof value === "string") return showString(value);
  if (value === undefined) return "undefined";
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (depth > 6) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map((v) => show(v, depth + 1));
    return `[${items.join(", ")}${value.length > 8 ? `, … (${value.length} items)` : ""}]`;
  }
  const entries = Object.entries(value);
  const shown = entries.slice(0, 25).map(([k, v]) => `${showString(k, 40)}: ${show(v, depth + 1)}`);
  return `{${shown.join(", ")}${entries.length > 25 ? `, … (${entries.length} keys)` : ""}}`;
}

export function showRequest(request: FuzzRequest): string {
  const lines = [`${request.method} ${showString(request.url, 300).slice(1, -1)}`, `  encoding: ${request.encoding}, CSRF token: ${request.csrf}, from ${request.remoteAddress}`, `  body: ${show(request.body)}`];
  if (request.file) lines.push(`  file: ${showString(request.file.name, 60)} (${request.file.type}, ${request.file.content.length} bytes)`);
  return lines.join("\n");
}

/** What the server logged at level error for one request id: the message and the top of the stack. */
export interface ServerError {
  message: string;
  stack: string[];
}

/** A pino destination keeping the errors of each request id. */
export function errorLog(): { stream: { write(line: string): void }; take(reqId: string): ServerError | undefined } {
  const errors = new Map<string, ServerError>();
  return {
    stream: {
      write(line: string) {
        try {
          const entry = JSON.parse(line) as { level?: number; reqId?: string; err?: { message?: string; stack?: string }; msg?: string };
          if ((entry.level ?? 0) < 50 || !entry.reqId) return;
          const stack = (entry.err?.stack ?? "").split("\n").slice(1).map((l) => l.trim()).filter((l) => !l.includes("node_modules") && !l.includes("node:internal")).slice(0, 4);
          errors.set(entry.reqId, { message: entry.err?.message ?? entry.msg ?? "", stack });
        } catch {
          // Not a JSON log line: nothing to keep.
        }
      },
    },
    take(reqId: string) {
      const found = errors.get(reqId);
      errors.delete(reqId);
      return found;
    },
  };
}

/** One thing wrong with one answer. */
export interface Finding {
  route: string;
  /** What went wrong, without the request's particulars: the key to group findings by cause. */
  cause: string;
  status: number;
  request: FuzzRequest;
  response: string;
  serverError?: ServerError;
  changes: string[];
}

/** Ids, numbers and quoted values removed, so that one cause gives one key. */
export function causeKey(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, "N")
    .slice(0, 300);
}

export function showFinding(f: Finding, replay?: string): string {
  const lines = [`${f.route}: ${f.cause}`, showRequest(f.request), `  answer: ${f.status} ${showString(f.response, 400)}`];
  if (f.serverError) lines.push(`  server error: ${f.serverError.message}`, ...f.serverError.stack.map((l) => `    ${l}`));
  if (f.changes.length) lines.push(`  written although refused: ${f.changes.join("; ")}`);
  if (replay) lines.push(`  replay: ${replay}`);
  return lines.join("\n");
}
