/** The parts of the meeting form: when and where, agenda, participants, minutes, decisions. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ReactNode } from "react";
import { formatDuration } from "../../../server/shared";
import type { Body, BodyMember } from "../../api/governance";
import type { ActionItem, Contract } from "../../api/queries";
import { controlProps, errorAt, errorProps, fieldId, optional, type Errors } from "../../components/form";
import { MoveButtons } from "../../components/MoveButtons";
import { RichTextEditor } from "../../components/RichTextEditor";
import { agendaLabels, decisionLabel, emptyAgendaItem, emptyDecision, MEETING_LABELS as L, type AgendaDraft, type DecisionDraft, type MeetingDraft } from "./meetingDraft";
import { minutesBetween } from "./parisTime";
import { plural } from "../../format";
import { ParticipantsTable } from "./ParticipantsTable";
import { noEmailSummary } from "./participants";

export interface MeetingFieldsProps {
  draft: MeetingDraft;
  setDraft: (update: (d: MeetingDraft) => MeetingDraft) => void;
  errors: Errors;
  contract: Contract;
}

function Part({ legend, id, children, hint }: { legend: string; id?: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset id={id} className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>
        {legend}
        {hint && <span className={fr.cx("fr-hint-text")}>{hint}</span>}
      </legend>
      <div className={fr.cx("fr-col-12")}>{children}</div>
    </fieldset>
  );
}

/**
 * A compact multi-select of the contract's fiches: a disclosure « Fiches
 * concernées (2) : FA 5, FA 6 » over a list of checkboxes (native, so keyboard
 * accessible). It opens by itself on an error, for the summary to focus it.
 */
function FicheChecklist({ fiches, selected, onChange, legend, error, id }: { fiches: ActionItem[]; selected: string[]; onChange: (ids: string[]) => void; legend: string; error?: string; id?: string }) {
  if (fiches.length === 0) return null;
  const numbers = fiches
    .filter((f) => selected.includes(f.id))
    .map((f) => f.number)
    .sort((a, b) => a - b);
  return (
    <details className="cles-details fr-mb-2w" id={id} open={error ? true : undefined}>
      <summary>{`Fiches concernées${selected.length ? ` (${selected.length})` : " (facultatif)"}${numbers.length ? ` : ${numbers.map((n) => `FA ${n}`).join(", ")}` : ""}`}</summary>
      <div className="cles-checklist fr-mt-1w">
        <Checkbox
          small
          legend={<span className={fr.cx("fr-sr-only")}>{optional(legend)}</span>}
          state={error ? "error" : "default"}
          stateRelatedMessage={error}
          options={fiches.map((f) => ({
            label: `FA ${f.number} — ${f.title}`,
            nativeInputProps: { checked: selected.includes(f.id), onChange: (e) => onChange(e.target.checked ? [...selected, f.id] : selected.filter((x) => x !== f.id)) },
          }))}
        />
      </div>
    </details>
  );
}

export function WhenFields({ draft: d, setDraft, errors, bodies }: MeetingFieldsProps & { bodies: Body[] }) {
  const set = (patch: Partial<MeetingDraft>) => setDraft((x) => ({ ...x, ...patch }));
  return (
    <Part legend="La réunion" hint="Heures de Paris.">
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-5")}
          label={L.bodyId}
          {...errorProps(errors, "bodyId")}
          nativeSelectProps={{ id: fieldId("bodyId"), ...controlProps(errors, "bodyId", { required: true }), value: d.bodyId, onChange: (e) => set({ bodyId: e.target.value }) }}
        >
          <option value="" disabled>
            Choisir une instance
          </option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-7")}
          label={L.title}
          hintText="Par exemple : « COTECH du 14 septembre 2021 »"
          {...errorProps(errors, "title")}
          nativeInputProps={{ id: fieldId("title"), ...controlProps(errors, "title", { required: true }), value: d.title, onChange: (e) => set({ title: e.target.value }) }}
        />
        <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label={L.date} {...errorProps(errors, "date")} nativeInputProps={{ id: fieldId("date"), ...controlProps(errors, "date", { required: true }), type: "date", value: d.date, onChange: (e) => set({ date: e.target.value }) }} />
        <Input
          className={fr.cx("fr-col-6", "fr-col-md-4")}
          label={L.startsAt}
          {...errorProps(errors, "startsAt")}
          nativeInputProps={{ id: fieldId("startsAt"), ...controlProps(errors, "startsAt", { required: true }), type: "time", value: d.startTime, onChange: (e) => set({ startTime: e.target.value }) }}
        />
        <Input
          className={fr.cx("fr-col-6", "fr-col-md-4")}
          label={L.endsAt}
          {...errorProps(errors, "endsAt")}
          nativeInputProps={{ id: fieldId("endsAt"), ...controlProps(errors, "endsAt", { required: true }), type: "time", value: d.endTime, onChange: (e) => set({ endTime: e.target.value }) }}
        />
        <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label={optional(L.place)} {...errorProps(errors, "place")} nativeInputProps={{ id: fieldId("place"), ...controlProps(errors, "place"), value: d.place, onChange: (e) => set({ place: e.target.value }) }} />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label={optional(L.videoUrl)}
          hintText="Adresse web commençant par https://"
          {...errorProps(errors, "videoUrl")}
          nativeInputProps={{ id: fieldId("videoUrl"), ...controlProps(errors, "videoUrl"), type: "url", value: d.videoUrl, onChange: (e) => set({ videoUrl: e.target.value }) }}
        />
      </div>
    </Part>
  );
}

export function AgendaFields({ draft: d, setDraft, errors, fiches }: MeetingFieldsProps & { fiches: ActionItem[] }) {
  const setItem = (i: number, patch: Partial<AgendaDraft> | null) =>
    setDraft((x) => ({ ...x, agenda: patch === null ? x.agenda.filter((_, j) => j !== i) : x.agenda.map((item, j) => (j === i ? { ...item, ...patch } : item)) }));
  const meetingMinutes = minutesBetween(d.startTime, d.endTime);
  // Items without a duration count for nothing: the total is that of the timed ones.
  const timed = d.agenda.filter((i) => Number(i.duration) > 0);
  const total = timed.reduce((s, i) => s + Number(i.duration), 0);
  const agendaError = errors.agenda;
  const ids = d.agenda.map((_, i) => String(i));
  return (
    <Part legend={L.agenda} id={fieldId("agenda")}>
      {d.agenda.length === 0 && <p>Aucun point à l'ordre du jour pour l'instant.</p>}
      {d.agenda.length > 0 && (
        <p className={fr.cx("fr-text--sm")} aria-live="polite">
          {timed.length === 0
            ? "Aucun point n'a de durée : elle est facultative."
            : `Durée des points${timed.length < d.agenda.length ? " minutés" : ""} : ${formatDuration(total)}${meetingMinutes && meetingMinutes > 0 ? ` pour une réunion de ${formatDuration(meetingMinutes)}` : ""}.`}
        </p>
      )}
      {agendaError && (
        <p className={fr.cx("fr-error-text", "fr-mb-2w")} id="agenda-erreur">
          {agendaError}
        </p>
      )}
      {d.agenda.map((item, i) => {
        const label = `Point ${i + 1}`;
        const labels = agendaLabels(i + 1);
        const path = (field: keyof typeof labels) => `agenda.${i}.${field}`;
        return (
          <div key={i} className="cles-repeat" role="group" aria-label={label}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-5")}
                label={labels.title}
                {...errorProps(errors, path("title"))}
                nativeInputProps={{ id: fieldId(path("title")), ...controlProps(errors, path("title"), { required: true }), value: item.title, onChange: (e) => setItem(i, { title: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-6", "fr-col-md-3")}
                label={optional(labels.durationMinutes)}
                {...errorProps(errors, path("durationMinutes"))}
                nativeInputProps={{ id: fieldId(path("durationMinutes")), ...controlProps(errors, path("durationMinutes")), type: "number", min: 1, inputMode: "numeric", value: item.duration, onChange: (e) => setItem(i, { duration: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-6", "fr-col-md-4")}
                label={optional(labels.presenter)}
                {...errorProps(errors, path("presenter"))}
                nativeInputProps={{ id: fieldId(path("presenter")), ...controlProps(errors, path("presenter")), value: item.presenter, onChange: (e) => setItem(i, { presenter: e.target.value }) }}
              />
            </div>
            <FicheChecklist fiches={fiches} selected={item.actionIds} onChange={(actionIds) => setItem(i, { actionIds })} legend={`Fiches concernées par le point ${i + 1}`} error={errorAt(errors, path("actionIds"))} />
            <MoveButtons ids={ids} index={i} label={`le point ${i + 1}`} onMove={(next) => setDraft((x) => ({ ...x, agenda: next.map((k) => x.agenda[Number(k)]!) }))} />
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setItem(i, null)}>
              {`Retirer le point ${i + 1}`}
            </Button>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((x) => ({ ...x, agenda: [...x.agenda, emptyAgendaItem()] }))}>
        Ajouter un point
      </Button>
    </Part>
  );
}

export function AttendanceFields({ draft: d, setDraft, errors, contract, bodyMembers }: MeetingFieldsProps & { bodyMembers: BodyMember[] }) {
  const present = d.participants.filter((p) => p.present).length;
  const invited = d.participants.filter((p) => p.invited).length;
  // A member already among the participants: the same account or e-mail, or for an organisation alone, anyone of it.
  const known = (m: BodyMember) =>
    d.participants.some((p) => (m.userId && p.userId === m.userId) || (m.email && p.email.toLowerCase() === m.email.toLowerCase()) || (!m.userId && !m.email && !m.name && m.organisationId && p.organisationId === m.organisationId));
  const missing = bodyMembers.filter((m) => !known(m));
  const organisationName = (id: string | null) => contract.organisations.find((o) => o.id === id)?.name ?? null;
  const noEmail = noEmailSummary(d.participants.map((p) => ({ ...p, organisationName: organisationName(p.organisationId) })));
  return (
    <Part legend="Participants">
      <p className={fr.cx("fr-text--sm")}>
        {`${plural(invited, "invité")}, ${plural(present, "présent")} (cochez « Présent·e » après la réunion). Les invités qui ont un e-mail reçoivent l'invitation.`}
      </p>
      {missing.length > 0 && (
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-team-line"
          className={fr.cx("fr-mb-3w")}
          onClick={() =>
            setDraft((x) => ({ ...x, participants: [...x.participants, ...missing.map((m) => ({ userId: m.userId, organisationId: m.organisationId, name: m.name, email: m.email, invited: true, present: false, resident: false }))] }))
          }
        >
          {`Inviter les membres de l'instance (${missing.length})`}
        </Button>
      )}
      {noEmail && <Alert severity="warning" small description={noEmail} className={fr.cx("fr-mb-2w")} />}
      <ParticipantsTable rows={d.participants} onChange={(participants) => setDraft((x) => ({ ...x, participants }))} contract={contract} errors={errors} />
      <Input
        className="cles-narrow"
        label={optional(L.headCount)}
        hintText="Quand les noms ne sont pas tous relevés : par exemple 14 pour « 14 participants »."
        {...errorProps(errors, "headCount")}
        nativeInputProps={{ id: fieldId("headCount"), ...controlProps(errors, "headCount"), type: "number", min: 0, inputMode: "numeric", value: d.headCount, onChange: (e) => setDraft((x) => ({ ...x, headCount: e.target.value })) }}
      />
    </Part>
  );
}

export function MinutesFields({ draft: d, setDraft, errors, fiches }: MeetingFieldsProps & { fiches: ActionItem[] }) {
  const setDecision = (i: number, patch: Partial<DecisionDraft> | null) =>
    setDraft((x) => ({ ...x, decisions: patch === null ? x.decisions.filter((_, j) => j !== i) : x.decisions.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));
  const ids = d.decisions.map((_, i) => String(i));
  return (
    <>
      <Part legend="Compte rendu">
        <RichTextEditor label={optional(L.minutes)} hint="Titres, listes, gras et italique sont conservés." id={fieldId("minutes")} value={d.minutes} onChange={(minutes) => setDraft((x) => ({ ...x, minutes }))} error={errors.minutes} />
      </Part>
      <Part legend={L.decisions} id={fieldId("decisionActionIds")}>
        {d.decisions.length === 0 && <p>Aucune décision pour l'instant.</p>}
        {errors.decisionActionIds && <p className={fr.cx("fr-error-text", "fr-mb-2w")}>{errors.decisionActionIds}</p>}
        {d.decisions.map((decision, i) => (
          // No group name here: « Décision 1 » is the text field's label alone.
          <div key={i} className="cles-repeat">
            <Input
              label={decisionLabel(i + 1)}
              textArea
              {...errorProps(errors, `decisions.${i}`)}
              nativeTextAreaProps={{ id: fieldId(`decisions.${i}`), ...controlProps(errors, `decisions.${i}`, { required: true }), rows: 2, value: decision.text, onChange: (e) => setDecision(i, { text: e.target.value }) }}
            />
            <FicheChecklist
              id={fieldId(`decisionActionIds.${i}`)}
              fiches={fiches}
              selected={decision.actionIds}
              onChange={(actionIds) => setDecision(i, { actionIds })}
              legend={`Fiches concernées par la décision ${i + 1}`}
              error={errorAt(errors, `decisionActionIds.${i}`)}
            />
            {/* The fiches move and go with their decision. */}
            <MoveButtons ids={ids} index={i} label={`la décision ${i + 1}`} onMove={(next) => setDraft((x) => ({ ...x, decisions: next.map((k) => x.decisions[Number(k)]!) }))} />
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setDecision(i, null)}>
              {`Retirer la décision ${i + 1}`}
            </Button>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((x) => ({ ...x, decisions: [...x.decisions, emptyDecision()] }))}>
          Ajouter une décision
        </Button>
      </Part>
    </>
  );
}
