/** Jobs whose work is a function of the test, run by the test app's own process. */
import { randomUUID } from "node:crypto";
import type { DocumentJobs, JobFile, JobView, ReportProgress } from "../jobs/jobs.js";
import type { Actor } from "../policies/index.js";

export const TEST_JOB = "test-document";
type Run = (report: ReportProgress) => Promise<JobFile>;

const defined = new WeakSet<DocumentJobs>();
const runs = new Map<string, Run>();

/** Teaches `jobs` (a process's) the test kind, once. */
export function defineTestJob(jobs: DocumentJobs): void {
  if (defined.has(jobs)) return;
  jobs.define<{ key: string }>(TEST_JOB, async (_actor, { key }, report) => {
    const work = runs.get(key);
    runs.delete(key);
    if (!work) throw new Error("test job without its work (another process took it?)");
    return work(report);
  });
  defined.add(jobs);
}

/** The data of a test job whose work is `run` (any process of this test file may run it). */
export function testJobData(run: Run): { key: string } {
  const key = randomUUID();
  runs.set(key, run);
  return { key };
}

/** Starts a job for `owner` whose work is `run` (like a feature route, through `app.jobs`). */
export function startTestJob(jobs: DocumentJobs, owner: Actor, label: string, run: Run): Promise<JobView> {
  defineTestJob(jobs);
  return jobs.start(owner, label, TEST_JOB, testJobData(run));
}

/** Waits until `read` gives a value `done` accepts (polling; for jobs run by the queue). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
