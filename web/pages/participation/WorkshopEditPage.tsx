/** Creates or changes a residents' workshop (World Café): body, call, places and tables, moderators, topics, sessions. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMembers } from "../../api/accounts";
import { ApiError } from "../../api/client";
import { useBodies, type Body } from "../../api/governance";
import { useActions, useContract, type Contract } from "../../api/queries";
import { useSaveWorkshop, useWorkshop, type Workshop } from "../../api/workshops";
import { ErrorSummary, FormProblem, RequiredNote, type Errors } from "../../components/form";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { draftFromWorkshop, emptyWorkshopDraft, validateWorkshop, workshopErrorLabel, type WorkshopDraft } from "./workshop-draft";
import { PlacesFields, SessionFields, TopicFields, WorkshopMainFields, type WorkshopFieldsProps } from "./workshop-fields";

/** The paths this form shows a field for: a server error on any other is said above the form. */
const SHOWN = ["bodyId", "title", "intro", "capacity", "maxPerTable", "tableCount", "meal", "deadline", "retentionMonths", "moderators", "topics", "sessions"];

export function WorkshopEditPage() {
  const { contractId = "", workshopId } = useParams();
  const contract = useContract(contractId);
  const bodies = useBodies(contractId);
  const workshop = useWorkshop(workshopId ?? "", !!workshopId);
  if (contract.isPending || bodies.isPending || (workshopId && workshop.isPending)) return <Loading label="Chargement du formulaire…" />;
  const error = contract.error ?? bodies.error ?? (workshopId ? workshop.error : null);
  if (error) return <ErrorMessage error={error} title="Le formulaire n'a pas pu être chargé" />;
  const c = contract.data!;
  const back = workshopId ? `/contrats/${contractId}/ateliers/${workshopId}` : `/contrats/${contractId}/ateliers`;
  const allowed = workshopId ? workshop.data!.permissions.manage : c.permissions.manageGovernance;
  if (!allowed)
    return (
      <NotAllowed title={workshopId ? "Vous ne pouvez pas modifier cet atelier" : "Vous ne pouvez pas créer d'atelier"}>
        Seule la coordination du contrat organise les ateliers des habitants. <Link to={back}>Revenir aux ateliers</Link>
      </NotAllowed>
    );
  const participation = bodies.data!.items.filter((b) => b.participation);
  if (participation.length === 0)
    return (
      <NotAllowed title="Ce contrat n'a pas d'instance de participation des habitants">
        Un atelier des habitants est organisé par une instance de participation (par exemple un groupe de travail « Participation des habitants »).{" "}
        <Link to={`/contrats/${contractId}/gouvernance`}>Créer ou modifier une instance</Link>
      </NotAllowed>
    );
  return <WorkshopForm key={workshopId ?? "nouveau"} contract={c} bodies={participation} workshop={workshopId ? workshop.data : undefined} />;
}

function WorkshopForm({ contract, bodies, workshop }: { contract: Contract; bodies: Body[]; workshop?: Workshop }) {
  const navigate = useNavigate();
  const fiches = useActions(contract.id, {});
  const members = useMembers(contract.id);
  const [draft, setDraftState] = useState<WorkshopDraft>(() => (workshop ? draftFromWorkshop(workshop) : emptyWorkshopDraft(bodies.length === 1 ? bodies[0]!.id : "")));
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  const save = useSaveWorkshop(contract.id, workshop ? { id: workshop.id, version: workshop.version } : undefined);
  const setDraft = (update: (d: WorkshopDraft) => WorkshopDraft) => {
    setDraftState(update);
    setDirty(true);
  };
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const verdict = validateWorkshop(draft);
    if (verdict.errors) return setErrors(verdict.errors);
    setErrors({});
    save.mutate(verdict.body, {
      onSuccess: (id) => {
        setDirty(false);
        void navigate(`/contrats/${contract.id}/ateliers/${id}`, { state: { saved: true } });
      },
      onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {}),
    });
  };

  const title = workshop ? `Modifier : ${workshop.title}` : "Nouvel atelier des habitants";
  const props: WorkshopFieldsProps = { draft, setDraft, errors };
  return (
    <Page
      title={title}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.name, to: `/contrats/${contract.id}` },
        { label: "Ateliers des habitants", to: `/contrats/${contract.id}/ateliers` },
        ...(workshop ? [{ label: workshop.title, to: `/contrats/${contract.id}/ateliers/${workshop.id}` }] : []),
      ]}
    >
      <form onSubmit={onSubmit} noValidate>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={workshopErrorLabel} />
        <FormProblem error={save.error} errors={errors} shown={SHOWN} what="cet atelier" />
        <WorkshopMainFields {...props} bodies={bodies} />
        <PlacesFields {...props} members={members.data?.items ?? []} />
        <TopicFields {...props} fiches={fiches.data?.items ?? []} />
        <SessionFields {...props} />
        <div className="cles-sticky-actions">
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--icon-left", "fr-btns-group--inline-md")}>
            <li>
              <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
                {save.isPending ? "Enregistrement…" : workshop ? "Enregistrer l'atelier" : "Créer l'atelier"}
              </Button>
            </li>
            <li>
              <Button priority="secondary" type="button" onClick={() => void navigate(workshop ? `/contrats/${contract.id}/ateliers/${workshop.id}` : `/contrats/${contract.id}/ateliers`)}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      </form>
    </Page>
  );
}
