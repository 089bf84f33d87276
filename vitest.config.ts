import { defineConfig } from "vitest/config";

/**
 * Pure tests: no database, no listening server, no child process, no LibreOffice, no browser.
 * A test file not listed here runs in `api` (server/, cli/) or `browser` (e2e/), so a new or moved
 * file is never left out of `npm test`; list it here only once it needs nothing but memory.
 */
const unit = [
  "web/**/*.test.ts",
  "cli/schema-file.test.ts",
  "server/auth/actor-cache.test.ts",
  "server/documents/charts.test.ts",
  "server/documents/ics.test.ts",
  "server/documents/rich-text.test.ts",
  "server/http/problem.test.ts",
  "server/mail/retry.test.ts",
  // The domain's rules are pure functions.
  "server/domain/*.test.ts",
  "server/features/ordering.test.ts",
  "server/features/**/{rules,status,sorting,lifecycle,territory,rhythm,aggregate,builders,columns,describe,diff,deck,participation-news,due,links}.test.ts",
  "server/features/{actions,contracts}/schema.test.ts",
  "server/features/{annual-report,evaluation}/build.test.ts",
  "server/audit/**/{describe,diff}.test.ts",
  "server/features/participation/{composition-csv,rotation}.test.ts",
  "server/features/surveys/{check-answers,results,summary,export}.test.ts",
  "server/features/users/schema.test.ts",
  "server/features/ambassadors/network.test.ts",
  "server/territory/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: unit } },
      { extends: true, test: { name: "api", include: ["server/**/*.test.ts", "cli/**/*.test.ts"], exclude: unit } },
      // Browser tests run against the built web app: its global setup builds it (SKIP_WEB_BUILD=1 skips).
      // A browser flow (sign in, edit, publish, download) takes tens of seconds on two busy cores.
      { extends: true, test: { name: "browser", include: ["e2e/**/*.test.ts"], globalSetup: ["e2e/global-setup.ts"], testTimeout: 120_000 } },
    ],
  },
});
