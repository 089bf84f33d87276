/**
 * Browser protections on every response (helmet): a Content-Security-Policy,
 * no framing, nosniff, a referrer policy, HSTS behind TLS. Three policies:
 *
 * - the app (SPA, its assets, the API's JSON): scripts from this origin only, never inline;
 * - the HTML exports (review, annual report, evaluation, public review page): no script
 *   and nothing loaded at all, only their own embedded CSS and pictures;
 * - the Swagger UI at /api/docs, set by @fastify/swagger-ui (`staticCSP`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The app's policy. Each exception to "this origin only" is needed:
 * - style-src 'unsafe-inline': the document preview (reports, evaluation) is an
 *   iframe srcdoc, which inherits this policy, and the exported HTML it shows carries
 *   its CSS in a <style> element and style attributes; DSFR's script and TipTap also
 *   set style attributes. Styles cannot run code; scripts stay strict.
 * - img-src data: DSFR's icons are SVG data URIs in its CSS, and so are the charts
 *   and pictures of the exports shown in the preview. (No blob: — downloads made in the
 *   page are links, which img-src does not govern.)
 */
const APP_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** An HTML export: its embedded CSS and its pictures (SVG data URIs), nothing else. */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The Swagger UI: its scripts are files of @fastify/swagger-ui (no inline script); it
 * styles its own elements inline and shows data: SVG icons.
 */
export const API_DOCS_CSP =
  "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** HSTS: a year, for this host and its subdomains (only sent when the public address is https). */
const HSTS_MAX_AGE = 365 * 24 * 60 * 60;

/** An HTML page built by the API (an export), as opposed to the SPA or the Swagger UI. */
function isHtmlExport(request: FastifyRequest, contentType: unknown): boolean {
  return typeof contentType === "string" && contentType.startsWith("text/html") && request.url.startsWith("/api/") && !request.url.startsWith("/api/docs");
}

/**
 * The headers helmet sets for `options`, computed once: helmet's middleware only sets fixed
 * headers (and removes X-Powered-By, which Fastify never sends), so they are read from one call
 * and then given to every reply — @fastify/helmet built the middleware again at every request,
 * parsing the policy each time (6 % of a cached page's time).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)), removeHeader: () => undefined };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: options.https ? { ...APP_DIRECTIVES, "upgrade-insecure-requests": [] } : APP_DIRECTIVES,
    },
    // Browsers keep HSTS only from an https answer: sent when the app is reached over TLS.
    hsts: options.https ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
    // "same-origin", not "no-referrer": the latter turns the Origin of the app's own POSTs into
    // "null", which the sign-in's origin check refuses. Other sites never see an address
    // (invitation and reset links carry their token in the path).
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
  });
  app.addHook("onRequest", (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    if (isHtmlExport(request, reply.getHeader("content-type"))) void reply.header("content-security-policy", DOCUMENT_CSP);
    done(null, payload);
  });
}
