/**
 * Recording a training of the ambassadors or an activity they led (or changing one at the
 * version read): dated, linked to fiches and a meeting of the contract, with who attended or
 * led when the roster is at hand (the coordination).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { FormButtons, optional, RequiredNote } from "../../components/form";
import { meetingDay } from "../../format";
import { useSaveActivity, useSaveTraining, type Activity, type Ambassador, type NetworkArea, type Training } from "./api";
import { activityBody, activityDraftOf, emptyActivity, emptyTraining, trainingBody, trainingDraftOf, type ActivityDraft, type TrainingDraft } from "./drafts";
import { ChoiceList, useFormErrors, type FormErrors } from "./form-kit";

/** What the forms offer to link: the contract's fiches and meetings, its people (coordination), its areas, the kinds of activities. */
export interface Choices {
  fiches: { id: string; number: number; title: string }[];
  meetings: { id: string; title: string; startsAt: string }[];
  people: Ambassador[] | null;
  areas: NetworkArea[];
  kinds: { key: string; label: string }[];
}

const grid = fr.cx("fr-col-12", "fr-col-md-6");

function Links({ form, choices, actionIds, meetingId, onFiches, onMeeting }: { form: FormErrors; choices: Choices; actionIds: string[]; meetingId: string; onFiches: (ids: string[]) => void; onMeeting: (id: string) => void }) {
  return (
    <>
      <ChoiceList
        form={form}
        path="actionIds"
        legend={LINK_LABELS.actionIds}
        options={choices.fiches.map((f) => ({ id: f.id, label: `FA ${f.number} — ${f.title}` }))}
        selected={actionIds}
        onChange={onFiches}
        empty="Ce contrat n'a pas encore de fiche."
      />
      <Select label={LINK_LABELS.meetingId} {...form.props("meetingId")} nativeSelectProps={{ ...form.control("meetingId"), id: form.id("meetingId"), value: meetingId, onChange: (e) => onMeeting(e.target.value) }}>
        <option value="">Aucune</option>
        {choices.meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {`${meetingDay(m.startsAt)} — ${m.title}`}
          </option>
        ))}
      </Select>
    </>
  );
}

function People({ form, path, legend, choices, selected, onChange }: { form: FormErrors; path: string; legend: string; choices: Choices; selected: string[]; onChange: (ids: string[]) => void }) {
  if (!choices.people) return null;
  return (
    <ChoiceList
      form={form}
      path={path}
      legend={legend}
      options={choices.people.map((p) => ({ id: p.id, label: `${p.firstName} ${p.lastName} (${p.priorityArea})` }))}
      selected={selected}
      onChange={onChange}
      empty="Personne ne fait encore partie du réseau."
    />
  );
}

/** The visible labels of the links, shared by both forms. */
const LINK_LABELS = { actionIds: optional("Fiches liées"), meetingId: optional("Réunion liée") };

/** The visible labels of the training form, which its error summary names its errors by. */
const TRAINING_LABELS = { heldOn: "Date", topic: "Thème", trainer: optional("Intervenant ou organisme"), attendeeIds: optional("Qui a suivi la formation"), ...LINK_LABELS };

export function TrainingForm({ contractId, choices, training, onDone, onCancel }: { contractId: string; choices: Choices; training?: Training; onDone: (message: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<TrainingDraft>(() => (training ? trainingDraftOf(training) : emptyTraining()));
  const form = useFormErrors(training ? `formation-${training.id}` : "formation-nouvelle", TRAINING_LABELS);
  const save = useSaveTraining(contractId, training);
  const set = (patch: Partial<TrainingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = trainingBody(draft);
    if (result.errors) return form.set(result.errors);
    form.clear();
    save.mutate(result.body, { onSuccess: () => onDone(training ? "La formation est enregistrée." : "La formation est ajoutée."), onError: form.fromApi });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={training ? `Modifier la formation « ${training.topic} »` : "Nouvelle formation"} className="cles-amb-form">
      {form.summary}
      <RequiredNote />
      {form.problem(save.error, "cette formation", onCancel)}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input className={grid} label="Date" {...form.props("heldOn")} nativeInputProps={{ ...form.control("heldOn", true), id: form.id("heldOn"), type: "date", value: draft.heldOn, onChange: (e) => set({ heldOn: e.target.value }), autoFocus: true }} />
        <Input className={grid} label="Thème" {...form.props("topic")} nativeInputProps={{ ...form.control("topic", true), id: form.id("topic"), value: draft.topic, onChange: (e) => set({ topic: e.target.value }) }} />
        <Input className={grid} label={TRAINING_LABELS.trainer} {...form.props("trainer")} nativeInputProps={{ ...form.control("trainer"), id: form.id("trainer"), value: draft.trainer, onChange: (e) => set({ trainer: e.target.value }) }} />
      </div>
      <People form={form} path="attendeeIds" legend={TRAINING_LABELS.attendeeIds} choices={choices} selected={draft.attendeeIds} onChange={(attendeeIds) => set({ attendeeIds })} />
      <Links form={form} choices={choices} actionIds={draft.actionIds} meetingId={draft.meetingId} onFiches={(actionIds) => set({ actionIds })} onMeeting={(meetingId) => set({ meetingId })} />
      <FormButtons pending={save.isPending} label={training ? "Enregistrer la formation" : "Ajouter la formation"} onCancel={onCancel} />
    </form>
  );
}

/** The visible labels of the activity form, which its error summary names its errors by. */
const ACTIVITY_LABELS = {
  heldOn: "Date",
  place: "Lieu",
  kind: "Type d'action",
  description: optional("Description"),
  priorityAreaId: optional("Quartier prioritaire"),
  residentsReached: "Habitants touchés",
  ambassadorIds: optional("Ambassadeurs présents"),
  ...LINK_LABELS,
};

export function ActivityForm({ contractId, choices, activity, onDone, onCancel }: { contractId: string; choices: Choices; activity?: Activity; onDone: (message: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<ActivityDraft>(() => (activity ? activityDraftOf(activity) : emptyActivity(choices.areas.length === 1 ? choices.areas[0]!.id : "")));
  const form = useFormErrors(activity ? `action-${activity.id}` : "action-nouvelle", ACTIVITY_LABELS);
  const save = useSaveActivity(contractId, activity);
  const set = (patch: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = activityBody(
      draft,
      choices.kinds.map((k) => k.key as Activity["kind"]),
    );
    if (result.errors) return form.set(result.errors);
    form.clear();
    save.mutate(result.body, { onSuccess: () => onDone(activity ? "L'action est enregistrée." : "L'action est ajoutée."), onError: form.fromApi });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={activity ? `Modifier l'action du ${activity.heldOn}` : "Nouvelle action"} className="cles-amb-form">
      {form.summary}
      <RequiredNote />
      {form.problem(save.error, "cette action", onCancel)}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input className={grid} label="Date" {...form.props("heldOn")} nativeInputProps={{ ...form.control("heldOn", true), id: form.id("heldOn"), type: "date", value: draft.heldOn, onChange: (e) => set({ heldOn: e.target.value }), autoFocus: true }} />
        <Select className={grid} label="Type d'action" {...form.props("kind")} nativeSelectProps={{ ...form.control("kind", true), id: form.id("kind"), value: draft.kind, onChange: (e) => set({ kind: e.target.value }) }}>
          <option value="">Choisir</option>
          {choices.kinds.map((k) => (
            <option key={k.key} value={k.key}>
              {k.label}
            </option>
          ))}
        </Select>
        <Input className={grid} label="Lieu" {...form.props("place")} nativeInputProps={{ ...form.control("place", true), id: form.id("place"), value: draft.place, onChange: (e) => set({ place: e.target.value }) }} />
        <Select className={grid} label={ACTIVITY_LABELS.priorityAreaId} {...form.props("priorityAreaId")} nativeSelectProps={{ ...form.control("priorityAreaId"), id: form.id("priorityAreaId"), value: draft.priorityAreaId, onChange: (e) => set({ priorityAreaId: e.target.value }) }}>
          <option value="">Hors quartier prioritaire ou tout le territoire</option>
          {choices.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        <Input
          className={grid}
          label="Habitants touchés"
          hintText="Un nombre entier ; 0 si vous ne savez pas."
          {...form.props("residentsReached")}
          nativeInputProps={{ ...form.control("residentsReached", true), id: form.id("residentsReached"), inputMode: "numeric", value: draft.residentsReached, onChange: (e) => set({ residentsReached: e.target.value }) }}
        />
      </div>
      <Input label={ACTIVITY_LABELS.description} textArea {...form.props("description")} nativeTextAreaProps={{ ...form.control("description"), id: form.id("description"), rows: 2, value: draft.description, onChange: (e) => set({ description: e.target.value }) }} />
      <People form={form} path="ambassadorIds" legend={ACTIVITY_LABELS.ambassadorIds} choices={choices} selected={draft.ambassadorIds} onChange={(ambassadorIds) => set({ ambassadorIds })} />
      <Links form={form} choices={choices} actionIds={draft.actionIds} meetingId={draft.meetingId} onFiches={(actionIds) => set({ actionIds })} onMeeting={(meetingId) => set({ meetingId })} />
      <FormButtons pending={save.isPending} label={activity ? "Enregistrer l'action" : "Ajouter l'action"} onCancel={onCancel} />
    </form>
  );
}
