import { describe, expect, it } from "vitest";
import { ANONYMOUS, systemActor } from "../policies/index.js";
import { ActorCache } from "./actor-cache.js";

describe("the actor cache", () => {
  it("keeps an actor for its time to live, never past the session's expiry", () => {
    let now = 1_000_000;
    const cache = new ActorCache(10_000, 100, () => now);
    const actor = systemActor("Test");
    cache.set("a", actor, new Date(now + 60_000));
    cache.set("b", actor, new Date(now + 3_000));
    now += 5_000;
    expect(cache.get("a")).toBe(actor);
    expect(cache.get("b")).toBeUndefined();
    now += 5_000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("does not keep an actor read before a clear (a change made while it was read)", () => {
    const cache = new ActorCache();
    const mark = cache.mark();
    cache.clear();
    cache.set("a", ANONYMOUS, new Date(Date.now() + 60_000), mark);
    expect(cache.get("a")).toBeUndefined();
  });

  it("forgets everything when told, and when full", () => {
    const cache = new ActorCache(10_000, 2);
    const far = new Date(Date.now() + 60_000);
    cache.set("a", ANONYMOUS, far);
    cache.clear();
    expect(cache.get("a")).toBeUndefined();
    cache.set("a", ANONYMOUS, far);
    cache.set("b", ANONYMOUS, far);
    cache.set("c", ANONYMOUS, far);
    expect(cache.size).toBe(1);
    expect(cache.get("c")).toBe(ANONYMOUS);
  });
});
