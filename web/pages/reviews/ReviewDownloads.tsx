/**
 * The files of a review: Word and PDF and the annexes in a ZIP, prepared on the server with
 * a progress bar (DocumentDownload), and the print-friendly page in a new tab.
 * `number` picks a published version; without it, the working draft (coordination).
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { reviewFiles } from "../../api/reviews";
import { DocumentDownload } from "../../components/DocumentDownload";

interface Props {
  reviewId: string;
  number?: number;
  /** « de la version 2 », « du brouillon »: said to screen readers with the print link. */
  what: string;
  /** The quarter's meetings have attachments (the review has an « Annexes » section). */
  hasAnnexes: boolean;
}

export function ReviewDownloads({ reviewId, number, what, hasAnnexes }: Props) {
  const job = (format: "docx" | "pdf" | "zip") => ({ path: reviewFiles.exports(reviewId), body: { format, ...(number ? { number } : {}) } });
  return (
    <div className="cles-downloads">
      <DocumentDownload label="Word (DOCX)" job={job("docx")} />
      <DocumentDownload label="PDF" job={job("pdf")} />
      <Button
        priority="secondary"
        size="small"
        iconId="fr-icon-printer-line"
        iconPosition="left"
        linkProps={{ to: reviewFiles.html(reviewId, number), reloadDocument: true, target: "_blank", rel: "noopener", title: `Page imprimable ${what} — nouvel onglet` }}
      >
        Page imprimable (HTML)
      </Button>
      {hasAnnexes && <DocumentDownload label="Annexes (ZIP)" job={job("zip")} />}
    </div>
  );
}
