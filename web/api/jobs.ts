/** Documents prepared on the server (server/jobs/): start one, follow it, download it. */
import { api } from "./client";

export type JobState = "queued" | "running" | "done" | "failed";

export interface JobView {
  id: string;
  label: string;
  state: JobState;
  percent: number;
  /** The step in progress, in French (« Mise en page du document »). */
  step: string;
  fileName?: string;
  /** Once failed: what went wrong, in French. */
  error?: string;
}

/** Asks for a document: the route answers 202 { job }. */
export const startDocumentJob = (path: string, body?: unknown, signal?: AbortSignal) => api<{ job: JobView }>(path, { method: "POST", body: body ?? {}, signal });

export const fetchJob = (jobId: string, signal?: AbortSignal) => api<{ job: JobView }>(`/jobs/${jobId}`, { signal });

/** Where the finished file is downloaded (a plain link: the browser saves the attachment). */
export const jobFileUrl = (jobId: string) => `/api/jobs/${jobId}/file`;
