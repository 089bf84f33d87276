/** The fiches as an Excel workbook: the list's export and import links, and the import page of the coordination. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button, type ButtonProps } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api, ApiError, setCsrfToken, type FieldError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { useContract, type Contract } from "../../api/queries";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { plural } from "../../format";

const MAX_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = "Le fichier dépasse la taille maximale de 10 Mo.";
const workbookUrl = (contractId: string) => `/api/contracts/${contractId}/actions.xlsx`;

interface ImportSummary {
  updated: number[];
  unchanged: number;
}

/** The buttons of the fiche list: new fiche, Excel export (readers), Excel import (the coordination). */
export function FicheListActions({ contract: c }: { contract: Contract }) {
  const buttons: ButtonProps[] = [];
  if (c.permissions.createAction) buttons.push({ children: "Nouvelle fiche", iconId: "fr-icon-add-line", linkProps: { to: `/contrats/${c.id}/fiches/nouvelle` } });
  if (c.permissions.export)
    buttons.push({ children: "Exporter les fiches (Excel)", iconId: "fr-icon-download-line", priority: "secondary", linkProps: { to: workbookUrl(c.id), reloadDocument: true, download: `fiches-${c.slug}.xlsx` } });
  if (c.permissions.export)
    buttons.push({ children: "Exporter les fiches (Word)", iconId: "fr-icon-file-text-line", priority: "secondary", linkProps: { to: `/api/contracts/${c.id}/actions.docx`, reloadDocument: true, download: `fiches-${c.slug}.docx` } });
  if (c.permissions.update) buttons.push({ children: "Importer les fiches (Excel)", iconId: "fr-icon-upload-line", priority: "secondary", linkProps: { to: `/contrats/${c.id}/fiches/importer` } });
  if (!buttons.length) return null;
  return <ButtonsGroup inlineLayoutWhen="md and up" buttonsSize="small" buttonsIconPosition="left" buttons={buttons as [ButtonProps, ...ButtonProps[]]} />;
}

/** Sends the workbook as multipart/form-data; problem+json errors become ApiError. */
async function upload(contractId: string, file: File): Promise<ImportSummary> {
  const { csrfToken } = await api<ResponseOf<"/api/auth/session", "get">>("/auth/session");
  setCsrfToken(csrfToken);
  const form = new FormData();
  form.append("file", file);
  let response: Response;
  try {
    response = await fetch(workbookUrl(contractId), { method: "POST", headers: { accept: "application/json", "x-csrf-token": csrfToken }, body: form });
  } catch {
    throw new ApiError(0, "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.");
  }
  const payload = (await response.json().catch(() => ({}))) as Partial<ImportSummary> & { detail?: string; errors?: FieldError[] };
  if (!response.ok) throw new ApiError(response.status, payload.detail ?? (response.status === 413 ? TOO_LARGE : `Erreur ${response.status}.`), payload.errors ?? []);
  return payload as ImportSummary;
}

export function ActionImportPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  if (contract.isPending) return <Loading />;
  if (contract.error) return <ErrorMessage error={contract.error} />;
  if (!contract.data.permissions.update)
    return <NotAllowed title="Vous ne pouvez pas importer les fiches">L'import des fiches depuis Excel est réservé à la coordination du contrat.</NotAllowed>;
  return <ImportForm contract={contract.data} />;
}

/** "Description!F7" → ["Description", "F7"]. */
const splitPath = (path: string): [string, string] => {
  const at = path.lastIndexOf("!");
  return at < 0 ? ["—", path] : [path.slice(0, at), path.slice(at + 1)];
};

function ImportForm({ contract: c }: { contract: Contract }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const importer = useMutation({
    mutationFn: (f: File) => upload(c.id, f),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  useEffect(() => {
    if (importer.isSuccess || importer.isError) outcome.current?.focus();
  }, [importer.isSuccess, importer.isError]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setLocalError("Choisissez le classeur Excel (.xlsx) à importer.");
    if (file.size > MAX_BYTES) return setLocalError(TOO_LARGE);
    setLocalError(null);
    importer.mutate(file);
  };
  const error = importer.error instanceof ApiError ? importer.error : null;
  const cellErrors = error?.errors.filter((e) => e.path.includes("!")) ?? [];
  const summary = importer.data;

  return (
    <Page
      title="Importer les fiches (Excel)"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Fiches actions", to: `/contrats/${c.id}/fiches` },
      ]}
    >
      <p>
        Modifiez les fiches dans le classeur exporté par Clés (<Link to={workbookUrl(c.id)} reloadDocument download={`fiches-${c.slug}.xlsx`}>télécharger l'export des fiches</Link>), puis
        importez-le ici. Seules les fiches modifiées sont enregistrées, avec leur historique ; aucune fiche n'est créée ni supprimée. Si une cellule est en erreur, rien n'est
        enregistré et chaque erreur est indiquée avec sa feuille et sa cellule. La feuille « À lire » du classeur explique comment remplir chaque colonne.
      </p>
      <form onSubmit={submit} noValidate>
        <Upload
          label="Classeur des fiches (.xlsx)"
          hint="Le fichier exporté par Clés, modifié dans Excel ou LibreOffice et enregistré au format .xlsx. Taille maximale : 10 Mo."
          state={localError ? "error" : "default"}
          stateRelatedMessage={localError ?? undefined}
          nativeInputProps={{
            accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              importer.reset();
            },
          }}
        />
        <Button type="submit" className={fr.cx("fr-mt-3w")} iconId="fr-icon-upload-line" disabled={importer.isPending}>
          {importer.isPending ? "Import en cours…" : "Importer"}
        </Button>
      </form>
      <div ref={outcome} tabIndex={-1} className={fr.cx("fr-mt-4w")} aria-live="polite">
        {importer.isPending && <p role="status">Vérification du classeur…</p>}
        {summary && (
          <Alert
            severity="success"
            title="Import terminé"
            description={
              summary.updated.length
                ? `${plural(summary.updated.length, "fiche mise à jour", "fiches mises à jour")} : ${summary.updated.map((n) => `FA ${n}`).join(", ")} ; ${plural(summary.unchanged, "inchangée")}.`
                : `Aucune fiche n'a changé (${plural(summary.unchanged, "fiche inchangée", "fiches inchangées")}).`
            }
          />
        )}
        {importer.error && (
          <>
            <Alert severity="error" title="Les fiches n'ont pas été importées" description={importer.error.message} />
            {cellErrors.length > 0 && (
              <Table
                className={fr.cx("fr-mt-3w")}
                caption={`Erreurs du classeur (${cellErrors.length})`}
                fixed={false}
                headers={["Feuille", "Cellule", "Erreur"]}
                data={cellErrors.map((e) => [...splitPath(e.path), e.message])}
              />
            )}
          </>
        )}
      </div>
    </Page>
  );
}
