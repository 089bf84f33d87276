import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseSerializerCompiler } from "../http/responses.js";
import { isShared, share, variantOf } from "./shared-values.js";

const compile = (strict: boolean) =>
  responseSerializerCompiler(strict)({ schema: z.object({ n: z.number() }), method: "GET", url: "/essai", httpStatus: "200" } as never) as (data: unknown) => string;

describe("shared answers", () => {
  it("gives every reader with the same key the same variant, made once", () => {
    const base = share({ n: 1 });
    let made = 0;
    const make = () => ({ ...base, permissions: { update: true }, made: ++made });
    const a = variantOf(base, "update", make);
    expect(variantOf(base, "update", make)).toBe(a);
    expect(variantOf(base, "read", make)).not.toBe(a);
    expect(made).toBe(2);
    expect(isShared(a)).toBe(true);
    // Another value (a newer read view) has its own variants.
    expect(variantOf(share({ n: 1 }), "update", make)).not.toBe(a);
  });

  it("writes a shared answer once per route, as UTF-8 bytes, and any other answer every time", () => {
    for (const strict of [false, true]) {
      const serialize = compile(strict);
      const shared = share({ n: 1 });
      const written = serialize(shared) as unknown as Buffer;
      // Bytes, not a string to encode again at every send.
      expect(Buffer.isBuffer(written)).toBe(true);
      expect(written.toString("utf8")).toBe('{"n":1}');
      // Shared answers are never changed; if one were, the first writing would still be sent: proof it is not written again.
      shared.n = 2;
      expect(serialize(shared)).toBe(written);
      const own = { n: 1 };
      expect(serialize(own)).toBe('{"n":1}');
      own.n = 2;
      expect(serialize(own)).toBe('{"n":2}');
    }
  });
});
