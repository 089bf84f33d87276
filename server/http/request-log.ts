/**
 * One log line per request at `info` (Fastify's default is two: "incoming request" and
 * "request completed", plus one more for a 404): structured JSON with the request id
 * (`reqId`, also sent back as x-request-id), method, url, status and time in ms.
 * Errors keep their own lines: a failed request, a 5xx, a broken stream.
 */
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, "request");
  }

  /** The request line says 404 already. */
  override routeNotFound(): void {}

  /** 4xx are the request line's status; 5xx keep their error line with the stack. */
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
  }
}
