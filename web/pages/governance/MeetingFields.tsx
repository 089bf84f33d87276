/** The parts of the meeting form: when and where, agenda, participants, minutes, decisions. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ReactNode } from "react";
import { formatDuration } from "../../../server/shared";
import type { Body, BodyMember } from "../../api/governance";
import type { ActionItem, Contract } from "../../api/queries";
import { errorAt, errorProps, fieldId, type Errors } from "../../components/form";
import { MoveButtons } from "../../components/MoveButtons";
import { RichTextEditor } from "../../components/RichTextEditor";
import { emptyAgendaItem, type AgendaDraft, type MeetingDraft } from "./meetingDraft";
import { minutesBetween } from "./parisTime";
import { plural } from "../../format";
import { PeopleFields } from "./PeopleFields";

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

export function WhenFields({ draft: d, setDraft, errors, bodies }: MeetingFieldsProps & { bodies: Body[] }) {
  const set = (patch: Partial<MeetingDraft>) => setDraft((x) => ({ ...x, ...patch }));
  return (
    <Part legend="La réunion" hint="Heures de Paris.">
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select className={fr.cx("fr-col-12", "fr-col-md-5")} label="Instance" {...errorProps(errors, "bodyId")} nativeSelectProps={{ id: fieldId("bodyId"), value: d.bodyId, onChange: (e) => set({ bodyId: e.target.value }) }}>
          <option value="" disabled>
            Choisir une instance
          </option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
        <Input className={fr.cx("fr-col-12", "fr-col-md-7")} label="Titre" hintText="Par exemple : « COTECH du 14 septembre 2021 »" {...errorProps(errors, "title")} nativeInputProps={{ id: fieldId("title"), value: d.title, onChange: (e) => set({ title: e.target.value }) }} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label="Date" {...errorProps(errors, "date")} nativeInputProps={{ id: fieldId("date"), type: "date", value: d.date, onChange: (e) => set({ date: e.target.value }) }} />
        <Input className={fr.cx("fr-col-6", "fr-col-md-4")} label="Début" {...errorProps(errors, "startsAt")} nativeInputProps={{ id: fieldId("startsAt"), type: "time", value: d.startTime, onChange: (e) => set({ startTime: e.target.value }) }} />
        <Input className={fr.cx("fr-col-6", "fr-col-md-4")} label="Fin" {...errorProps(errors, "endsAt")} nativeInputProps={{ id: fieldId("endsAt"), type: "time", value: d.endTime, onChange: (e) => set({ endTime: e.target.value }) }} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label="Lieu (facultatif)" {...errorProps(errors, "place")} nativeInputProps={{ id: fieldId("place"), value: d.place, onChange: (e) => set({ place: e.target.value }) }} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label="Lien de visioconférence (facultatif)" hintText="Adresse web commençant par https://" {...errorProps(errors, "videoUrl")} nativeInputProps={{ id: fieldId("videoUrl"), type: "url", value: d.videoUrl, onChange: (e) => set({ videoUrl: e.target.value }) }} />
      </div>
    </Part>
  );
}

export function AgendaFields({ draft: d, setDraft, errors, fiches }: MeetingFieldsProps & { fiches: ActionItem[] }) {
  const setItem = (i: number, patch: Partial<AgendaDraft> | null) =>
    setDraft((x) => ({ ...x, agenda: patch === null ? x.agenda.filter((_, j) => j !== i) : x.agenda.map((item, j) => (j === i ? { ...item, ...patch } : item)) }));
  const meetingMinutes = minutesBetween(d.startTime, d.endTime);
  const total = d.agenda.reduce((s, i) => s + (Number(i.duration) || 0), 0);
  const agendaError = errors.agenda;
  const ids = d.agenda.map((_, i) => String(i));
  return (
    <Part legend="Ordre du jour" id={fieldId("agenda")}>
      {d.agenda.length === 0 && <p>Aucun point à l'ordre du jour pour l'instant.</p>}
      {d.agenda.length > 0 && (
        <p className={fr.cx("fr-text--sm")} aria-live="polite">
          {`Durée des points : ${formatDuration(total)}${meetingMinutes && meetingMinutes > 0 ? ` pour une réunion de ${formatDuration(meetingMinutes)}` : ""}.`}
        </p>
      )}
      {agendaError && (
        <p className={fr.cx("fr-error-text", "fr-mb-2w")} id="agenda-erreur">
          {agendaError}
        </p>
      )}
      {d.agenda.map((item, i) => {
        const label = `Point ${i + 1}`;
        const linked = item.actionIds.length;
        return (
          <div key={i} className="cles-repeat" role="group" aria-label={label}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label={`Intitulé du point ${i + 1}`} {...errorProps(errors, `agenda.${i}.title`)} nativeInputProps={{ id: fieldId(`agenda.${i}.title`), value: item.title, onChange: (e) => setItem(i, { title: e.target.value }) }} />
              <Input className={fr.cx("fr-col-6", "fr-col-md-2")} label="Durée (min)" {...errorProps(errors, `agenda.${i}.durationMinutes`)} nativeInputProps={{ id: fieldId(`agenda.${i}.durationMinutes`), type: "number", min: 1, inputMode: "numeric", value: item.duration, onChange: (e) => setItem(i, { duration: e.target.value }) }} />
              <Input className={fr.cx("fr-col-6", "fr-col-md-4")} label="Intervenant·e" {...errorProps(errors, `agenda.${i}.presenter`)} nativeInputProps={{ id: fieldId(`agenda.${i}.presenter`), value: item.presenter, onChange: (e) => setItem(i, { presenter: e.target.value }) }} />
            </div>
            {fiches.length > 0 && (
              <details className="cles-details fr-mb-2w">
                <summary>{`Fiches concernées${linked ? ` (${linked})` : ""}`}</summary>
                <div className="cles-checklist fr-mt-1w">
                  <Checkbox
                    small
                    legend={<span className={fr.cx("fr-sr-only")}>{`Fiches concernées par le point ${i + 1}`}</span>}
                    options={fiches.map((f) => ({
                      label: `FA ${f.number} — ${f.title}`,
                      nativeInputProps: { checked: item.actionIds.includes(f.id), onChange: (e) => setItem(i, { actionIds: e.target.checked ? [...item.actionIds, f.id] : item.actionIds.filter((x) => x !== f.id) }) },
                    }))}
                  />
                </div>
                {errorAt(errors, `agenda.${i}.actionIds`) && <p className={fr.cx("fr-error-text")}>{errorAt(errors, `agenda.${i}.actionIds`)}</p>}
              </details>
            )}
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
            setDraft((x) => ({ ...x, participants: [...x.participants, ...missing.map((m) => ({ userId: m.userId, organisationId: m.organisationId, name: m.name, email: m.email, invited: true, present: false }))] }))
          }
        >
          {`Inviter les membres de l'instance (${missing.length})`}
        </Button>
      )}
      <PeopleFields path="participants" noun="Participant" rows={d.participants} onChange={(participants) => setDraft((x) => ({ ...x, participants }))} contract={contract} errors={errors} attendance />
      <Input
        className="cles-narrow"
        label="Nombre de participants (facultatif)"
        hintText="Quand les noms ne sont pas tous relevés : par exemple 14 pour « 14 participants »."
        {...errorProps(errors, "headCount")}
        nativeInputProps={{ id: fieldId("headCount"), type: "number", min: 0, inputMode: "numeric", value: d.headCount, onChange: (e) => setDraft((x) => ({ ...x, headCount: e.target.value })) }}
      />
    </Part>
  );
}

export function MinutesFields({ draft: d, setDraft, errors }: MeetingFieldsProps) {
  const setDecision = (i: number, value: string | null) => setDraft((x) => ({ ...x, decisions: value === null ? x.decisions.filter((_, j) => j !== i) : x.decisions.map((v, j) => (j === i ? value : v)) }));
  return (
    <>
      <Part legend="Compte rendu">
        <RichTextEditor label="Compte rendu de la réunion" hint="Titres, listes, gras et italique sont conservés." id={fieldId("minutes")} value={d.minutes} onChange={(minutes) => setDraft((x) => ({ ...x, minutes }))} error={errors.minutes} />
      </Part>
      <Part legend="Décisions">
        {d.decisions.length === 0 && <p>Aucune décision pour l'instant.</p>}
        {d.decisions.map((text, i) => (
          <div key={i} className={fr.cx("fr-grid-row", "fr-grid-row--bottom", "fr-grid-row--gutters")}>
            <Input className={fr.cx("fr-col-12", "fr-col-md")} label={`Décision ${i + 1}`} textArea {...errorProps(errors, `decisions.${i}`)} nativeTextAreaProps={{ id: fieldId(`decisions.${i}`), rows: 2, value: text, onChange: (e) => setDecision(i, e.target.value) }} />
            <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" className={fr.cx("fr-mb-3w")} onClick={() => setDecision(i, null)}>
                {`Retirer la décision ${i + 1}`}
              </Button>
            </div>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((x) => ({ ...x, decisions: [...x.decisions, ""] }))}>
          Ajouter une décision
        </Button>
      </Part>
    </>
  );
}
