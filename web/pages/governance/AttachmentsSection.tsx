/** Files of a meeting (slides, minutes, pictures): download for readers, upload and removal for the coordination. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { api, ApiError, setCsrfToken, type FieldError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { governanceKeys, type Attachment, type Meeting } from "../../api/governance";
import { fieldId } from "../../components/form";
import { formatDate } from "../../format";
import { parisParts } from "./parisTime";

/** What the server accepts (checked there from the content). */
const ACCEPT = ".pdf,.docx,.pptx,.xlsx,.odt,.odp,.ods,.png,.jpg,.jpeg,.webp";
const ACCEPTED_LIST = "PDF, DOCX, PPTX, XLSX, ODT, ODP, ODS, PNG, JPEG, WEBP";
const MAX_BYTES = 20 * 1024 * 1024;
const TOO_LARGE = "Le fichier dépasse la taille maximale de 20 Mo.";

const KIND_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.oasis.opendocument.text": "Texte OpenDocument",
  "application/vnd.oasis.opendocument.presentation": "Présentation OpenDocument",
  "application/vnd.oasis.opendocument.spreadsheet": "Tableur OpenDocument",
  "image/png": "Image PNG",
  "image/jpeg": "Image JPEG",
  "image/webp": "Image WebP",
};

const sizeFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
/** "340 Ko", "1,2 Mo". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))} Ko`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} Mo`;
}

/** Sends one file as multipart/form-data, telling how far it got; problem+json errors become ApiError. */
async function upload(meetingId: string, file: File, onProgress: (fraction: number) => void): Promise<Attachment> {
  // The CSRF token of the session, fresh (the API client keeps it to itself).
  const { csrfToken } = await api<ResponseOf<"/api/auth/session", "get">>("/auth/session");
  setCsrfToken(csrfToken);
  const form = new FormData();
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/meetings/${meetingId}/attachments`);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez."));
    xhr.onload = () => {
      let payload: { detail?: string; errors?: FieldError[] } & Partial<Attachment> = {};
      try {
        payload = JSON.parse(xhr.responseText || "{}");
      } catch {
        // Not JSON: a proxy's page; the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as Attachment);
      else reject(new ApiError(xhr.status, payload.detail ?? (xhr.status === 413 ? TOO_LARGE : `Erreur ${xhr.status}.`), payload.errors ?? []));
    };
    xhr.send(form);
  });
}

export function AttachmentsSection({ meeting }: { meeting: Meeting }) {
  const manage = meeting.permissions.manage;
  return (
    <section aria-labelledby="pieces-jointes" className={fr.cx("fr-mb-6w")}>
      <h2 id="pieces-jointes" tabIndex={-1} className={fr.cx("fr-h4")}>{`Pièces jointes (${meeting.attachments.length})`}</h2>
      {meeting.attachments.length === 0 ? (
        <p className="cles-empty">Aucune pièce jointe.</p>
      ) : (
        <ul className="cles-plain-list fr-mb-3w">
          {meeting.attachments.map((a) => (
            <AttachmentItem key={a.id} attachment={a} meetingId={meeting.id} manage={manage} />
          ))}
        </ul>
      )}
      {manage && <UploadForm meetingId={meeting.id} />}
    </section>
  );
}

function AttachmentItem({ attachment: a, meetingId, manage }: { attachment: Attachment; meetingId: string; manage: boolean }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api(`/attachments/${a.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meetingId) });
      document.getElementById("pieces-jointes")?.focus();
    },
  });
  return (
    <li>
      <a href={`/api/attachments/${a.id}`} download={a.fileName} className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")}>
        {a.fileName}
        <span className={fr.cx("fr-sr-only")}>{` (télécharger)`}</span>
      </a>
      <span className={fr.cx("fr-text--sm", "fr-ml-1w")}>{`${KIND_LABELS[a.mediaType] ?? a.mediaType} · ${fileSize(a.sizeBytes)} · ajouté par ${a.uploadedByName} le ${formatDate(parisParts(a.createdAt).date)}`}</span>
      {manage && (
        <Button
          size="small"
          priority="tertiary no outline"
          iconId="fr-icon-delete-line"
          className={fr.cx("fr-ml-1w")}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Retirer la pièce jointe « ${a.fileName} » ?`)) remove.mutate();
          }}
        >
          Retirer
          <span className={fr.cx("fr-sr-only")}>{` ${a.fileName}`}</span>
        </Button>
      )}
      {remove.error && <p className={fr.cx("fr-error-text")} role="alert">{remove.error.message}</p>}
    </li>
  );
}

function UploadForm({ meetingId }: { meetingId: string }) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (f: File) => upload(meetingId, f, setProgress),
    onSuccess: async (a) => {
      setDone(`« ${a.fileName} » est jointe à la réunion.`);
      setFile(null);
      if (input.current) input.current.value = "";
      await queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meetingId) });
    },
    onError: (e) => setError(e instanceof ApiError ? (e.errors.find((x) => x.path === "file")?.message ?? e.detail) : e.message),
    onSettled: () => setProgress(null),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!file) return setError("Choisissez un fichier à joindre.");
    if (file.size > MAX_BYTES) return setError(TOO_LARGE);
    setError(null);
    send.mutate(file);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="joindre" className="cles-narrow">
      <h3 id="joindre" className={fr.cx("fr-h6")}>
        Joindre un fichier
      </h3>
      <Upload
        label="Fichier"
        hint={`Diaporama, compte rendu, photo… Taille maximale : 20 Mo. Formats acceptés : ${ACCEPTED_LIST}.`}
        disabled={send.isPending}
        {...(error ? { state: "error" as const, stateRelatedMessage: error } : {})}
        nativeInputProps={{
          id: fieldId("file"),
          // The DSFR names its message « <id>-desc-error » even when there is none: only an error describes the field
          // (the hint is in the label).
          "aria-describedby": error ? `${fieldId("file")}-desc-error` : undefined,
          ref: input,
          accept: ACCEPT,
          onChange: (e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
            setDone(null);
          },
        }}
      />
      {progress !== null && (
        <p className={fr.cx("fr-mb-1w")}>
          <label htmlFor="envoi-progression">Envoi en cours</label>{" "}
          <progress id="envoi-progression" className="cles-upload-progress" max={1} value={progress} />
        </p>
      )}
      {done && <Alert severity="success" small role="status" description={done} className={fr.cx("fr-mb-2w")} />}
      <Button type="submit" iconId="fr-icon-upload-2-line" disabled={send.isPending} className={fr.cx("fr-mt-2w")}>
        {send.isPending ? "Envoi…" : "Joindre le fichier"}
      </Button>
    </form>
  );
}
