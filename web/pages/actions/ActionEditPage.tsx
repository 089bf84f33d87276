import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { actionBody, actionFields } from "../../../server/shared-forms";
import { api, ApiError } from "../../api/client";
import { keys, useAction, useContract, useActions, type Action, type Contract } from "../../api/queries";
import { ErrorSummary, RequiredNote, zodErrors, type Errors } from "../../components/form";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { bodyFromDraft, draftFromAction, emptyDraft, type ActionDraft, type FieldsProps } from "./actionDraft";
import { DescriptionFields, HeaderFields, JustificationFields } from "./ActionFormFields";
import { actionErrorLabel } from "./actionLabels";
import { IndicatorFields, PartnerFields, TypologyFields } from "./ActionFormLists";
import { BudgetFields } from "./ActionBudgetFields";

export function ActionEditPage() {
  const { contractId = "", actionId } = useParams();
  const contract = useContract(contractId);
  const action = useAction(actionId ?? "");
  const existing = useActions(contractId, {});
  if (contract.isPending || (actionId && action.isPending) || existing.isPending) return <Loading label="Chargement du formulaire…" />;
  const error = contract.error ?? (actionId ? action.error : null) ?? existing.error;
  if (error) return <ErrorMessage error={error} title="Le formulaire n'a pas pu être chargé" />;
  const nextNumber = Math.max(0, ...(existing.data?.items.map((a) => a.number) ?? [])) + 1;
  const allowed = actionId ? action.data?.permissions.update : contract.data?.permissions.createAction;
  if (!allowed)
    return (
      <NotAllowed title={actionId ? "Vous ne pouvez pas modifier cette fiche" : "Vous ne pouvez pas créer de fiche"}>
        {actionId ? "Seules la coordination du contrat et les personnes qui pilotent cette fiche la modifient. " : "Seule la coordination du contrat crée des fiches. "}
        <Link to={actionId ? `/contrats/${contractId}/fiches/${actionId}` : `/contrats/${contractId}/fiches`}>Revenir à la fiche</Link>
      </NotAllowed>
    );
  return <ActionForm contract={contract.data!} action={actionId ? action.data : undefined} nextNumber={nextNumber} />;
}

function ActionForm({ contract, action, nextNumber }: { contract: Contract; action?: Action; nextNumber: number }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<ActionDraft>(() => (action ? draftFromAction(action) : emptyDraft(contract.axes[0]?.id ?? "", nextNumber)));
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  const setDraft = (update: (d: ActionDraft) => ActionDraft) => {
    setDraftState(update);
    setDirty(true);
  };
  // Nothing typed is lost by closing the tab by mistake.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      action ? api<Action>(`/actions/${action.id}`, { method: "PUT", body: { ...(body as object), version: action.version } }) : api<Action>(`/contracts/${contract.id}/actions`, { method: "POST", body }),
    onSuccess: async (saved) => {
      setDirty(false);
      queryClient.setQueryData(keys.action(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: keys.contract(contract.id) });
      void navigate(`/contrats/${contract.id}/fiches/${saved.id}`, { state: { saved: true } });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 400) setErrors(e.fieldErrors());
    },
  });

  // A new fiche names one to three determinants; one saved before they were asked for may still have none.
  const determinantsOptional = !!action && action.determinants.length === 0;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = bodyFromDraft(draft);
    const parsed = (determinantsOptional ? actionFields : actionBody).safeParse(body);
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    save.mutate(parsed.data);
  };

  const title = action ? `Modifier FA ${action.number}` : "Nouvelle fiche action";
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const fieldsProps: FieldsProps = { draft, setDraft, errors, contract, determinantsOptional };
  return (
    <Page
      title={title}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.name, to: `/contrats/${contract.id}` },
        { label: "Fiches actions", to: `/contrats/${contract.id}/fiches` },
        ...(action ? [{ label: `FA ${action.number}`, to: `/contrats/${contract.id}/fiches/${action.id}` }] : []),
      ]}
    >
      {contract.axes.length === 0 ? (
        <Alert severity="warning" title="Ce contrat n'a pas encore d'axe" description="Créez au moins un axe stratégique avant d'ajouter une fiche." />
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <RequiredNote />
          <ErrorSummary errors={errors} labels={actionErrorLabel} />
          {conflict && (
            <Alert
              severity="error"
              title="Modification refusée : la fiche a changé entre-temps"
              description={
                <>
                  {save.error?.message} Votre saisie est toujours dans le formulaire ; copiez ce que vous voulez garder avant de{" "}
                  <a href={window.location.pathname}>recharger la page</a>.
                </>
              }
              className={fr.cx("fr-mb-4w")}
            />
          )}
          {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && (
            <Alert severity="error" title="L'enregistrement a échoué" description={save.error.message} className={fr.cx("fr-mb-4w")} />
          )}
          <HeaderFields {...fieldsProps} />
          <JustificationFields {...fieldsProps} />
          <DescriptionFields {...fieldsProps} />
          <TypologyFields {...fieldsProps} />
          <PartnerFields {...fieldsProps} />
          <IndicatorFields {...fieldsProps} />
          <BudgetFields {...fieldsProps} />
          <div className="cles-sticky-actions">
            <ul className={fr.cx("fr-btns-group", "fr-btns-group--icon-left", "fr-btns-group--inline-md")}>
              <li>
                <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
                  {save.isPending ? "Enregistrement…" : "Enregistrer"}
                </Button>
              </li>
              <li>
                <Button priority="secondary" type="button" onClick={() => void navigate(-1)}>
                  Annuler
                </Button>
              </li>
              {action?.permissions.archive && <ArchiveButton action={action} contractId={contract.id} />}
            </ul>
          </div>
        </form>
      )}
    </Page>
  );
}

function ArchiveButton({ action, contractId }: { action: Action; contractId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () => api(`/actions/${action.id}/archive`, { method: "POST", body: { version: action.version } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      void navigate(`/contrats/${contractId}/fiches`);
    },
  });
  return (
    <li>
      <Button
        priority="tertiary"
        type="button"
        iconId="fr-icon-archive-line"
        onClick={() => {
          if (window.confirm(`Archiver la fiche FA ${action.number} ? Elle sera retirée des listes mais conservée, et pourra être restaurée.`)) archive.mutate();
        }}
      >
        Archiver la fiche
      </Button>
      {archive.error && <p className={fr.cx("fr-error-text")} role="alert">{archive.error.message}</p>}
    </li>
  );
}
