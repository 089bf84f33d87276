/**
 * Build-time only (vite.config.ts): the page's text fonts (Marianne regular, medium and
 * bold) are asked for with the HTML, not once the stylesheet has been applied to the
 * first rendered text: without it they came ~850 ms after navigation on a small machine,
 * and the page was laid out and painted again when they arrived (font-display: swap).
 */
import type { Plugin } from "vite";

const TEXT_FONTS = /\/Marianne-(Regular|Medium|Bold)-[^/]+\.woff2$/;

export function preloadTextFonts(): Plugin {
  return {
    name: "cles-preload-text-fonts",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((file) => TEXT_FONTS.test(`/${file}`));
        if (fonts.length !== 3) throw new Error(`cles-preload-text-fonts: expected the three Marianne text fonts in the bundle, found ${fonts.length}`);
        return fonts.sort().map((file) => ({ tag: "link", attrs: { rel: "preload", as: "font", type: "font/woff2", href: `/${file}`, crossorigin: "" }, injectTo: "head" as const }));
      },
    },
  };
}
