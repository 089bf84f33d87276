/** Reste-à-faire: the current list of what remains to do; ticking an item records the day it was done. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { useRefreshFollowUp, useRemaining, type RemainingItem } from "../../api/followup";
import { controlProps, errorProps, FormProblem, idsFor, useFieldErrors, closeOnEscape } from "../../components/form";
import { formatDate, plural } from "../../format";
import { focusSection, Section, todayInParis, QueryList } from "./kit";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";

export function RemainingSection({ actionId, canEdit }: { actionId: string; canEdit: boolean }) {
  const items = useRemaining(actionId);
  const open = items.data?.items.filter((i) => !i.doneOn).length ?? 0;
  return (
    <Section id="reste-a-faire" title="Reste-à-faire" intro={items.data?.items.length ? `${plural(open, "élément restant", "éléments restants")}.` : undefined}>
      <QueryList query={items} loading="Chargement du reste-à-faire…" failed="Le reste-à-faire n'a pas pu être chargé" empty="Rien n'est noté dans le reste-à-faire.">
        {(item) => (
          <RemainingRow key={item.id} actionId={actionId} item={item} canEdit={canEdit} />
        )}
      </QueryList>
      {canEdit && <RemainingForm actionId={actionId} />}
    </Section>
  );
}

function RemainingRow({ actionId, item, canEdit }: { actionId: string; item: RemainingItem; canEdit: boolean }) {
  const refresh = useRefreshFollowUp(actionId);
  const editing = useDisclosure();
  const toggle = useMutation({
    mutationFn: (done: boolean) => api(`/remaining/${item.id}`, { method: "PUT", body: { text: item.text, doneOn: done ? todayInParis() : null, version: item.version } }),
    onSuccess: () => refresh("remaining"),
  });
  const remove = useMutation({
    mutationFn: () => api(`/remaining/${item.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await refresh("remaining");
      focusSection("reste-a-faire");
    },
  });
  const failure = toggle.error ?? remove.error;
  const checkboxId = `reste-${item.id}`;
  const done = item.doneOn ? <span className={fr.cx("fr-hint-text")}>{`Fait le ${formatDate(item.doneOn)}`}</span> : null;
  return (
    <li className="cles-followup-item cles-followup-item--compact">
      {editing.open ? (
        <RemainingForm actionId={actionId} item={item} onClose={editing.close} />
      ) : canEdit ? (
        <div className={fr.cx("fr-checkbox-group")}>
          <input type="checkbox" id={checkboxId} checked={!!item.doneOn} disabled={toggle.isPending} onChange={(e) => toggle.mutate(e.target.checked)} />
          <label className={fr.cx("fr-label")} htmlFor={checkboxId}>
            <span className={item.doneOn ? "cles-done" : undefined}>{item.text}</span>
            {done}
          </label>
        </div>
      ) : (
        <p className={fr.cx("fr-mb-0")}>
          <span className={item.doneOn ? "cles-done" : undefined}>{item.text}</span>
          {item.doneOn ? <span className={fr.cx("fr-sr-only")}> (fait)</span> : null}
          {done}
        </p>
      )}
      {failure && <Alert severity="error" small role="alert" description={failure.message} className={fr.cx("fr-mt-1w")} />}
      {canEdit && !editing.open && (
        <div className="cles-followup-actions">
          <Button ref={editing.trigger} type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" onClick={editing.show}>
            Modifier
            <span className={fr.cx("fr-sr-only")}>{` « ${item.text} »`}</span>
          </Button>
          <ConfirmDelete label="Retirer" what={`« ${item.text} »`} onConfirm={() => remove.mutate()} pending={remove.isPending} />
        </div>
      )}
    </li>
  );
}

function RemainingForm({ actionId, item, onClose }: { actionId: string; item?: RemainingItem; onClose?: () => void }) {
  const refresh = useRefreshFollowUp(actionId);
  const id = idsFor(item ? `reste-${item.id}-texte` : "reste-nouveau");
  const [text, setText] = useState(item?.text ?? "");
  const form = useFieldErrors();
  const save = useMutation({
    mutationFn: () =>
      item
        ? api(`/remaining/${item.id}`, { method: "PUT", body: { text, doneOn: item.doneOn, version: item.version } })
        : api(`/actions/${actionId}/remaining`, { method: "POST", body: { text } }),
    onSuccess: async () => {
      setText("");
      await refresh("remaining");
      onClose?.();
    },
    onError: form.onError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    save.mutate();
  };
  return (
    <form ref={form.formRef} onSubmit={submit} onKeyDown={closeOnEscape(onClose, save.isPending)} noValidate className={item ? "cles-followup-form" : "cles-followup-form fr-mt-2w"} aria-label={item ? `Modifier « ${item.text} »` : "Nouveau reste-à-faire"}>
      <FormProblem error={save.error} errors={form.errors} shown={["text"]} what="ce reste-à-faire" onReload={() => void refresh("remaining").then(onClose)} />
      <Input
        label={item ? "Reste-à-faire" : "Ajouter au reste-à-faire"}
        {...errorProps(form.errors, "text")}
        nativeInputProps={{ id: id("text"), ...controlProps(form.errors, "text", { required: true }), value: text, onChange: (e) => setText(e.target.value), autoFocus: !!item }}
      />
      <div className="cles-followup-actions">
        <Button type="submit" size="small" priority={item ? "primary" : "secondary"} disabled={save.isPending}>
          {item ? "Enregistrer" : "Ajouter"}
        </Button>
        {onClose && (
          <Button type="button" size="small" priority="tertiary" onClick={onClose}>
            Annuler
          </Button>
        )}
      </div>
    </form>
  );
}
