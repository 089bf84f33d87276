/** The survey builder's own fields: title, presentation, dates, linked fiches, answers and residents' data. */
import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { ReactNode } from "react";
import type { ActionItem } from "../../api/queries";
import { controlProps, errorAt, errorProps, fieldId, optional, type Errors } from "../../components/form";
import { SURVEY_LABELS as L, type QuestionDraft, type SurveyDraft } from "./survey-draft";

export interface SurveyFieldsProps {
  draft: SurveyDraft;
  setDraft: (update: (d: SurveyDraft) => SurveyDraft) => void;
  errors: Errors;
}

/** What answers already received forbid: removing these questions or options, changing these questions' kind. */
export interface Locks {
  questions: ReadonlySet<string>;
  /** "questionId/optionId". */
  options: ReadonlySet<string>;
}

export type QuestionProps = SurveyFieldsProps & { index: number; question: QuestionDraft; locks: Locks };

export function Part({ legend, id, children, hint }: { legend: string; id?: string; children: ReactNode; hint?: string }) {
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

/** A message under a group that has no single field (the options of a question, the list of questions). */
export function GroupError({ errors, path }: { errors: Errors; path: string }) {
  const message = errors[path];
  return message ? <p className={fr.cx("fr-error-text", "fr-mb-2w")}>{message}</p> : null;
}

export function SurveyMainFields({ draft: d, setDraft, errors, fiches }: SurveyFieldsProps & { fiches: ActionItem[] }) {
  const set = (patch: Partial<SurveyDraft>) => setDraft((x) => ({ ...x, ...patch }));
  return (
    <Part legend="Le sondage">
      <Input
        label={L.title}
        hintText="Par exemple : « Rencontres de la Santé — vos priorités »"
        {...errorProps(errors, "title")}
        nativeInputProps={{ id: fieldId("title"), ...controlProps(errors, "title", { required: true }), value: d.title, onChange: (e) => set({ title: e.target.value }) }}
      />
      <Input
        label={optional(L.intro)}
        hintText="Affichée en haut du questionnaire : en langage simple, pourquoi ce questionnaire et ce que deviendront les réponses."
        textArea
        {...errorProps(errors, "intro")}
        nativeTextAreaProps={{ id: fieldId("intro"), ...controlProps(errors, "intro"), rows: 4, value: d.intro, onChange: (e) => set({ intro: e.target.value }) }}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={L.opensOn}
          hintText="Premier jour où l'on peut répondre."
          {...errorProps(errors, "opensOn")}
          nativeInputProps={{ id: fieldId("opensOn"), ...controlProps(errors, "opensOn", { required: true }), type: "date", value: d.opensOn, onChange: (e) => set({ opensOn: e.target.value }) }}
        />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={L.closesOn}
          hintText="Dernier jour où l'on peut répondre."
          {...errorProps(errors, "closesOn")}
          nativeInputProps={{ id: fieldId("closesOn"), ...controlProps(errors, "closesOn", { required: true }), type: "date", value: d.closesOn, onChange: (e) => set({ closesOn: e.target.value }) }}
        />
      </div>
      {fiches.length > 0 && (
        <details className="cles-details fr-mb-2w" id={fieldId("actionIds")}>
          <summary>{`${L.actionIds}${d.actionIds.length ? ` (${d.actionIds.length})` : " (facultatif)"}`}</summary>
          <p className={fr.cx("fr-hint-text", "fr-mt-1w")}>Les résultats du sondage apparaîtront dans le suivi de ces fiches et dans la revue trimestrielle.</p>
          <div className="cles-checklist fr-mt-1w">
            <Checkbox
              small
              legend={<span className={fr.cx("fr-sr-only")}>{optional("Fiches liées au sondage")}</span>}
              options={fiches.map((f) => ({
                label: `FA ${f.number} — ${f.title}`,
                nativeInputProps: { checked: d.actionIds.includes(f.id), onChange: (e) => set({ actionIds: e.target.checked ? [...d.actionIds, f.id] : d.actionIds.filter((x) => x !== f.id) }) },
              }))}
            />
          </div>
          {errorAt(errors, "actionIds") && <p className={fr.cx("fr-error-text")}>{errorAt(errors, "actionIds")}</p>}
        </details>
      )}
    </Part>
  );
}

export function AnswerSettingsFields({ draft: d, setDraft, errors }: SurveyFieldsProps) {
  const set = (patch: Partial<SurveyDraft>) => setDraft((x) => ({ ...x, ...patch }));
  return (
    <Part legend="Réponses et données personnelles" hint="Les réponses sont anonymes. Seule l'adresse e-mail, si vous la proposez, est une donnée personnelle.">
      <Checkbox
        id={fieldId("oneAnswerPerDevice")}
        options={[
          {
            label: "Une seule réponse par appareil",
            hintText: "Évite les réponses en double : un identifiant aléatoire est gardé dans le navigateur (aucune adresse IP). Décochez pour un questionnaire rempli sur une tablette partagée.",
            nativeInputProps: { checked: d.oneAnswerPerDevice, onChange: (e) => set({ oneAnswerPerDevice: e.target.checked }) },
          },
        ]}
      />
      <Checkbox
        id={fieldId("askContact")}
        options={[
          {
            label: "Proposer de laisser une adresse e-mail",
            hintText: "Facultative, pour recontacter les personnes au sujet des suites ; elles donnent leur accord. Seule la coordination la lit.",
            nativeInputProps: { checked: d.askContact, onChange: (e) => set({ askContact: e.target.checked }) },
          },
        ]}
      />
      {d.askContact && (
        <div className={fr.cx("fr-grid-row")}>
          <Input
            className={fr.cx("fr-col-12", "fr-col-md-6")}
            label={L.retentionMonths}
            hintText="Après la clôture du questionnaire, puis effacement automatique. Entre 1 et 36 mois."
            {...errorProps(errors, "retentionMonths")}
            nativeInputProps={{ id: fieldId("retentionMonths"), ...controlProps(errors, "retentionMonths", { required: true }), type: "number", min: 1, max: 36, inputMode: "numeric", value: d.retentionMonths, onChange: (e) => set({ retentionMonths: e.target.value }) }}
          />
        </div>
      )}
    </Part>
  );
}
