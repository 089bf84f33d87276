import { describe, expect, it } from "vitest";
import { mailTries } from "./retry.js";

describe("mailTries", () => {
  it("counts the try made at once, then the queue's first run and its retries", () => {
    expect(mailTries("created", 0)).toBe(1);
    expect(mailTries("retry", 0)).toBe(2);
    expect(mailTries("retry", 3)).toBe(5);
    // Given up after the default 5 queued tries (4 retries): 6 in all.
    expect(mailTries("failed", 4)).toBe(6);
  });
});
