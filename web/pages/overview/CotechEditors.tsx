/**
 * The inline editors of a COTECH table row, one per cell: add a milestone, a
 * progress entry, remaining work (and tick it), an adjustment. Each opens from a
 * button in its cell; once saved the table is read again.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { ADJUSTMENT_KINDS } from "../../../server/shared";
import { api } from "../../api/client";
import { useRemaining } from "../../api/followup";
import { useRefreshCotech, type CotechRow } from "../../api/overview";
import { controlProps, errorProps, FormProblem, optional, RequiredNote, useFieldErrors } from "../../components/form";
import { ErrorMessage, Loading } from "../../components/Page";
import { todayInParis } from "../../format";
import { announce } from "../../components/announcer";
import { useDisclosure } from "../../components/disclosure";

export interface EditorProps {
  contractId: string;
  row: CotechRow;
  year: number;
}
type Close = () => void;

/** « FA 5 » as said after a button's visible text, for screen readers. */
const fa = (row: CotechRow) => `FA ${row.action.number}`;

/** A cell's button opening its inline form; when the form closes, the focus goes back to the button. */
export function CellEditor({ label, context, children }: { label: string; context: string; children: (close: Close) => ReactNode }) {
  const d = useDisclosure();
  if (d.open) return <div className="cles-cell-editor cles-no-print">{children(d.close)}</div>;
  return (
    <Button ref={d.trigger} type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" className="cles-no-print cles-cell-button" onClick={d.show}>
      {label}
      <span className={fr.cx("fr-sr-only")}>{` ${context}`}</span>
    </Button>
  );
}

/** A small form in a cell: focused on its first field when it opens, with its problems and its two buttons. */
function InlineForm({ label, submit, pending, onSubmit, onCancel, cancel = "Annuler", form, error, what, note, children }: {
  label: string;
  /** The sentence on required fields: "some" when some are optional, "all" when none is. */
  note?: "some" | "all";
  cancel?: string;
  submit: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: Close;
  form: ReturnType<typeof useFieldErrors>;
  error: unknown;
  what: string;
  children: ReactNode;
}) {
  useEffect(() => {
    form.formRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }, [form.formRef]);
  return (
    <form
      ref={form.formRef}
      aria-label={label}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        form.clear();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      {note && <RequiredNote all={note === "all"} />}
      <FormProblem error={error} errors={form.errors} what={what} shown={["title", "plannedBy", "happenedOn", "text", "kind", "description", "targetActionId"]} />
      {children}
      <div className="cles-inline-buttons">
        <Button type="submit" size="small" disabled={pending}>
          {submit}
        </Button>
        <Button type="button" size="small" priority="secondary" onClick={onCancel}>
          {cancel}
        </Button>
      </div>
    </form>
  );
}

/** Saves through the API, then reads the table again and closes the form. */
function useSave(contractId: string, row: CotechRow, form: ReturnType<typeof useFieldErrors>, close: Close, said: string) {
  const refresh = useRefreshCotech(contractId);
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api(path, { method: "POST", body }),
    onSuccess: async () => {
      await refresh(row.action.id);
      close();
      announce(`${said} (${fa(row)}).`);
    },
    onError: form.onError,
  });
}

const ids = (row: CotechRow, cell: string) => (field: string) => `cotech-${row.action.number}-${cell}-${field}`;

export function MilestoneEditor({ contractId, row, close }: EditorProps & { close: Close }) {
  const form = useFieldErrors();
  const save = useSave(contractId, row, form, close, "Étape ajoutée au rétroplanning");
  const [draft, setDraft] = useState({ title: "", plannedBy: "" });
  const id = ids(row, "etape");
  return (
    <InlineForm
      label={`Ajouter une étape au rétroplanning de la ${fa(row)}`}
      submit="Ajouter l'étape"
      pending={save.isPending}
      onSubmit={() => save.mutate({ path: `/actions/${row.action.id}/milestones`, body: draft })}
      onCancel={close}
      form={form}
      error={save.error}
      what="l'étape"
      note="all"
    >
      <Input label="Étape" nativeInputProps={{ id: id("title"), ...controlProps(form.errors, "title", { required: true }), value: draft.title, onChange: (e) => setDraft({ ...draft, title: e.target.value }) }} {...errorProps(form.errors, "title")} />
      <Input label="Prévue au plus tard le" nativeInputProps={{ id: id("plannedBy"), ...controlProps(form.errors, "plannedBy", { required: true }), type: "date", value: draft.plannedBy, onChange: (e) => setDraft({ ...draft, plannedBy: e.target.value }) }} {...errorProps(form.errors, "plannedBy")} />
    </InlineForm>
  );
}

/** The day proposed for a progress entry: today in this year's table, else the last day of a past year. */
function defaultDay(year: number): string {
  const today = todayInParis();
  return Number(today.slice(0, 4)) > year ? `${year}-12-31` : today;
}

export function ProgressEditor({ contractId, row, year, close }: EditorProps & { close: Close }) {
  const form = useFieldErrors();
  const save = useSave(contractId, row, form, close, "Avancement ajouté");
  const [draft, setDraft] = useState({ happenedOn: defaultDay(year), text: "" });
  const id = ids(row, "avancement");
  return (
    <InlineForm
      label={`Ajouter un avancement à la ${fa(row)}`}
      submit="Enregistrer l'avancement"
      pending={save.isPending}
      onSubmit={() => save.mutate({ path: `/actions/${row.action.id}/progress`, body: draft })}
      onCancel={close}
      form={form}
      error={save.error}
      what="l'avancement"
      note="all"
    >
      <Input
        label="Date"
        hintText={`Le tableau ${year} montre les avancements datés de ${year}.`}
        nativeInputProps={{ id: id("happenedOn"), ...controlProps(form.errors, "happenedOn", { required: true }), type: "date", value: draft.happenedOn, onChange: (e) => setDraft({ ...draft, happenedOn: e.target.value }) }}
        {...errorProps(form.errors, "happenedOn")}
      />
      <Input label="Ce qui a été fait" textArea nativeTextAreaProps={{ id: id("text"), ...controlProps(form.errors, "text", { required: true }), rows: 4, value: draft.text, onChange: (e) => setDraft({ ...draft, text: e.target.value }) }} {...errorProps(form.errors, "text")} />
    </InlineForm>
  );
}

export function AdjustmentEditor({ contractId, row, fiches, close }: EditorProps & { fiches: { id: string; number: number; title: string }[]; close: Close }) {
  const form = useFieldErrors();
  const save = useSave(contractId, row, form, close, "Ajustement enregistré");
  const [draft, setDraft] = useState({ kind: "", description: "", targetActionId: "" });
  const id = ids(row, "ajustement");
  return (
    <InlineForm
      label={`Proposer un ajustement de la ${fa(row)}`}
      submit="Proposer l'ajustement"
      pending={save.isPending}
      onSubmit={() =>
        save.mutate({
          path: `/actions/${row.action.id}/adjustments`,
          body: { kind: draft.kind || undefined, description: draft.description, targetActionId: draft.kind === "merge" ? draft.targetActionId || null : null, status: "proposed" },
        })
      }
      onCancel={close}
      form={form}
      error={save.error}
      what="l'ajustement"
      note="some"
    >
      <Select label="Type d'ajustement" nativeSelectProps={{ id: id("kind"), ...controlProps(form.errors, "kind", { required: true }), value: draft.kind, onChange: (e) => setDraft({ ...draft, kind: e.target.value }) }} {...errorProps(form.errors, "kind")}>
        <option value="" disabled>
          Choisir
        </option>
        {Object.entries(ADJUSTMENT_KINDS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      {draft.kind === "merge" && (
        <Select label="Fiche avec laquelle fusionner" nativeSelectProps={{ id: id("targetActionId"), ...controlProps(form.errors, "targetActionId", { required: true }), value: draft.targetActionId, onChange: (e) => setDraft({ ...draft, targetActionId: e.target.value }) }} {...errorProps(form.errors, "targetActionId")}>
          <option value="" disabled>
            Choisir une fiche
          </option>
          {fiches
            .filter((f) => f.id !== row.action.id)
            .map((f) => (
              <option key={f.id} value={f.id}>{`FA ${f.number} — ${f.title}`}</option>
            ))}
        </Select>
      )}
      <Input label={optional("Description")} textArea nativeTextAreaProps={{ id: id("description"), ...controlProps(form.errors, "description"), rows: 3, value: draft.description, onChange: (e) => setDraft({ ...draft, description: e.target.value }) }} {...errorProps(form.errors, "description")} />
      <p className={fr.cx("fr-text--xs", "fr-mb-1w")}>L'ajustement est enregistré « Proposé » ; il se valide en comité depuis le suivi de la fiche.</p>
    </InlineForm>
  );
}

/** The remaining work of a fiche: tick what is done (or untick), add what is left. */
export function RemainingEditor({ contractId, row, close }: EditorProps & { close: Close }) {
  const list = useRemaining(row.action.id);
  const refresh = useRefreshCotech(contractId);
  const form = useFieldErrors();
  const [text, setText] = useState("");
  const add = useMutation({
    mutationFn: () => api(`/actions/${row.action.id}/remaining`, { method: "POST", body: { text } }),
    onSuccess: async () => {
      setText("");
      await refresh(row.action.id);
      announce(`Ajouté au reste-à-faire (${fa(row)}).`);
    },
    onError: form.onError,
  });
  const tick = useMutation({
    mutationFn: (item: { id: string; text: string; version: number; done: boolean }) =>
      api(`/remaining/${item.id}`, { method: "PUT", body: { text: item.text, doneOn: item.done ? todayInParis() : null, version: item.version } }),
    onSettled: () => refresh(row.action.id),
  });
  const id = ids(row, "reste");
  return (
    <InlineForm
      label={`Mettre à jour le reste-à-faire de la ${fa(row)}`}
      submit="Ajouter"
      cancel="Fermer"
      pending={add.isPending}
      onSubmit={() => add.mutate()}
      onCancel={close}
      form={form}
      error={add.error ?? tick.error}
      what="le reste-à-faire"
    >
      {list.isPending ? (
        <Loading label="Chargement du reste-à-faire…" />
      ) : list.error ? (
        <ErrorMessage error={list.error} title="Le reste-à-faire n'a pas pu être chargé" />
      ) : (
        list.data.items.length > 0 && (
          <Checkbox
            small
            legend="Cochez ce qui est fait"
            options={list.data.items.map((item) => ({
              label: item.text,
              nativeInputProps: {
                checked: item.doneOn !== null,
                disabled: tick.isPending,
                onChange: (e) => tick.mutate({ id: item.id, text: item.text, version: item.version, done: e.target.checked }),
              },
            }))}
          />
        )
      )}
      <Input label="Nouveau reste-à-faire" nativeInputProps={{ id: id("text"), ...controlProps(form.errors, "text", { required: true }), value: text, onChange: (e) => setText(e.target.value) }} {...errorProps(form.errors, "text")} />
    </InlineForm>
  );
}
