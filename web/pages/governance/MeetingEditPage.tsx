/** Records a meeting (new, or changed): when and where, agenda, participants and attendance, minutes, decisions. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { meetingBody } from "../../../server/shared-forms";
import { api, ApiError } from "../../api/client";
import { governanceKeys, useBodies, useBodyMembers, useMeeting, type Body, type Meeting } from "../../api/governance";
import { useActions, useContract, type Contract } from "../../api/queries";
import { ErrorSummary, RequiredNote, zodErrors, type Errors } from "../../components/form";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { draftFromMeeting, emptyMeetingDraft, errorLabel, meetingBodyOf, participantsBodyOf, scheduleErrors, type MeetingDraft } from "./meetingDraft";
import { AgendaFields, AttendanceFields, MinutesFields, WhenFields, type MeetingFieldsProps } from "./MeetingFields";
import "./governance.css";

export function MeetingEditPage() {
  const { contractId = "", meetingId } = useParams();
  const contract = useContract(contractId);
  const bodies = useBodies(contractId);
  const meeting = useMeeting(meetingId ?? "", !!meetingId);
  if (contract.isPending || bodies.isPending || (meetingId && meeting.isPending)) return <Loading label="Chargement du formulaire…" />;
  const error = contract.error ?? bodies.error ?? (meetingId ? meeting.error : null);
  if (error) return <ErrorMessage error={error} title="Le formulaire n'a pas pu être chargé" />;
  const c = contract.data!;
  const back = meetingId ? `/contrats/${contractId}/reunions/${meetingId}` : `/contrats/${contractId}/reunions`;
  if (!c.permissions.manageGovernance)
    return (
      <NotAllowed title={meetingId ? "Vous ne pouvez pas modifier cette réunion" : "Vous ne pouvez pas enregistrer de réunion"}>
        Seule la coordination du contrat enregistre les réunions. <Link to={back}>Revenir aux réunions</Link>
      </NotAllowed>
    );
  if (meeting.data?.cancelledAt)
    return (
      <NotAllowed title="Cette réunion est annulée">
        Une réunion annulée ne peut plus être modifiée. <Link to={back}>Revenir à la réunion</Link>
      </NotAllowed>
    );
  if (bodies.data!.items.length === 0)
    return (
      <NotAllowed title="Ce contrat n'a pas encore d'instance">
        Une réunion est celle d'une instance (COPIL, COTECH…). <Link to={`/contrats/${contractId}/gouvernance`}>Créer une instance</Link>
      </NotAllowed>
    );
  return <MeetingForm key={meetingId ?? "nouvelle"} contract={c} bodies={bodies.data!.items} meeting={meetingId ? meeting.data : undefined} />;
}

function MeetingForm({ contract, bodies, meeting }: { contract: Contract; bodies: Body[]; meeting?: Meeting }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fiches = useActions(contract.id, {});
  const [draft, setDraftState] = useState<MeetingDraft>(() => (meeting ? draftFromMeeting(meeting) : emptyMeetingDraft(new URLSearchParams(window.location.search).get("instance") ?? bodies[0]!.id)));
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  // Once the meeting is saved, a failure on its participants is retried as a change of the saved meeting.
  const saved = useRef<{ id: string; version: number; participants: string } | null>(meeting ? { id: meeting.id, version: meeting.version, participants: JSON.stringify(participantsBodyOf(draftFromMeeting(meeting))) } : null);
  const bodyMembers = useBodyMembers(draft.bodyId);
  const setDraft = (update: (d: MeetingDraft) => MeetingDraft) => {
    setDraftState(update);
    setDirty(true);
  };
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: async (payload: ReturnType<typeof meetingBodyOf>) => {
      const current = saved.current;
      const view = current
        ? await api<Meeting>(`/meetings/${current.id}`, { method: "PUT", body: { ...payload, version: current.version } })
        : await api<Meeting>(`/contracts/${contract.id}/meetings`, { method: "POST", body: payload });
      saved.current = { id: view.id, version: view.version, participants: current?.participants ?? JSON.stringify({ participants: [] }) };
      const participants = participantsBodyOf(draft);
      const serialized = JSON.stringify(participants);
      if (serialized === saved.current.participants) return view;
      const after = await api<Meeting>(`/meetings/${view.id}/participants`, { method: "PUT", body: participants });
      saved.current = { ...saved.current, participants: serialized };
      return after;
    },
    onSuccess: async (view) => {
      setDirty(false);
      queryClient.setQueryData(governanceKeys.meeting(view.id), view);
      await queryClient.invalidateQueries({ queryKey: governanceKeys.meetings(contract.id) });
      await queryClient.invalidateQueries({ queryKey: governanceKeys.alerts(contract.id) });
      void navigate(`/contrats/${contract.id}/reunions/${view.id}`, { state: { saved: true } });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 400) setErrors(e.fieldErrors());
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const payload = meetingBodyOf(draft);
    const early = scheduleErrors(draft);
    const parsed = meetingBody.safeParse(payload);
    const all = { ...(parsed.success ? {} : zodErrors(parsed.error)), ...early };
    if (Object.keys(all).length) return setErrors(all);
    setErrors({});
    save.mutate(payload);
  };

  const title = meeting ? `Modifier : ${meeting.title}` : "Nouvelle réunion";
  const failure = save.error && !(save.error instanceof ApiError && save.error.status === 400) ? save.error : null;
  const conflict = failure instanceof ApiError && failure.status === 409;
  const props: MeetingFieldsProps = { draft, setDraft, errors, contract };
  return (
    <Page
      title={title}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.name, to: `/contrats/${contract.id}` },
        { label: "Réunions", to: `/contrats/${contract.id}/reunions` },
        ...(meeting ? [{ label: meeting.title, to: `/contrats/${contract.id}/reunions/${meeting.id}` }] : []),
      ]}
    >
      <form onSubmit={onSubmit} noValidate>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={errorLabel} />
        {conflict && (
          <Alert
            severity="error"
            title="Modification refusée : la réunion a changé entre-temps"
            description={
              <>
                {failure.message} Votre saisie est toujours dans le formulaire ; copiez ce que vous voulez garder avant de <a href={window.location.pathname}>recharger la page</a>.
              </>
            }
            className={fr.cx("fr-mb-4w")}
            role="alert"
          />
        )}
        {failure && !conflict && <Alert severity="error" title="L'enregistrement a échoué" description={failure.message} className={fr.cx("fr-mb-4w")} role="alert" />}
        {!meeting && saved.current && (
          <Alert severity="warning" small description="La réunion est enregistrée, mais pas encore ses participants : corrigez-les puis enregistrez à nouveau." className={fr.cx("fr-mb-4w")} />
        )}
        <WhenFields {...props} bodies={bodies} />
        <AgendaFields {...props} fiches={fiches.data?.items ?? []} />
        <AttendanceFields {...props} bodyMembers={bodyMembers.data?.items ?? []} />
        <MinutesFields {...props} fiches={fiches.data?.items ?? []} />
        <div className="cles-sticky-actions">
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--icon-left", "fr-btns-group--inline-md")}>
            <li>
              <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
                {save.isPending ? "Enregistrement…" : "Enregistrer la réunion"}
              </Button>
            </li>
            <li>
              <Button priority="secondary" type="button" onClick={() => void navigate(-1)}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      </form>
    </Page>
  );
}
