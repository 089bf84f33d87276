/** État d'avancement réel: dated entries, newest first, each with the meeting and milestones it relates to and its remarks. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { useContractMeetings, useMilestones, useProgress, useRefreshFollowUp, useRemarks, type MeetingSummary, type Milestone, type ProgressEntry } from "../../api/followup";
import { controlProps, errorAt, errorProps, FormProblem, idsFor, optional, RequiredNote, useFieldErrors, FormButtons } from "../../components/form";
import { meetingDay, PlainText, Section, todayInParis, QueryList } from "./kit";
import { announce } from "../../components/announcer";
import { useDisclosure } from "../../components/disclosure";
import { EntryRemarks } from "./Remarks";
import { KnownDateInput, knownDateDraft, knownDateValue, ofEntryDate } from "./KnownDateInput";

export function ProgressSection({ actionId, contractId, canEdit }: { actionId: string; contractId: string; canEdit: boolean }) {
  const entries = useProgress(actionId);
  const milestones = useMilestones(actionId);
  const meetings = useContractMeetings(contractId);
  const remarks = useRemarks(actionId);
  const adding = useDisclosure();
  const context = { actionId, milestones: milestones.data?.items ?? [], meetings: meetings.data?.items ?? [] };
  return (
    <Section id="avancement" title="État d'avancement réel" intro="Ce qui a été fait, daté, du plus récent au plus ancien.">
      {canEdit &&
        (adding.open ? (
          <ProgressForm {...context} onClose={adding.close} />
        ) : (
          <Button ref={adding.trigger} type="button" priority="secondary" iconId="fr-icon-add-line" iconPosition="left" onClick={adding.show} className={fr.cx("fr-mb-3w")}>
            Ajouter un avancement
          </Button>
        ))}
      <QueryList query={entries} loading="Chargement de l'avancement…" failed="L'avancement n'a pas pu être chargé" empty="Aucun avancement enregistré.">
        {(entry) => (
          <EntryItem key={entry.id} entry={entry} canEdit={canEdit} context={context}>
            <EntryRemarks actionId={actionId} entry={entry} remarks={remarks.data?.items} canComment={remarks.data?.permissions.comment ?? false} />
          </EntryItem>
        )}
      </QueryList>
    </Section>
  );
}

interface Context {
  actionId: string;
  milestones: Milestone[];
  meetings: MeetingSummary[];
}

function EntryItem({ entry, canEdit, context, children }: { entry: ProgressEntry; canEdit: boolean; context: Context; children: React.ReactNode }) {
  const editing = useDisclosure();
  const meeting = context.meetings.find((m) => m.id === entry.meetingId);
  const linked = context.milestones.filter((m) => entry.milestoneIds.includes(m.id));
  return (
    <li className="cles-followup-item" id={`avancement-${entry.id}`} tabIndex={-1}>
      <h3 className={fr.cx("fr-h6", "fr-mb-1v")}>{`Avancement ${ofEntryDate(entry)}`}</h3>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {`Saisi par ${entry.authorName}`}
        {meeting && ` — réunion : ${meeting.title} du ${meetingDay(meeting.startsAt)}`}
      </p>
      {editing.open ? (
        <ProgressForm {...context} entry={entry} onClose={editing.close} />
      ) : (
        <>
          <p className={fr.cx("fr-mb-1w")}>
            <PlainText text={entry.text} />
          </p>
          {linked.length > 0 && <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{`Étapes concernées : ${linked.map((m) => m.title).join(" ; ")}`}</p>}
          {canEdit && (
            <Button ref={editing.trigger} type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" onClick={editing.show}>
              Corriger
              <span className={fr.cx("fr-sr-only")}>{` l'avancement ${ofEntryDate(entry)}`}</span>
            </Button>
          )}
        </>
      )}
      {children}
    </li>
  );
}

function ProgressForm({ actionId, milestones, meetings, entry, onClose }: Context & { entry?: ProgressEntry; onClose: () => void }) {
  const refresh = useRefreshFollowUp(actionId);
  const id = idsFor(entry ? `avancement-${entry.id}` : "avancement-nouveau");
  const [happenedOn, setHappenedOn] = useState(knownDateDraft(entry?.happenedOn ?? todayInParis(), entry?.happenedOnPrecision));
  const [text, setText] = useState(entry?.text ?? "");
  const [meetingId, setMeetingId] = useState(entry?.meetingId ?? "");
  const [milestoneIds, setMilestoneIds] = useState<string[]>(entry?.milestoneIds ?? []);
  const form = useFieldErrors();
  const save = useMutation({
    mutationFn: () => {
      const body = { happenedOn: knownDateValue(happenedOn) ?? "", happenedOnPrecision: happenedOn.precision, text, meetingId: meetingId || null, milestoneIds };
      return entry ? api(`/progress/${entry.id}`, { method: "PUT", body: { ...body, version: entry.version } }) : api(`/actions/${actionId}/progress`, { method: "POST", body });
    },
    onSuccess: async () => {
      await refresh("progress");
      onClose();
      const when = ofEntryDate({ happenedOn: knownDateValue(happenedOn) ?? "", happenedOnPrecision: happenedOn.precision });
      announce(entry ? `Avancement ${when} corrigé.` : `Avancement ${when} ajouté.`);
    },
    onError: form.onError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    save.mutate();
  };
  const milestoneError = errorAt(form.errors, "milestoneIds");
  // Newest meetings first: an entry is usually about a recent one.
  const sortedMeetings = [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="cles-followup-form" aria-label={entry ? `Corriger l'avancement ${ofEntryDate(entry)}` : "Nouvel avancement"}>
      <RequiredNote />
      <FormProblem error={save.error} errors={form.errors} shown={["happenedOn", "text", "meetingId", "milestoneIds"]} what="cet avancement" onReload={() => void refresh("progress").then(onClose)} />
      <div className="cles-followup-fields">
        <KnownDateInput field="happenedOn" id={id} legend="Précision de la date" label="Date" required errors={form.errors} draft={happenedOn} max={todayInParis()} onChange={setHappenedOn} />
        <Select label={optional("Réunion où il a été présenté")} {...errorProps(form.errors, "meetingId")} nativeSelectProps={{ id: id("meetingId"), ...controlProps(form.errors, "meetingId"), value: meetingId, onChange: (e) => setMeetingId(e.target.value) }}>
          <option value="">Aucune réunion</option>
          {sortedMeetings.map((m) => (
            <option key={m.id} value={m.id}>{`${m.title} — ${meetingDay(m.startsAt)}`}</option>
          ))}
        </Select>
      </div>
      <Input
        textArea
        label="Ce qui a été fait"
        {...errorProps(form.errors, "text")}
        nativeTextAreaProps={{ id: id("text"), ...controlProps(form.errors, "text", { required: true }), rows: 4, value: text, onChange: (e) => setText(e.target.value), autoFocus: true }}
      />
      {milestones.length > 0 && (
        <fieldset className={fr.cx("fr-fieldset", ...(milestoneError ? (["fr-fieldset--error"] as const) : []))} id={id("milestoneIds")} aria-labelledby={`${id("milestoneIds")}-legend`}>
          <legend id={`${id("milestoneIds")}-legend`} className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>
            {optional("Étapes du rétroplanning concernées")}
          </legend>
          {milestones.map((m) => (
            <div key={m.id} className={fr.cx("fr-fieldset__element")}>
              <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
                <input
                  type="checkbox"
                  id={id(`milestone-${m.id}`)}
                  checked={milestoneIds.includes(m.id)}
                  onChange={(e) => setMilestoneIds((ids) => (e.target.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
                />
                <label className={fr.cx("fr-label")} htmlFor={id(`milestone-${m.id}`)}>
                  {m.title}
                  <span className={fr.cx("fr-hint-text")}>{m.schedule}</span>
                </label>
              </div>
            </div>
          ))}
          {milestoneError && (
            <div className={fr.cx("fr-messages-group")}>
              <p className={fr.cx("fr-message", "fr-message--error")}>{milestoneError}</p>
            </div>
          )}
        </fieldset>
      )}
      <FormButtons pending={save.isPending} label={entry ? "Enregistrer la correction" : "Ajouter l'avancement"} onCancel={onClose} />
    </form>
  );
}
