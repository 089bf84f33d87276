import { describe, expect, it } from "vitest";
import { preloadTextFonts } from "./font-preload-plugin";

type Handler = (html: string, ctx: { bundle?: Record<string, unknown> }) => { tag: string; attrs: Record<string, string> }[];
const handler = (preloadTextFonts().transformIndexHtml as { handler: Handler }).handler;

describe("the text fonts preloaded by the HTML", () => {
  it("links the three Marianne text fonts of the bundle, and no other", () => {
    const bundle = Object.fromEntries(
      ["assets/Marianne-Regular-a1.woff2", "assets/Marianne-Bold-b2.woff2", "assets/Marianne-Medium-c3.woff2", "assets/Marianne-Regular_Italic-d4.woff2", "assets/Spectral-Regular-e5.woff2", "assets/index-f6.js"].map((f) => [f, {}]),
    );
    expect(handler("", { bundle }).map((t) => [t.tag, t.attrs.rel, t.attrs.as, t.attrs.href, t.attrs.crossorigin])).toEqual([
      ["link", "preload", "font", "/assets/Marianne-Bold-b2.woff2", ""],
      ["link", "preload", "font", "/assets/Marianne-Medium-c3.woff2", ""],
      ["link", "preload", "font", "/assets/Marianne-Regular-a1.woff2", ""],
    ]);
  });

  it("fails the build when DSFR no longer ships them under these names, rather than preloading nothing", () => {
    expect(() => handler("", { bundle: { "assets/Marianne-Regular-a1.woff2": {} } })).toThrow(/expected the three Marianne text fonts/);
  });
});
