import { describe, expect, it } from "vitest";
import { INSTANCE, isFilled, TO_COMPLETE } from "./instance";

describe("the operator's values of the legal pages", () => {
  it("tells a filled value from a placeholder or a blank", () => {
    expect(isFilled(TO_COMPLETE)).toBe(false);
    expect(isFilled("  ")).toBe(false);
    expect(isFilled("Communauté d'agglomération Melun Val de Seine")).toBe(true);
  });

  it("ships with every value marked for the operator to complete", () => {
    const values = [INSTANCE.publicationDirector, ...Object.values(INSTANCE.publisher), ...Object.values(INSTANCE.host), ...Object.values(INSTANCE.contact), ...Object.values(INSTANCE.dataProtectionOfficer)];
    expect(values.filter(isFilled)).toEqual([]);
  });
});
