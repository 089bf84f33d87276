import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, ApiError } from "../../api/client";
import { keys, useContracts, type Contract } from "../../api/queries";
import { Loading, NotAllowed, Page } from "../../components/Page";

const MAX_BYTES = 20 * 1024 * 1024;

export function ImportPage() {
  const contracts = useContracts();
  if (contracts.isPending) return <Loading />;
  if (!contracts.data?.permissions.import)
    return <NotAllowed title="Vous ne pouvez pas importer de contrat">L'import d'un contrat entier est réservé à l'administration de la plateforme.</NotAllowed>;
  return <ImportForm />;
}

function ImportForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const importer = useMutation({
    mutationFn: async (f: File) => {
      let text: string;
      try {
        text = await f.text();
      } catch {
        throw new ApiError(0, "Le fichier n'a pas pu être lu (il a peut-être été modifié ou déplacé) : choisissez-le à nouveau.");
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError(400, "Ce fichier n'est pas un JSON valide : choisissez un export de contrat Clés (.json).");
      }
      return api<Contract>("/contracts/import", { method: "POST", body });
    },
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: keys.contracts });
      void navigate(`/contrats/${c.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setLocalError("Choisissez un fichier à importer.");
    if (file.size > MAX_BYTES) return setLocalError("Ce fichier dépasse 20 Mo.");
    setLocalError(null);
    importer.mutate(file);
  };
  const error = importer.error instanceof ApiError ? importer.error : null;
  return (
    <Page title="Importer un contrat" breadcrumb={[{ label: "Contrats", to: "/" }]}>
      <p>
        Importez un contrat entier depuis un fichier exporté par Clés au format <code>cles.contract</code> : version 2 (le contrat et sa vie : instances,
        réunions, suivi des fiches, revues) ou version 1 (territoire, signataires, annuaire, axes, objectifs et fiches). Si le fichier contient une erreur,
        rien n'est enregistré et chaque erreur est indiquée avec sa place dans le fichier.
      </p>
      <form onSubmit={submit} noValidate>
        <Upload
          label="Fichier d'export (.json)"
          hint="Taille maximale : 20 Mo."
          state={localError ? "error" : "default"}
          stateRelatedMessage={localError ?? undefined}
          nativeInputProps={{ accept: "application/json,.json", onChange: (e) => setFile(e.target.files?.[0] ?? null) }}
        />
        <Button type="submit" className={fr.cx("fr-mt-3w")} iconId="fr-icon-upload-line" disabled={importer.isPending}>
          {importer.isPending ? "Import en cours…" : "Importer"}
        </Button>
      </form>
      {importer.isPending && (
        <p role="status" className={fr.cx("fr-mt-2w")}>
          Vérification et enregistrement du contrat…
        </p>
      )}
      {importer.error && (
        <Alert
          severity="error"
          className={fr.cx("fr-mt-4w")}
          title="Le contrat n'a pas été importé"
          description={
            <>
              <p>{importer.error.message}</p>
              {error && error.errors.length > 0 && (
                <ul>
                  {error.errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
    </Page>
  );
}
