/**
 * Build-time only (vite.config.ts), never part of the app: keeps in the DSFR icon
 * stylesheet (icons.min.css, 1,200 icons whose SVGs vite inlines: about 1.2 MB of CSS)
 * only the icons the app names — `fr-icon-…` (or `ri-…`, `fr-fi-…`) in web/ or in the
 * react-dsfr components. An icon named in another way (a class name built from
 * parts) would be missed: name icons in full, as the DSFR documentation does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

const ICONS_CSS = /@codegouvfr[\\/]react-dsfr[\\/]dsfr[\\/]utility[\\/]icons[\\/]icons(\.min)?\.css$/;
const ICON_NAME = /\b(?:fr-icon|ri|fr-fi)-[a-z0-9-]*[a-z0-9]/g;
/** One rule per icon in icons.min.css: `.X:after,.X:before{…}`. */
const ICON_RULE = /\.((?:fr-icon|ri|fr-fi)-[a-z0-9-]+):after,\.\1:before\{[^}]*\}/g;

/** The files below `dir` that `keep` takes, without descending into what `skip` names. */
export function files(dir: string, keep: (path: string) => boolean, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip(path)) return [];
    if (entry.isDirectory()) return files(path, keep, skip);
    return keep(path) ? [path] : [];
  });
}

/** Every icon name written in `paths`. */
function namesIn(paths: string[]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) for (const name of readFileSync(path, "utf8").match(ICON_NAME) ?? []) names.add(name);
  return names;
}

export function dsfrUsedIcons(options: { webDir: string; dsfrDir: string }): Plugin {
  return {
    name: "cles-dsfr-used-icons",
    apply: "build",
    load(id) {
      if (!ICONS_CSS.test(id.split("?")[0] ?? "")) return null;
      const used = namesIn([
        ...files(options.webDir, (p) => /\.(tsx?|css)$/.test(p) && !p.endsWith("dsfr-icons-plugin.ts")),
        // The components' own icons (tooltip, display settings…); not the package's copy of the DSFR nor its lists of every class.
        ...files(options.dsfrDir, (p) => p.endsWith(".js"), (p) => /[\\/](dsfr|src|generatedFromCss)$/.test(p)),
      ]);
      const css = readFileSync(id.split("?")[0]!, "utf8");
      return css.replace(ICON_RULE, (rule, name: string) => (used.has(name) ? rule : "")).replace(/@media[^{]*\{\s*\}/g, "");
    },
  };
}
