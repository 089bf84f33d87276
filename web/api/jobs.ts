/** Documents prepared on the server (server/jobs/): start one, follow it, download it. */
import { api } from "./client";
import type { ResponseOf } from "./types";

/** A document in preparation: its state, percent, step in French, file name once done or error once failed. */
export type JobView = ResponseOf<"/api/jobs/{jobId}", "get">["job"];
export type JobState = JobView["state"];

/** Asks for a document: the route answers 202 { job }. */
export const startDocumentJob = (path: string, body?: unknown, signal?: AbortSignal) => api<{ job: JobView }>(path, { method: "POST", body: body ?? {}, signal });

export const fetchJob = (jobId: string, signal?: AbortSignal) => api<ResponseOf<"/api/jobs/{jobId}", "get">>(`/jobs/${jobId}`, { signal });

/** Where the finished file is downloaded (a plain link: the browser saves the attachment). */
export const jobFileUrl = (jobId: string) => `/api/jobs/${jobId}/file`;
