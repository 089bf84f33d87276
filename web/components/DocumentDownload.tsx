/**
 * A download button for a generated document (review, annual report, evaluation, slides).
 *
 * With `job`: the button POSTs to the route (which answers 202 { job }), then follows the
 * job every 400 ms with a progress bar and its step (« Mise en page du document… 60 % »,
 * read by screen readers), and downloads the file when it is ready; on failure it shows
 * the server's French detail and a « Réessayer » button.
 * With `href`: a plain download link, for small files made in the request itself.
 *
 *   <DocumentDownload label="Télécharger le PDF" job={{ path: `/reviews/${id}/exports`, body: { format: "pdf" } }} />
 *   <DocumentDownload label="Télécharger le PowerPoint" href={`/api/contracts/${id}/deck.pptx`} fileName="cotech-2021.pptx" />
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../api/client";
import { fetchJob, jobFileUrl, startDocumentJob, type JobView } from "../api/jobs";

const POLL_MS = 400;

type Props = {
  /** « Télécharger le PDF », « Télécharger la revue (Word) »… */
  label: string;
  priority?: "primary" | "secondary" | "tertiary";
  size?: "small" | "medium" | "large";
  className?: string;
} & (
  | {
      /** The API route that starts the job (path after /api, as for `api()`), and its JSON body. */
      job: { path: string; body?: unknown };
      href?: never;
      fileName?: never;
    }
  | {
      /** A direct download (full URL, /api/…), for files made in the request. */
      href: string;
      /** Name suggested to the browser (the server's Content-Disposition wins). */
      fileName?: string;
      job?: never;
    }
);

type Status = { kind: "idle" } | { kind: "working"; job: JobView | null } | { kind: "done"; job: JobView } | { kind: "failed"; detail: string };

/** « Mise en page du document… 60 % ». */
export const progressText = (job: JobView | null) => (!job || job.state === "queued" ? "Document en attente de préparation…" : `${job.step}… ${job.percent} %`);

/** Saves the file: a hidden link, clicked (the attachment does not leave the page). */
function download(url: string, fileName?: string): void {
  const link = document.createElement("a");
  link.href = url;
  if (fileName) link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function DocumentDownload(props: Props) {
  const { label, priority = "secondary", size = "small", className } = props;
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  const progressId = useId();

  // Stop following the job when the page goes away.
  useEffect(() => () => abort.current?.abort(), []);

  if (props.href !== undefined)
    return (
      <Button className={className} priority={priority} size={size} iconId="fr-icon-download-line" iconPosition="left" linkProps={{ to: props.href, reloadDocument: true, download: props.fileName ?? true }}>
        {label}
      </Button>
    );
  const { path, body } = props.job;

  async function run(): Promise<void> {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const { signal } = controller;
    setStatus({ kind: "working", job: null });
    try {
      let { job } = await startDocumentJob(path, body, signal);
      while (job.state === "queued" || job.state === "running") {
        setStatus({ kind: "working", job });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (signal.aborted) return;
        job = (await fetchJob(job.id, signal)).job;
      }
      if (job.state === "failed") return setStatus({ kind: "failed", detail: job.error ?? "La préparation du document a échoué." });
      setStatus({ kind: "done", job });
      download(jobFileUrl(job.id), job.fileName);
    } catch (e) {
      if (signal.aborted || (e as Error).name === "AbortError") return;
      setStatus({ kind: "failed", detail: e instanceof ApiError ? e.detail : "Le document n'a pas pu être préparé. Réessayez." });
    }
  }

  const working = status.kind === "working";
  return (
    <div className={className}>
      {/* aria-disabled while it works, not disabled: the button keeps the focus (a disabled one gives it to <body>). */}
      <Button
        priority={priority}
        size={size}
        iconId="fr-icon-download-line"
        iconPosition="left"
        onClick={() => void (working || run())}
        nativeButtonProps={{ "aria-disabled": working, "aria-describedby": working ? progressId : undefined }}
      >
        {label}
      </Button>
      <div aria-live="polite" role="status">
        {working && (
          <div className={fr.cx("fr-mt-1w")}>
            <label htmlFor={progressId} className={fr.cx("fr-text--sm", "fr-mb-0")} style={{ display: "block" }}>
              {progressText(status.job)}
            </label>
            <progress id={progressId} max={100} value={status.job?.state === "running" ? status.job.percent : undefined} style={{ width: "100%", maxWidth: "20rem" }}>
              {status.job ? `${status.job.percent} %` : ""}
            </progress>
          </div>
        )}
        {status.kind === "done" && (
          <p className={fr.cx("fr-text--sm", "fr-mt-1w", "fr-mb-0")}>
            Document prêt. Si le téléchargement ne démarre pas,{" "}
            <a href={jobFileUrl(status.job.id)} download={status.job.fileName ?? true}>
              téléchargez « {status.job.fileName ?? status.job.label} »
            </a>
            .
          </p>
        )}
      </div>
      {status.kind === "failed" && (
        <Alert
          className={fr.cx("fr-mt-1w")}
          severity="error"
          small
          description={
            <>
              {status.detail}{" "}
              <Button priority="tertiary" size="small" onClick={() => void run()}>
                Réessayer
              </Button>
            </>
          }
        />
      )}
    </div>
  );
}
