/** The parts of the workshop form: the workshop, places and tables, moderators, topics, sessions. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ReactNode } from "react";
import type { Body } from "../../api/governance";
import type { ActionItem } from "../../api/queries";
import { controlProps, errorAt, errorProps, fieldId, optional, type Errors } from "../../components/form";
import { MoveButtons } from "../../components/MoveButtons";
import { emptySession, emptyTopic, moderatorLabel, sessionLabels, tableCountOf, topicLabels, WORKSHOP_LABELS as L, type SessionDraft, type TopicDraft, type WorkshopDraft } from "./workshop-draft";

export interface WorkshopFieldsProps {
  draft: WorkshopDraft;
  setDraft: (update: (d: WorkshopDraft) => WorkshopDraft) => void;
  errors: Errors;
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

/** A message under a group that has no single field (the list of topics, of sessions). */
function GroupError({ errors, path }: { errors: Errors; path: string }) {
  const message = errors[path];
  return message ? <p className={fr.cx("fr-error-text", "fr-mb-2w")}>{message}</p> : null;
}

export function WorkshopMainFields({ draft: d, setDraft, errors, bodies }: WorkshopFieldsProps & { bodies: Body[] }) {
  const set = (patch: Partial<WorkshopDraft>) => setDraft((x) => ({ ...x, ...patch }));
  return (
    <Part legend="L'atelier">
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-5")}
          label={L.bodyId}
          hint="L'instance de participation des habitants qui organise l'atelier."
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
          hintText="Par exemple : « Atelier des habitants — novembre 2021 »"
          {...errorProps(errors, "title")}
          nativeInputProps={{ id: fieldId("title"), ...controlProps(errors, "title", { required: true }), value: d.title, onChange: (e) => set({ title: e.target.value }) }}
        />
      </div>
      <Input
        label={optional(L.intro)}
        hintText="Affichée sur l'appel à participation : en langage simple, ce qu'est l'atelier et pourquoi venir."
        textArea
        {...errorProps(errors, "intro")}
        nativeTextAreaProps={{ id: fieldId("intro"), ...controlProps(errors, "intro"), rows: 4, value: d.intro, onChange: (e) => set({ intro: e.target.value }) }}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={L.deadline}
          {...errorProps(errors, "deadline")}
          nativeInputProps={{ id: fieldId("deadline"), ...controlProps(errors, "deadline", { required: true }), type: "date", value: d.deadline, onChange: (e) => set({ deadline: e.target.value }) }}
        />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={L.retentionMonths}
          hintText="Après la dernière séance, puis effacement automatique."
          {...errorProps(errors, "retentionMonths")}
          nativeInputProps={{ id: fieldId("retentionMonths"), ...controlProps(errors, "retentionMonths", { required: true }), type: "number", min: 1, max: 36, inputMode: "numeric", value: d.retentionMonths, onChange: (e) => set({ retentionMonths: e.target.value }) }}
        />
      </div>
      <Checkbox
        id={fieldId("meal")}
        options={[{ label: "Un repas est offert", hintText: "Les besoins alimentaires ne sont demandés aux personnes que dans ce cas.", nativeInputProps: { checked: d.meal, onChange: (e) => set({ meal: e.target.checked }) } }]}
      />
    </Part>
  );
}

/** A contract member who may moderate a table: chosen by name, linked by account. */
export interface ModeratorChoice {
  userId: string;
  name: string;
}

const MEMBERS_LIST = "cles-moderator-members";

export function PlacesFields({ draft: d, setDraft, errors, members }: WorkshopFieldsProps & { members: ModeratorChoice[] }) {
  const set = (patch: Partial<WorkshopDraft>) => setDraft((x) => ({ ...x, ...patch }));
  const seats = Number(d.tableCount) * Number(d.maxPerTable);
  const tables = tableCountOf(d);
  const number = (path: "capacity" | "tableCount" | "maxPerTable", hint: string, max: number) => (
    <Input
      className={fr.cx("fr-col-12", "fr-col-md-4")}
      label={L[path]}
      hintText={hint}
      {...errorProps(errors, path)}
      nativeInputProps={{ id: fieldId(path), ...controlProps(errors, path, { required: true }), type: "number", min: path === "tableCount" ? 1 : 2, max, inputMode: "numeric", value: d[path], onChange: (e) => set({ [path]: e.target.value }) }}
    />
  );
  return (
    <Part legend={L.moderators} hint="World Café : au plus 6 personnes par table, un animateur ou une animatrice par table.">
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {number("capacity", "Au-delà, les personnes vont en liste d'attente.", 500)}
        {number("tableCount", "Autant de tables que de thèmes pour la rotation.", 50)}
        {number("maxPerTable", "6 dans le format World Café.", 12)}
      </div>
      {Number.isFinite(seats) && seats > 0 && <p className={fr.cx("fr-text--sm")} aria-live="polite">{`${d.tableCount} tables de ${d.maxPerTable} personnes : ${seats} places assises.`}</p>}
      {tables > 0 && (
        <div id={fieldId("moderators")} className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          {Array.from({ length: tables }, (_, i) => (
            <Input
              key={i}
              className={fr.cx("fr-col-12", "fr-col-md-4")}
              label={optional(moderatorLabel(i + 1))}
              hintText={
                d.moderators[i]?.userId
                  ? "Membre du contrat ; il ou elle reste à sa table pendant la rotation."
                  : "Un membre du contrat (proposé pendant la saisie) ou un autre nom ; il ou elle reste à sa table pendant la rotation."
              }
              {...errorProps(errors, `moderators.${i}`)}
              nativeInputProps={{
                id: fieldId(`moderators.${i}.name`),
                ...controlProps(errors, `moderators.${i}`),
                list: MEMBERS_LIST,
                autoComplete: "off",
                value: d.moderators[i]?.name ?? "",
                onChange: (e) => {
                  const name = e.target.value;
                  const member = members.find((m) => m.name === name.trim());
                  setDraft((x) => {
                    const moderators = Array.from({ length: Math.max(x.moderators.length, i + 1) }, (_, j) => x.moderators[j] ?? { name: "", userId: null });
                    moderators[i] = { name, userId: member?.userId ?? null };
                    return { ...x, moderators };
                  });
                },
              }}
            />
          ))}
          {/* Always there (empty while the members load), so that the fields keep one list. */}
          <datalist id={MEMBERS_LIST}>
            {members.map((m) => (
              <option key={m.userId} value={m.name} />
            ))}
          </datalist>
        </div>
      )}
      <GroupError errors={errors} path="moderators" />
    </Part>
  );
}

export function TopicFields({ draft: d, setDraft, errors, fiches }: WorkshopFieldsProps & { fiches: ActionItem[] }) {
  const setTopic = (i: number, patch: Partial<TopicDraft> | null) =>
    setDraft((x) => ({ ...x, topics: patch === null ? x.topics.filter((_, j) => j !== i) : x.topics.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
  const ids = d.topics.map((_, i) => String(i));
  const tables = tableCountOf(d);
  return (
    <Part legend={L.topics} id={fieldId("topics")} hint="Chaque thème passe d'une table à l'autre ; chaque table les aborde tous, une fois chacun.">
      <GroupError errors={errors} path="topics" />
      {tables > 0 && d.topics.length !== tables && <p className={fr.cx("fr-text--sm")}>{`Le plan de rotation demande autant de thèmes que de tables (${tables}).`}</p>}
      {d.topics.map((t, i) => {
        const labels = topicLabels(i + 1);
        return (
          <div key={t.id ?? `nouveau-${i}`} className="cles-repeat" role="group" aria-label={labels.title}>
            <Input
              label={labels.title}
              hintText="Par exemple : « Accès aux soins »"
              {...errorProps(errors, `topics.${i}.title`)}
              nativeInputProps={{ id: fieldId(`topics.${i}.title`), ...controlProps(errors, `topics.${i}.title`, { required: true }), value: t.title, onChange: (e) => setTopic(i, { title: e.target.value }) }}
            />
            <Input
              label={optional(labels.questions)}
              hintText="Une question par ligne, 10 au plus."
              textArea
              {...errorProps(errors, `topics.${i}.questions`)}
              nativeTextAreaProps={{ id: fieldId(`topics.${i}.questions`), ...controlProps(errors, `topics.${i}.questions`), rows: 3, value: t.questions, onChange: (e) => setTopic(i, { questions: e.target.value }) }}
            />
            {fiches.length > 0 && (
              <details className="cles-details fr-mb-2w" id={fieldId(`topics.${i}.actionIds`)}>
                <summary>{`${labels.actionIds}${t.actionIds.length ? ` (${t.actionIds.length})` : " (facultatif)"}`}</summary>
                <div className="cles-checklist fr-mt-1w">
                  <Checkbox
                    small
                    legend={<span className={fr.cx("fr-sr-only")}>{optional(`Fiches liées au thème ${i + 1}`)}</span>}
                    options={fiches.map((f) => ({
                      label: `FA ${f.number} — ${f.title}`,
                      nativeInputProps: { checked: t.actionIds.includes(f.id), onChange: (e) => setTopic(i, { actionIds: e.target.checked ? [...t.actionIds, f.id] : t.actionIds.filter((x) => x !== f.id) }) },
                    }))}
                  />
                </div>
                {errorAt(errors, `topics.${i}.actionIds`) && <p className={fr.cx("fr-error-text")}>{errorAt(errors, `topics.${i}.actionIds`)}</p>}
              </details>
            )}
            <MoveButtons ids={ids} index={i} label={`le thème ${i + 1}`} onMove={(next) => setDraft((x) => ({ ...x, topics: next.map((k) => x.topics[Number(k)]!) }))} />
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setTopic(i, null)}>
              {`Retirer le thème ${i + 1}`}
            </Button>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((x) => ({ ...x, topics: [...x.topics, emptyTopic()] }))}>
        Ajouter un thème
      </Button>
    </Part>
  );
}

export function SessionFields({ draft: d, setDraft, errors }: WorkshopFieldsProps) {
  const setSession = (i: number, patch: Partial<SessionDraft> | null) =>
    setDraft((x) => ({ ...x, sessions: patch === null ? x.sessions.filter((_, j) => j !== i) : x.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  return (
    <Part legend="Séances" id={fieldId("sessions")} hint="Heures de Paris. Par exemple deux séances à quinze jours d'intervalle, avec les mêmes personnes.">
      <GroupError errors={errors} path="sessions" />
      {d.sessions.map((s, i) => {
        const path = (field: string) => `sessions.${i}.${field}`;
        const labels = sessionLabels(i + 1);
        return (
          <div key={s.id ?? `nouvelle-${i}`} className="cles-repeat" role="group" aria-label={`Séance ${i + 1}`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={labels.date}
                {...errorProps(errors, path("date"))}
                nativeInputProps={{ id: fieldId(path("date")), ...controlProps(errors, path("date"), { required: true }), type: "date", value: s.date, onChange: (e) => setSession(i, { date: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-6", "fr-col-md-4")}
                label={labels.startsAt}
                {...errorProps(errors, path("startsAt"))}
                nativeInputProps={{ id: fieldId(path("startsAt")), ...controlProps(errors, path("startsAt"), { required: true }), type: "time", value: s.startTime, onChange: (e) => setSession(i, { startTime: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-6", "fr-col-md-4")}
                label={labels.endsAt}
                {...errorProps(errors, path("endsAt"))}
                nativeInputProps={{ id: fieldId(path("endsAt")), ...controlProps(errors, path("endsAt"), { required: true }), type: "time", value: s.endTime, onChange: (e) => setSession(i, { endTime: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-8")}
                label={labels.place}
                hintText="Adresse ou nom de la salle."
                {...errorProps(errors, path("place"))}
                nativeInputProps={{ id: fieldId(path("place")), ...controlProps(errors, path("place"), { required: true }), value: s.place, onChange: (e) => setSession(i, { place: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={labels.roundMinutes}
                hintText="Le temps de chaque thème à chaque table."
                {...errorProps(errors, path("roundMinutes"))}
                nativeInputProps={{ id: fieldId(path("roundMinutes")), ...controlProps(errors, path("roundMinutes"), { required: true }), type: "number", min: 5, max: 240, inputMode: "numeric", value: s.roundMinutes, onChange: (e) => setSession(i, { roundMinutes: e.target.value }) }}
              />
            </div>
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setSession(i, null)}>
              {`Retirer la séance ${i + 1}`}
            </Button>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((x) => ({ ...x, sessions: [...x.sessions, emptySession()] }))}>
        Ajouter une séance
      </Button>
    </Part>
  );
}
