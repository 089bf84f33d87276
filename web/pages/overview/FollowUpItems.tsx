/**
 * The rows of the COTECH table that are not fiches, as in the seed review:
 * « Actions transversales » and « Processus : suivi du processus de coordination
 * et de gouvernance » (action | ajustements nécessaires / recommandations).
 * Whoever manages the governance adds, edits and removes them.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { useRefreshCotech, type FollowUpItem } from "../../api/overview";
import { controlProps, errorProps, FormProblem, RequiredNote, useFieldErrors, closeOnEscape } from "../../components/form";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";

const SECTIONS = {
  transversal: { title: "Actions transversales", add: "Ajouter une action transversale", one: "l'action transversale" },
  process: { title: "Processus : suivi du processus de coordination et de gouvernance", add: "Ajouter une ligne de processus", one: "la ligne de processus" },
} as const;
type Section = keyof typeof SECTIONS;

/** A row computed from the data, not stored (the referents' when no process row speaks of them). */
export interface ComputedRow {
  title: string;
  line: string;
}

export function FollowUpItems({ contractId, year, section, items, manage, computedRow = null }: { contractId: string; year: number; section: Section; items: FollowUpItem[]; manage: boolean; computedRow?: ComputedRow | null }) {
  const s = SECTIONS[section];
  const adding = useDisclosure();
  const headingId = `cotech-${section}`;
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mt-6w")}>
      <h2 id={headingId} className={fr.cx("fr-h4")}>
        {s.title}
      </h2>
      {items.length === 0 && !computedRow ? (
        <p className="cles-empty">{`Aucune ligne pour ${year}.`}</p>
      ) : (
        <div className="cles-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
          <table className="cles-grid cles-items">
            <caption id={`${headingId}-caption`} className={fr.cx("fr-sr-only")}>{`${s.title} — ${year}`}</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Ajustements nécessaires / recommandations</th>
                {manage && (
                  <th scope="col" className="cles-no-print">
                    Gestion
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ItemRow key={item.id} contractId={contractId} item={item} manage={manage} what={s.one} />
              ))}
              {computedRow && (
                <tr>
                  <th scope="row" className="cles-prewrap">
                    {computedRow.title}
                    <Computed line={computedRow.line} />
                  </th>
                  <td>
                    <span className="cles-empty">Aucun.</span>
                  </td>
                  {manage && <td className="cles-no-print" />}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {manage &&
        (adding.open ? (
          <ItemForm contractId={contractId} label={s.add} onClose={adding.close} send={(body) => api(`/contracts/${contractId}/follow-up-items`, { method: "POST", body: { ...body, year, section } })} />
        ) : (
          <Button ref={adding.trigger} type="button" size="small" priority="secondary" iconId="fr-icon-add-line" iconPosition="left" className="cles-no-print fr-mt-1w" onClick={adding.show}>
            {s.add}
          </Button>
        ))}
    </section>
  );
}

function ItemRow({ contractId, item, manage, what }: { contractId: string; item: FollowUpItem; manage: boolean; what: string }) {
  const editing = useDisclosure();
  const refresh = useRefreshCotech(contractId);
  const remove = useMutation({ mutationFn: () => api(`/follow-up-items/${item.id}`, { method: "DELETE" }), onSuccess: () => refresh() });
  if (editing.open)
    return (
      <tr>
        <td colSpan={3}>
          <ItemForm
            contractId={contractId}
            label={`Modifier ${what}`}
            initial={item}
            onClose={editing.close}
            send={(body) => api(`/follow-up-items/${item.id}`, { method: "PUT", body: { ...body, version: item.version } })}
          />
        </td>
      </tr>
    );
  return (
    <tr>
      <th scope="row" className="cles-prewrap">
        {item.title}
        {item.computed && <Computed line={item.computed} />}
      </th>
      <td className="cles-prewrap">{item.adjustments || <span className="cles-empty">Aucun.</span>}</td>
      {manage && (
        <td className="cles-no-print">
          <div className="cles-inline-buttons">
            <Button ref={editing.trigger} type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" onClick={editing.show}>
              Modifier
              <span className={fr.cx("fr-sr-only")}>{` « ${item.title.slice(0, 60)} »`}</span>
            </Button>
            <ConfirmDelete label="Supprimer" what={`« ${item.title.slice(0, 60)} »`} onConfirm={() => remove.mutate()} pending={remove.isPending} />
          </div>
          {remove.error && (
            <p role="alert" className={fr.cx("fr-error-text")}>
              {remove.error.message}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

function ItemForm({ contractId, label, initial, onClose, send }: { contractId: string; label: string; initial?: FollowUpItem; onClose: () => void; send: (body: { title: string; adjustments: string }) => Promise<unknown> }) {
  const form = useFieldErrors();
  const refresh = useRefreshCotech(contractId);
  const [draft, setDraft] = useState({ title: initial?.title ?? "", adjustments: initial?.adjustments ?? "" });
  const save = useMutation({
    mutationFn: () => send(draft),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: form.onError,
  });
  useEffect(() => {
    form.formRef.current?.querySelector<HTMLElement>("textarea")?.focus();
  }, [form.formRef]);
  const id = (field: string) => `ligne-${initial?.id ?? "nouvelle"}-${field}`;
  return (
    <form
      ref={form.formRef}
      aria-label={label}
      noValidate
      className="cles-repeat cles-no-print fr-mt-2w"
      onKeyDown={closeOnEscape(onClose, save.isPending)}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        form.clear();
        save.mutate();
      }}
    >
      <RequiredNote />
      <FormProblem error={save.error} errors={form.errors} what="cette ligne" shown={["title", "adjustments"]} onReload={() => void refresh().then(onClose)} />
      <Input label="Action" textArea nativeTextAreaProps={{ id: id("title"), ...controlProps(form.errors, "title", { required: true }), rows: 2, value: draft.title, onChange: (e) => setDraft({ ...draft, title: e.target.value }) }} {...errorProps(form.errors, "title")} />
      <Input
        label="Ajustements nécessaires / recommandations (facultatif)"
        textArea
        nativeTextAreaProps={{ id: id("adjustments"), ...controlProps(form.errors, "adjustments"), rows: 3, value: draft.adjustments, onChange: (e) => setDraft({ ...draft, adjustments: e.target.value }) }}
        {...errorProps(form.errors, "adjustments")}
      />
      <div className="cles-inline-buttons">
        <Button type="submit" size="small" disabled={save.isPending}>
          Enregistrer
        </Button>
        <Button type="button" size="small" priority="secondary" onClick={onClose}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

/** A line Clés computes from the data (« 9 communes sur 20 ont leurs deux référents (technique et élu) »). */
function Computed({ line }: { line: string }) {
  return (
    <>
      <br />
      <span className={fr.cx("fr-text--sm", "fr-text--regular")}>{`D'après les référents désignés : ${line}.`}</span>
    </>
  );
}
