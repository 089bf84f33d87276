/** Partner remarks: plain-text threads on the fiche and on each progress entry. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { useRefreshFollowUp, useRemarks, type ProgressEntry, type Remark } from "../../api/followup";
import { controlProps, errorProps, FormProblem, idsFor, useFieldErrors, closeOnEscape } from "../../components/form";
import { plural } from "../../format";
import { ofEntryDate } from "./KnownDateInput";
import { focusSection, formatDateTime, PlainText, Section, SectionError, SectionLoading } from "./kit";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";

/** Section 6: the fiche's own thread, and where the remarks on progress entries are. */
export function RemarksSection({ actionId, entries }: { actionId: string; entries: ProgressEntry[] | undefined }) {
  const remarks = useRemarks(actionId);
  return (
    <Section id="remarques" title="Remarques partenaires" intro="Tout membre du contrat peut écrire une remarque (texte simple). Son auteur peut la corriger ; la coordination peut la retirer.">
      {remarks.isPending ? (
        <SectionLoading label="Chargement des remarques…" />
      ) : remarks.error ? (
        <SectionError error={remarks.error} title="Les remarques n'ont pas pu être chargées" />
      ) : (
        <>
          <h3 className={fr.cx("fr-h6")}>Sur la fiche</h3>
          <RemarkThread actionId={actionId} progressEntryId={null} remarks={remarks.data.items} canComment={remarks.data.permissions.comment} subject="la fiche" />
          <EntryThreadsSummary remarks={remarks.data.items} entries={entries ?? []} />
        </>
      )}
    </Section>
  );
}

function EntryThreadsSummary({ remarks, entries }: { remarks: Remark[]; entries: ProgressEntry[] }) {
  const counted = entries
    .map((entry) => ({ entry, count: remarks.filter((r) => r.progressEntryId === entry.id).length }))
    .filter((e) => e.count > 0);
  return (
    <>
      <h3 className={fr.cx("fr-h6", "fr-mt-4w")}>Sur les avancements</h3>
      {counted.length === 0 ? (
        <p className="cles-empty">Aucune remarque sur les avancements. Chaque avancement a son fil de remarques, sous son texte.</p>
      ) : (
        <ul>
          {counted.map(({ entry, count }) => (
            <li key={entry.id}>
              <a href={`#avancement-${entry.id}`}>{`Avancement ${ofEntryDate(entry)}`}</a>
              {` : ${plural(count, "remarque")}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One thread (of the fiche when progressEntryId is null), oldest first, with the form to add to it. */
export function RemarkThread({ actionId, progressEntryId, remarks, canComment, subject }: { actionId: string; progressEntryId: string | null; remarks: Remark[]; canComment: boolean; subject: string }) {
  const own = remarks.filter((r) => r.progressEntryId === progressEntryId);
  return (
    <div className="cles-thread">
      {own.length === 0 ? (
        <p className="cles-empty">{`Aucune remarque sur ${subject}.`}</p>
      ) : (
        <ul className="cles-thread-list">
          {own.map((r) => (
            <RemarkItem key={r.id} actionId={actionId} remark={r} />
          ))}
        </ul>
      )}
      {canComment && <RemarkForm actionId={actionId} progressEntryId={progressEntryId} subject={subject} />}
    </div>
  );
}

function RemarkItem({ actionId, remark: r }: { actionId: string; remark: Remark }) {
  const refresh = useRefreshFollowUp(actionId);
  const editing = useDisclosure();
  const remove = useMutation({
    mutationFn: () => api(`/comments/${r.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await refresh("comments");
      focusSection(r.progressEntryId ? "avancement" : "remarques");
    },
  });
  const author = `${r.authorName}${r.authorOrganisation ? ` (${r.authorOrganisation})` : ""}`;
  return (
    <li className="cles-remark">
      <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
        <strong>{author}</strong>
        {` — ${formatDateTime(r.createdAt)}`}
        {r.editedAt && !r.deleted && <em>{` — modifiée le ${formatDateTime(r.editedAt)}`}</em>}
      </p>
      {r.deleted ? (
        <p className="cles-empty fr-mb-1w">Remarque retirée.</p>
      ) : editing.open ? (
        <RemarkForm actionId={actionId} remark={r} progressEntryId={r.progressEntryId} subject="" onClose={editing.close} />
      ) : (
        <p className={fr.cx("fr-mb-1w")}>
          <PlainText text={r.body} />
        </p>
      )}
      {remove.error && <Alert severity="error" small role="alert" description={remove.error.message} className={fr.cx("fr-mb-1w")} />}
      {!r.deleted && !editing.open && (r.permissions.edit || r.permissions.delete) && (
        <div className="cles-followup-actions">
          {r.permissions.edit && (
            <Button ref={editing.trigger} type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" onClick={editing.show}>
              Corriger
              <span className={fr.cx("fr-sr-only")}>{` la remarque de ${r.authorName} du ${formatDateTime(r.createdAt)}`}</span>
            </Button>
          )}
          {r.permissions.delete && <ConfirmDelete label="Retirer" what={`la remarque de ${r.authorName} du ${formatDateTime(r.createdAt)}`} onConfirm={() => remove.mutate()} pending={remove.isPending} />}
        </div>
      )}
    </li>
  );
}

function RemarkForm({ actionId, progressEntryId, remark, subject, onClose }: { actionId: string; progressEntryId: string | null; remark?: Remark; subject: string; onClose?: () => void }) {
  const refresh = useRefreshFollowUp(actionId);
  const id = idsFor(remark ? `remarque-${remark.id}` : `remarque-nouvelle-${progressEntryId ?? "fiche"}`);
  const [body, setBody] = useState(remark?.body ?? "");
  const form = useFieldErrors();
  const save = useMutation({
    mutationFn: () => (remark ? api(`/comments/${remark.id}`, { method: "PUT", body: { body } }) : api(`/actions/${actionId}/comments`, { method: "POST", body: { body, progressEntryId } })),
    onSuccess: async () => {
      setBody("");
      await refresh("comments");
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
    <form ref={form.formRef} onSubmit={submit} onKeyDown={closeOnEscape(onClose, save.isPending)} noValidate className="cles-followup-form" aria-label={remark ? "Corriger la remarque" : `Nouvelle remarque sur ${subject}`}>
      <FormProblem error={save.error} errors={form.errors} shown={["body"]} what="cette remarque" />
      <Input
        textArea
        label={remark ? "Remarque" : `Votre remarque sur ${subject}`}
        hintText="Texte simple, sans mise en forme."
        {...errorProps(form.errors, "body")}
        nativeTextAreaProps={{ id: id("body"), ...controlProps(form.errors, "body", { required: true }), rows: 3, value: body, onChange: (e) => setBody(e.target.value), autoFocus: !!remark }}
      />
      <div className="cles-followup-actions">
        <Button type="submit" size="small" disabled={save.isPending}>
          {save.isPending ? "Envoi…" : remark ? "Enregistrer la correction" : "Publier la remarque"}
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

/** Under a progress entry: its thread, folded, with the number of remarks in the summary. */
export function EntryRemarks({ actionId, entry, remarks, canComment }: { actionId: string; entry: ProgressEntry; remarks: Remark[] | undefined; canComment: boolean }) {
  if (!remarks) return null;
  const count = remarks.filter((r) => r.progressEntryId === entry.id && !r.deleted).length;
  return (
    <details className="cles-details fr-mt-1w">
      <summary>{count ? `Remarques (${count})` : canComment ? "Remarques : en écrire une" : "Remarques (aucune)"}</summary>
      <RemarkThread actionId={actionId} progressEntryId={entry.id} remarks={remarks} canComment={canComment} subject={`l'avancement ${ofEntryDate(entry)}`} />
    </details>
  );
}
