/** DOCX and PDF download buttons of a generated document, each saying while it is being prepared. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { downloadDocument } from "../../api/reports";
import { embeddedDocument } from "./embeddedDocument";

type Format = "docx" | "pdf";
const LABELS: Record<Format, string> = { docx: "Télécharger (DOCX)", pdf: "Télécharger (PDF)" };

export function DownloadButtons({ path, baseName, what }: { path: (format: Format) => string; baseName: string; what: string }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string>("");
  const download = async (format: Format) => {
    if (busy) return;
    setBusy(format);
    setError(null);
    setDone("");
    try {
      await downloadDocument(path(format), `${baseName}.${format}`);
      setDone(`${what} au format ${format.toUpperCase()} est téléchargé.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Le document n'a pas pu être préparé.");
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left", "fr-btns-group--sm")}>
        {(["docx", "pdf"] as const).map((format) => (
          <li key={format}>
            {/* Busy, the button says so but keeps the focus (aria-disabled, not disabled: a disabled button drops it to the page). */}
            <Button priority="secondary" iconId={busy === format ? "fr-icon-refresh-line" : "fr-icon-download-line"} aria-disabled={busy !== null} onClick={() => void download(format)}>
              {busy === format ? `Préparation du ${format.toUpperCase()}…` : LABELS[format]}
            </Button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className={fr.cx("fr-sr-only")}>
        {busy ? `Préparation du document ${busy.toUpperCase()} en cours…` : done}
      </p>
      {error && <Alert severity="error" small description={error} className={fr.cx("fr-mb-2w")} />}
    </div>
  );
}

/**
 * The document shown inside the page, as it will print, without landmarks of its own
 * (embeddedDocument): the page has its header and main. The frame has an opaque origin
 * (sandbox without allow-same-origin): nothing in it reaches the app or its session. The
 * document has no script of its own; scripts are allowed only so that assistive and
 * accessibility tools can look inside the frame.
 */
export function DocumentPreview({ html, title, updating }: { html: string; title: string; updating: boolean }) {
  return (
    <div className="cles-document-preview">
      <p role="status" aria-live="polite" className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {updating ? "Mise à jour de l'aperçu…" : ""}
      </p>
      <iframe title={title} srcDoc={embeddedDocument(html)} sandbox="allow-scripts" style={{ width: "100%", height: "75vh", border: "1px solid var(--border-default-grey)", background: "#fff" }} />
    </div>
  );
}
