/** Ajustements nécessaires: typed changes to the fiche, proposed, agreed at a committee, done (a done merge merges the fiche). */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "../../../server/shared";
import { api } from "../../api/client";
import { useAdjustments, useContractMeetings, useRefreshFollowUp, type Adjustment, type MeetingSummary } from "../../api/followup";
import { useActions, type ActionItem } from "../../api/queries";
import { controlProps, errorProps, FormProblem, idsFor, useFieldErrors, FormButtons, RequiredNote } from "../../components/form";
import { formatDate } from "../../format";
import { focusSection, meetingDay, PlainText, Section, todayInParis, QueryList } from "./kit";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";

type Kind = keyof typeof ADJUSTMENT_KINDS;
type Status = keyof typeof ADJUSTMENT_STATUSES;
const STATUS_SEVERITY = { proposed: "info", agreed: "new", done: "success" } as const;

interface Context {
  actionId: string;
  contractId: string;
  fiches: ActionItem[];
  meetings: MeetingSummary[];
}

export function AdjustmentsSection({ actionId, contractId, canEdit }: { actionId: string; contractId: string; canEdit: boolean }) {
  const adjustments = useAdjustments(actionId);
  const fiches = useActions(contractId, {});
  const meetings = useContractMeetings(contractId);
  const adding = useDisclosure();
  const context: Context = { actionId, contractId, fiches: (fiches.data?.items ?? []).filter((f) => f.id !== actionId && !f.archivedAt), meetings: meetings.data?.items ?? [] };
  return (
    <Section id="ajustements" title="Ajustements nécessaires" intro="Ce qu'il faut changer dans la fiche : proposé, puis validé en comité, puis réalisé. Une fusion réalisée marque la fiche « Fusionnée ».">
      <QueryList query={adjustments} loading="Chargement des ajustements…" failed="Les ajustements n'ont pas pu être chargés" empty="Aucun ajustement proposé.">
        {(a) => (
          <AdjustmentItem key={a.id} adjustment={a} canEdit={canEdit} context={context} />
        )}
      </QueryList>
      {canEdit &&
        (adding.open ? (
          <AdjustmentForm {...context} onClose={adding.close} />
        ) : (
          <Button ref={adding.trigger} type="button" priority="secondary" iconId="fr-icon-add-line" iconPosition="left" onClick={adding.show}>
            Proposer un ajustement
          </Button>
        ))}
    </Section>
  );
}

function AdjustmentItem({ adjustment: a, canEdit, context }: { adjustment: Adjustment; canEdit: boolean; context: Context }) {
  const refresh = useRefreshFollowUp(context.actionId);
  const editing = useDisclosure();
  const remove = useMutation({
    mutationFn: () => api(`/adjustments/${a.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await refresh("adjustments");
      focusSection("ajustements");
    },
  });
  const meeting = context.meetings.find((m) => m.id === a.agreedMeetingId);
  const steps = [
    a.agreedOn && `validé en comité le ${formatDate(a.agreedOn)}${meeting ? ` (${meeting.title} du ${meetingDay(meeting.startsAt)})` : ""}`,
    a.doneOn && `réalisé le ${formatDate(a.doneOn)}`,
  ].filter(Boolean);
  return (
    <li className="cles-followup-item">
      <h3 className={fr.cx("fr-h6", "fr-mb-1v")}>
        {a.kindLabel}{" "}
        <Badge small noIcon severity={STATUS_SEVERITY[a.status]}>
          {a.statusLabel}
        </Badge>
      </h3>
      {a.targetAction && (
        <p className={fr.cx("fr-mb-1v")}>
          {"Avec la fiche "}
          <Link to={`/contrats/${context.contractId}/fiches/${a.targetAction.id}`}>{`FA ${a.targetAction.number} — ${a.targetAction.title}`}</Link>
        </p>
      )}
      {editing.open ? (
        <AdjustmentForm {...context} adjustment={a} onClose={editing.close} />
      ) : (
        <>
          {a.description && (
            <p className={fr.cx("fr-mb-1v")}>
              <PlainText text={a.description} />
            </p>
          )}
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
            {`Proposé par ${a.authorName} le ${formatDate(a.createdAt.slice(0, 10))}`}
            {steps.length > 0 && ` — ${steps.join(", ")}`}
          </p>
          {remove.error && <Alert severity="error" small role="alert" description={remove.error.message} className={fr.cx("fr-mb-1w")} />}
          {canEdit && (
            <div className="cles-followup-actions">
              <Button ref={editing.trigger} type="button" size="small" priority="secondary" iconId="fr-icon-edit-line" iconPosition="left" onClick={editing.show}>
                Modifier
                <span className={fr.cx("fr-sr-only")}>{` l'ajustement « ${a.kindLabel} »`}</span>
              </Button>
              <ConfirmDelete label="Supprimer" what={`l'ajustement « ${a.kindLabel} »`} onConfirm={() => remove.mutate()} pending={remove.isPending} />
            </div>
          )}
        </>
      )}
    </li>
  );
}

function AdjustmentForm({ actionId, fiches, meetings, adjustment, onClose }: Context & { adjustment?: Adjustment; onClose: () => void }) {
  const refresh = useRefreshFollowUp(actionId);
  const id = idsFor(adjustment ? `ajustement-${adjustment.id}` : "ajustement-nouveau");
  const [kind, setKind] = useState<Kind | "">(adjustment?.kind ?? "");
  const [description, setDescription] = useState(adjustment?.description ?? "");
  const [targetActionId, setTarget] = useState(adjustment?.targetActionId ?? "");
  const [status, setStatus] = useState<Status>(adjustment?.status ?? "proposed");
  const [agreedOn, setAgreedOn] = useState(adjustment?.agreedOn ?? "");
  const [agreedMeetingId, setMeeting] = useState(adjustment?.agreedMeetingId ?? "");
  const [doneOn, setDoneOn] = useState(adjustment?.doneOn ?? "");
  const form = useFieldErrors();
  const save = useMutation({
    mutationFn: () => {
      const body = {
        kind: kind || undefined,
        description,
        targetActionId: kind === "merge" ? targetActionId || null : null,
        status,
        agreedOn: status !== "proposed" ? agreedOn || null : null,
        agreedMeetingId: status !== "proposed" ? agreedMeetingId || null : null,
        doneOn: status === "done" ? doneOn || null : null,
      };
      return adjustment
        ? api(`/adjustments/${adjustment.id}`, { method: "PUT", body: { ...body, version: adjustment.version } })
        : api(`/actions/${actionId}/adjustments`, { method: "POST", body });
    },
    onSuccess: async () => {
      await refresh("adjustments");
      onClose();
    },
    onError: form.onError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    save.mutate();
  };
  const today = todayInParis();
  // The committee's day is the meeting's, unless a day was already typed.
  const chooseMeeting = (meetingId: string) => {
    setMeeting(meetingId);
    const meeting = meetings.find((m) => m.id === meetingId);
    if (meeting && !agreedOn) setAgreedOn(todayInParis(new Date(meeting.startsAt)));
  };
  const pastMeetings = meetings.filter((m) => m.startsAt.slice(0, 10) <= today).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="cles-followup-form" aria-label={adjustment ? `Modifier l'ajustement « ${adjustment.kindLabel} »` : "Nouvel ajustement"}>
      <RequiredNote />
      <FormProblem
        error={save.error}
        errors={form.errors}
        shown={["kind", "description", "targetActionId", "status", "agreedOn", "agreedMeetingId", "doneOn"]}
        what="cet ajustement"
        onReload={() => void refresh("adjustments").then(onClose)}
      />
      <Select label="Type d'ajustement" {...errorProps(form.errors, "kind")} nativeSelectProps={{ id: id("kind"), ...controlProps(form.errors, "kind", { required: true }), value: kind, onChange: (e) => setKind(e.target.value as Kind | ""), autoFocus: true }}>
        <option value="" disabled>
          Choisir un type
        </option>
        {Object.entries(ADJUSTMENT_KINDS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      {kind === "merge" && (
        <Select label="Fiche avec laquelle fusionner" hint="Cette fiche sera fusionnée dans la fiche choisie une fois la fusion réalisée." {...errorProps(form.errors, "targetActionId")} nativeSelectProps={{ id: id("targetActionId"), ...controlProps(form.errors, "targetActionId", { required: true }), value: targetActionId, onChange: (e) => setTarget(e.target.value) }}>
          <option value="" disabled>
            Choisir une fiche
          </option>
          {fiches.map((f) => (
            <option key={f.id} value={f.id}>{`FA ${f.number} — ${f.title}`}</option>
          ))}
        </Select>
      )}
      <Input
        textArea
        label="Description (facultatif)"
        {...errorProps(form.errors, "description")}
        nativeTextAreaProps={{ id: id("description"), ...controlProps(form.errors, "description"), rows: 3, value: description, onChange: (e) => setDescription(e.target.value) }}
      />
      <RadioButtons
        legend="État"
        id={id("status")}
        name={id("status")}
        orientation="horizontal"
        {...errorProps(form.errors, "status")}
        options={(Object.entries(ADJUSTMENT_STATUSES) as [Status, string][]).map(([value, label]) => ({
          label: value === "agreed" ? "Validé en comité le…" : value === "done" ? "Réalisé le…" : label,
          nativeInputProps: { value, checked: status === value, onChange: () => setStatus(value) },
        }))}
      />
      {status !== "proposed" && (
        <div className="cles-followup-fields">
          <Input label="Validé en comité le" {...errorProps(form.errors, "agreedOn")} nativeInputProps={{ id: id("agreedOn"), ...controlProps(form.errors, "agreedOn", { required: true }), type: "date", value: agreedOn, max: today, onChange: (e) => setAgreedOn(e.target.value) }} />
          <Select label="Réunion du comité (facultatif)" {...errorProps(form.errors, "agreedMeetingId")} nativeSelectProps={{ id: id("agreedMeetingId"), ...controlProps(form.errors, "agreedMeetingId"), value: agreedMeetingId, onChange: (e) => chooseMeeting(e.target.value) }}>
            <option value="">Aucune réunion précisée</option>
            {pastMeetings.map((m) => (
              <option key={m.id} value={m.id}>{`${m.title} — ${meetingDay(m.startsAt)}`}</option>
            ))}
          </Select>
          {status === "done" && (
            <Input label="Réalisé le" {...errorProps(form.errors, "doneOn")} nativeInputProps={{ id: id("doneOn"), ...controlProps(form.errors, "doneOn", { required: true }), type: "date", value: doneOn, max: today, onChange: (e) => setDoneOn(e.target.value) }} />
          )}
        </div>
      )}
      <FormButtons pending={save.isPending} label={adjustment ? "Enregistrer l'ajustement" : "Proposer l'ajustement"} onCancel={onClose} />
    </form>
  );
}
