/**
 * The synthesis and outlook of a year's annual report, for the coordination: Clés proposes
 * them from the data; she edits them, saves a draft, publishes them (every reader's report
 * shows them) and may reopen them. Readers of the contract see them in the preview only.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ApiError } from "../../api/client";
import { useAnnualTexts, useAnnualTextsChange, type AnnualTexts } from "../../api/reports";
import { RichTextEditor } from "../../components/RichTextEditor";
import { ErrorMessage, Loading } from "../../components/Page";
import { useLeaveWarning } from "../../components/useLeaveWarning";
import { formatDate } from "../../format";
import "./reports.css";

type Part = "synthesis" | "outlook";
const LABELS: Record<Part, string> = { synthesis: "Synthèse de l'année", outlook: "Perspectives" };
const HINTS: Record<Part, string> = {
  synthesis: "Ce que l'année a permis : fiches avancées, instances réunies, indicateurs, participation des habitants.",
  outlook: "Ce que l'année suivante doit apporter : étapes à reprendre ou prévues, réunions à programmer, échéance du contrat.",
};
const LEAVE = "La synthèse et les perspectives modifiées ne sont pas enregistrées. Quitter la page sans les enregistrer ?";

const problem = (error: unknown) => (error instanceof ApiError ? error.message : error instanceof Error ? error.message : "Erreur inconnue.");

export function AnnualReportTexts({ contractId, year }: { contractId: string; year: number }) {
  const texts = useAnnualTexts(contractId, year);
  if (texts.isPending) return <Loading label="Chargement de la synthèse et des perspectives…" />;
  if (texts.error) return <ErrorMessage error={texts.error} title="La synthèse et les perspectives n'ont pas pu être chargées" />;
  // Readers of the contract read them in the report; only the coordination writes them.
  if (!texts.data.proposal) return null;
  return <TextsEditor key={year} contractId={contractId} texts={texts.data} />;
}

/** Moves the focus, once React has drawn the change, to what replaced the control that had it. */
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
const focusTitle = () => focusLater("textes-bilan");

function TextsEditor({ contractId, texts }: { contractId: string; texts: AnnualTexts }) {
  const proposal = texts.proposal!;
  // Until a text is saved, the editors open on Clés's proposal.
  const loadedSynthesis = texts.status === "none" ? proposal.synthesis : texts.synthesis;
  const loadedOutlook = texts.status === "none" ? proposal.outlook : texts.outlook;
  const [values, setValues] = useState({ synthesis: loadedSynthesis, outlook: loadedOutlook });
  // A save, a publication or a reopening brings the texts as saved.
  useEffect(() => setValues({ synthesis: loadedSynthesis, outlook: loadedOutlook }), [loadedSynthesis, loadedOutlook, texts.version]);
  const [asking, setAsking] = useState<null | "publish" | "reopen" | Part>(null);
  const [announce, setAnnounce] = useState("");
  const change = useAnnualTextsChange(contractId, texts.year);
  const edited = values.synthesis !== loadedSynthesis || values.outlook !== loadedOutlook;
  useLeaveWarning(texts.status !== "published" && edited, LEAVE);
  const busy = change.isPending;

  const save = () => {
    if (busy) return;
    setAnnounce("");
    change.mutate({ kind: "save", ...values, version: texts.version }, { onSuccess: () => setAnnounce("Brouillon enregistré : l'aperçu du bilan le montre.") });
  };
  /** Publishing or reopening: the panel that asked goes, the title takes the focus, the change is said. */
  const act = (kind: "publish" | "reopen", said: string) => () => {
    if (busy) return;
    change.mutate(
      { kind, version: texts.version! },
      {
        onSuccess: () => {
          setAsking(null);
          setAnnounce(said);
          focusTitle();
        },
      },
    );
  };
  const publish = act("publish", `Synthèse et perspectives publiées dans le bilan annuel ${texts.year}.`);
  const reopen = act("reopen", "Synthèse et perspectives rouvertes : elles sont de nouveau un brouillon.");

  return (
    <section aria-labelledby="textes-bilan" className={fr.cx("fr-mb-6w")}>
      <h2 id="textes-bilan" tabIndex={-1}>
        Synthèse et perspectives{" "}
        <Badge severity={texts.status === "published" ? "success" : texts.status === "draft" ? "info" : "new"} noIcon small>
          {texts.statusLabel}
        </Badge>
      </h2>
      <p role="status" className={fr.cx("fr-sr-only")}>
        {announce}
      </p>
      {texts.status === "published" ? (
        <Published texts={texts} busy={busy} error={change.error} asking={asking === "reopen"} onAsk={(on) => setAsking(on ? "reopen" : null)} onReopen={reopen} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <p>
            {texts.status === "none"
              ? "Clés propose une synthèse de l'année et des perspectives à partir des données du contrat. Relisez-les, complétez-les et enregistrez-les : elles restent un brouillon, vu de la coordination seule, jusqu'à leur publication."
              : "Brouillon vu de la coordination seule. Une fois publiées, la synthèse et les perspectives figurent dans le bilan de chaque lecteur du contrat."}
          </p>
          {(["synthesis", "outlook"] as const).map((part) => (
            <div key={part} className={fr.cx("fr-mb-3w")}>
              <RichTextEditor id={`texte-${part}`} label={LABELS[part]} hint={HINTS[part]} value={values[part]} onChange={(html) => setValues((old) => ({ ...old, [part]: html }))} />
              {values[part] !== proposal[part] &&
                (asking === part ? (
                  <Confirm
                    title={`Remplacer le texte « ${LABELS[part]} » par la proposition de Clés ?`}
                    onCancel={() => setAsking(null)}
                    returnTo={`reprendre-${part}`}
                    actions={
                      <Button
                        type="button"
                        size="small"
                        onClick={() => {
                          setValues((old) => ({ ...old, [part]: proposal[part] }));
                          setAsking(null);
                          setAnnounce(`La proposition de Clés a remplacé le texte « ${LABELS[part]} ».`);
                          focusLater(`texte-${part}`);
                        }}
                      >
                        Remplacer le texte
                      </Button>
                    }
                  >
                    <p className={fr.cx("fr-mb-0")}>Le texte actuel est effacé ; la proposition est établie à partir des données du contrat à ce jour.</p>
                  </Confirm>
                ) : (
                  <Button id={`reprendre-${part}`} type="button" size="small" priority="tertiary" iconId="fr-icon-refresh-line" iconPosition="left" onClick={() => setAsking(part)}>
                    Reprendre la proposition de Clés
                  </Button>
                ))}
            </div>
          ))}
          {change.error && <Alert severity="error" small role="alert" className={fr.cx("fr-mb-2w")} description={problem(change.error)} />}
          {asking === "publish" ? (
            <Confirm
              title={`Publier la synthèse et les perspectives du bilan ${texts.year} ?`}
              onCancel={() => setAsking(null)}
              returnTo="publier-textes"
              actions={
                <Button type="button" aria-disabled={busy} onClick={publish}>
                  {busy ? "Publication…" : "Publier"}
                </Button>
              }
            >
              <p className={fr.cx("fr-mb-0")}>Chaque lecteur du contrat, l'ARS comprise, les lira dans le bilan annuel {texts.year}. Pour les modifier ensuite, il faudra les rouvrir.</p>
            </Confirm>
          ) : (
            <div className="cles-texts-actions">
              <Button type="submit" aria-disabled={busy}>
                {busy ? "Enregistrement…" : "Enregistrer le brouillon"}
              </Button>
              {texts.status === "draft" && !edited && (
                <Button id="publier-textes" type="button" priority="secondary" iconId="fr-icon-send-plane-line" iconPosition="left" onClick={() => setAsking("publish")}>
                  Publier…
                </Button>
              )}
              {texts.status === "draft" && edited && <p className={fr.cx("fr-text--sm", "fr-mb-0")}>Enregistrez vos modifications avant de publier.</p>}
            </div>
          )}
          {texts.status === "none" && <p className={fr.cx("fr-text--sm", "fr-mt-1w")}>La proposition n'est pas encore enregistrée.</p>}
        </form>
      )}
    </section>
  );
}

function Published({ texts, busy, error, asking, onAsk, onReopen }: { texts: AnnualTexts; busy: boolean; error: unknown; asking: boolean; onAsk: (on: boolean) => void; onReopen: () => void }) {
  return (
    <>
      <p>
        Publiées{texts.publishedAt ? ` le ${formatDate(texts.publishedAt)}` : ""}
        {texts.publishedByName ? ` par ${texts.publishedByName}` : ""} : chaque lecteur du contrat les lit dans le bilan annuel {texts.year} (voir l'aperçu ci-dessous).
      </p>
      {error ? <Alert severity="error" small role="alert" className={fr.cx("fr-mb-2w")} description={problem(error)} /> : null}
      {asking ? (
        <Confirm
          title="Rouvrir la synthèse et les perspectives ?"
          onCancel={() => onAsk(false)}
          returnTo="rouvrir-textes"
          actions={
            <Button type="button" aria-disabled={busy} onClick={() => !busy && onReopen()}>
              {busy ? "Réouverture…" : "Rouvrir pour modifier"}
            </Button>
          }
        >
          <p className={fr.cx("fr-mb-0")}>Elles redeviennent un brouillon : jusqu'à leur nouvelle publication, les lecteurs du contrat liront à leur place la proposition de Clés.</p>
        </Confirm>
      ) : (
        <Button id="rouvrir-textes" type="button" priority="secondary" iconId="fr-icon-edit-line" iconPosition="left" onClick={() => onAsk(true)}>
          Rouvrir pour modifier…
        </Button>
      )}
    </>
  );
}

/**
 * A confirmation that takes the focus when it opens; « Annuler » or Escape closes it and gives
 * the focus back to the button that opened it.
 */
function Confirm({ title, children, actions, onCancel, returnTo }: { title: string; children: ReactNode; actions: ReactNode; onCancel: () => void; returnTo: string }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => box.current?.focus(), []);
  const cancel = () => {
    onCancel();
    focusLater(returnTo);
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-labelledby={titleId}
      className="cles-texts-confirm"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          cancel();
        }
      }}
    >
      <h3 id={titleId} className={fr.cx("fr-h6")}>
        {title}
      </h3>
      {children}
      <div className="cles-texts-actions fr-mt-2w">
        {actions}
        <Button type="button" size="small" priority="tertiary" onClick={cancel}>
          Annuler
        </Button>
      </div>
    </div>
  );
}
