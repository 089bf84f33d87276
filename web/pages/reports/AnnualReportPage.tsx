/**
 * The annual report of a calendar year: pick a year within the contract, preview the
 * report as it prints, download it as DOCX or PDF.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { useParams, useSearchParams } from "react-router";
import { useContract } from "../../api/queries";
import { useDocumentHtml } from "../../api/reports";
import { YearPicker } from "../../components/YearPicker";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { DocumentPreview, DownloadButtons } from "./DownloadButtons";
import { AnnualReportTexts } from "./AnnualReportTexts";
import "../overview/overview.css";

/** The contract's years, and this year within them. */
export function contractYears(startDate: string, endDate: string, today = new Date().toISOString().slice(0, 10)) {
  const first = Number(startDate.slice(0, 4));
  const last = Number(endDate.slice(0, 4));
  const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  return { years, current: Math.min(last, Math.max(first, Number(today.slice(0, 4)))) };
}

export function AnnualReportPage() {
  const { contractId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const contract = useContract(contractId);
  const range = contract.data ? contractYears(contract.data.startDate, contract.data.endDate) : null;
  const asked = Number(params.get("annee"));
  const year = range ? (range.years.includes(asked) ? asked : range.current) : null;
  const path = (format: string) => `/contracts/${contractId}/annual-report.${format}?year=${year}`;
  const preview = useDocumentHtml(path("html"), year !== null);
  if (contract.isPending) return <Loading label="Chargement du bilan annuel…" />;
  if (contract.error) return <ErrorMessage error={contract.error} title="Le bilan annuel n'a pas pu être chargé" />;
  return (
    <Page
      title={`Bilan annuel ${year}`}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.data.name, to: `/contrats/${contractId}` },
      ]}
    >
      <p>
        Le bilan d'une année civile : synthèse de l'année, réunions des instances tenues au regard du rythme prévu, avancement de chaque fiche action, indicateurs comparés à leurs cibles, participation
        des habitants, revues publiées et perspectives. Il est établi à partir des données du contrat au moment du téléchargement ; la synthèse et les perspectives sont celles que la coordination a
        publiées.
      </p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-2w")}>
        <YearPicker label="Année du bilan"
          year={year!}
          years={range!.years}
          onPick={(y) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.set("annee", String(y));
              return next;
            })
          }
        />
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <DownloadButtons what={`Le bilan annuel ${year}`} baseName={`bilan-annuel-${year}`} path={(format) => path(format)} />
        </div>
      </div>
      {year !== null && <AnnualReportTexts contractId={contractId} year={year} />}
      <h2>Aperçu</h2>
      {preview.error ? (
        <ErrorMessage error={preview.error} title="L'aperçu du bilan n'a pas pu être préparé" />
      ) : preview.data === undefined ? (
        <Loading label="Préparation de l'aperçu du bilan…" />
      ) : (
        <DocumentPreview html={preview.data} title="Aperçu du bilan annuel" updating={preview.isFetching} />
      )}
    </Page>
  );
}

