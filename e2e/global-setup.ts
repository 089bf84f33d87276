import { execFileSync } from "node:child_process";

/** Browser tests run against the built web app: built when missing or older than its sources (scripts/build.mjs). */
export default function setup(): void {
  if (process.env.SKIP_WEB_BUILD === "1") return;
  execFileSync(process.execPath, ["scripts/build.mjs", "web", "--if-stale"], { stdio: "inherit" });
}
