import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { CONCURRENT_WRITE_MESSAGE, registerProblemHandlers } from "./problem.js";

describe("the problem handler", () => {
  it("answers a transaction aborted by a concurrent one (deadlock, serialization failure) with a French 409, not a 500", async () => {
    const app = Fastify({ logger: false });
    registerProblemHandlers(app);
    app.get("/deadlock", async () => {
      throw Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("deadlock detected"), { code: "40P01" }) });
    });
    app.get("/serialization", async () => {
      throw Object.assign(new Error("could not serialize access"), { code: "40001" });
    });
    for (const url of ["/deadlock", "/serialization"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(409);
      expect(res.json()).toMatchObject({ status: 409, title: "Conflit", detail: CONCURRENT_WRITE_MESSAGE });
    }
    await app.close();
  });
});
