import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { dsfrAfterFirstPage } from "./web/dsfr-defer-plugin";
import { dsfrUsedIcons } from "./web/dsfr-icons-plugin";
import { dsfrUsedRules } from "./web/dsfr-purge-plugin";
import { preloadTextFonts } from "./web/font-preload-plugin";

export default defineConfig({
  root: "web",
  plugins: [react(), dsfrUsedIcons({ webDir: "web", dsfrDir: "node_modules/@codegouvfr/react-dsfr" }), dsfrUsedRules({ webDir: "web", dsfrDir: "node_modules/@codegouvfr/react-dsfr" }), dsfrAfterFirstPage({ gate: fileURLToPath(new URL("./web/dsfr-gate.ts", import.meta.url)) }), preloadTextFonts()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
