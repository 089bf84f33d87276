/**
 * Reviews shared before Clés, on the review list: for a quarter whose review was written in
 * Word and shared by e-mail, the coordination records the day it was shared (and how); the
 * annual report then counts it. Readers see which quarters were shared that way.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useRecordSharedReview, useRemoveSharedReview, type ReviewQuarter, type SharedReview } from "../../api/reviews";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";
import { controlProps, errorProps, FormButtons, FormProblem, RequiredNote, useFieldErrors } from "../../components/form";
import { shortDate, todayInParis } from "../../format";

/** « Partagée hors Clés le 15/07/2021 — Envoyée par courriel aux signataires » */
export const sharedState = (shared: SharedReview) => `Partagée hors Clés le ${shortDate(shared.sharedOn)}${shared.note ? ` — ${shared.note}` : ""}`;

/** The coordination's side of a quarter: what was recorded, with « Retirer », or the button and form to record it. */
export function SharedQuarter({ contractId, quarter, shared, canRecord, onSaved }: { contractId: string; quarter: ReviewQuarter; shared: SharedReview | undefined; canRecord: boolean; onSaved: (message: string) => void }) {
  const recording = useDisclosure();
  const remove = useRemoveSharedReview(contractId);
  // Recording replaces the button by « Retirer », removing does the reverse: the focus goes to the new button.
  const box = useRef<HTMLDivElement>(null);
  const acted = useRef(false);
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    box.current?.querySelector("button")?.focus();
  }, [shared?.id]);
  const content = shared ? (
    <ConfirmDelete
      label="Retirer"
      what={`la revue du ${quarter.label} partagée hors Clés`}
      pending={remove.isPending}
      onConfirm={() => {
        acted.current = true;
        remove.mutate(shared.id, { onSuccess: () => onSaved(`La revue du ${quarter.label} n'est plus enregistrée comme partagée hors Clés.`), onError: () => (acted.current = false) });
      }}
    />
  ) : !canRecord ? null : recording.open ? (
    <SharedReviewForm
      contractId={contractId}
      quarter={quarter}
      onClose={recording.close}
      onSubmit={() => (acted.current = true)}
      onSaved={() => {
        recording.close();
        onSaved(`La revue du ${quarter.label} est enregistrée comme partagée hors Clés.`);
      }}
    />
  ) : (
    <Button ref={recording.trigger} type="button" size="small" priority="tertiary no outline" onClick={recording.show}>
      Déjà partagée hors Clés
      <span className={fr.cx("fr-sr-only")}>{` : enregistrer la revue du ${quarter.label}`}</span>
    </Button>
  );
  return (
    <div ref={box} className="cles-shared-quarter">
      {content}
      {remove.error && (
        <p className={fr.cx("fr-error-text")} role="alert">
          {remove.error.message}
        </p>
      )}
    </div>
  );
}

function SharedReviewForm({ contractId, quarter, onClose, onSubmit, onSaved }: { contractId: string; quarter: ReviewQuarter; onClose: () => void; onSubmit: () => void; onSaved: () => void }) {
  const form = useFieldErrors();
  const record = useRecordSharedReview(contractId);
  const [draft, setDraft] = useState({ sharedOn: "", note: "" });
  const id = (field: string) => `partage-${quarter.year}-${quarter.quarter}-${field}`;
  useEffect(() => {
    form.formRef.current?.querySelector<HTMLElement>("input")?.focus();
  }, [form.formRef]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    onSubmit();
    record.mutate({ year: quarter.year, quarter: quarter.quarter, sharedOn: draft.sharedOn, note: draft.note }, { onSuccess: onSaved, onError: form.onError });
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === "Escape") onClose();
  };
  return (
    <form ref={form.formRef} aria-label={`Revue du ${quarter.label} partagée hors Clés`} noValidate className="cles-shared-form" onSubmit={submit} onKeyDown={escape}>
      <RequiredNote />
      <FormProblem error={record.error} errors={form.errors} what="cette revue" shown={["sharedOn", "note"]} />
      <Input
        label="Partagée le"
        hintText="Le jour où la revue a été envoyée aux acteurs du contrat."
        nativeInputProps={{ id: id("sharedOn"), ...controlProps(form.errors, "sharedOn", { required: true }), type: "date", max: todayInParis(), value: draft.sharedOn, onChange: (e) => setDraft({ ...draft, sharedOn: e.target.value }) }}
        {...errorProps(form.errors, "sharedOn")}
      />
      <Input
        label="Précision (facultatif)"
        hintText="Par exemple : envoyée par courriel aux signataires et aux pilotes des fiches."
        nativeInputProps={{ id: id("note"), ...controlProps(form.errors, "note"), maxLength: 500, value: draft.note, onChange: (e) => setDraft({ ...draft, note: e.target.value }) }}
        {...errorProps(form.errors, "note")}
      />
      <FormButtons pending={record.isPending} label="Enregistrer" onCancel={onClose} />
    </form>
  );
}
