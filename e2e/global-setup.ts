import { execFileSync } from "node:child_process";

/** Browser tests run against the built web app: build it once per test run. */
export default function setup(): void {
  if (process.env.SKIP_WEB_BUILD === "1") return;
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "error"], { stdio: "inherit" });
}
