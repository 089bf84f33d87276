/** The reference of the bench: a Fastify hello-world on the same Node, in its own process (PORT). */
import Fastify from "fastify";

const app = Fastify();
app.get("/", async () => ({ hello: "world" }));
// A JSON answer of a page's size, written once: what sending that many bytes costs this machine
// (the load generator reads them on the same cores), with no work behind it.
const sized = new Map<number, string>();
app.get<{ Params: { bytes: string } }>("/sized/:bytes", async (request, reply) => {
  const n = Math.max(20, Math.min(Number(request.params.bytes) || 0, 20_000_000));
  let body = sized.get(n);
  if (!body) sized.set(n, (body = JSON.stringify({ data: "x".repeat(n - 12) })));
  return reply.header("content-type", "application/json; charset=utf-8").send(body);
});
await app.listen({ port: Number(process.env.PORT ?? 3999), host: "127.0.0.1" });
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
