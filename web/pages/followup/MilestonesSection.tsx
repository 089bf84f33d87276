/** Rétroplanning: the fiche's milestones, planned, moved (« prévu T2 2021, reporté T1 2022 ») and done. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { useMilestones, useRefreshFollowUp, type Milestone } from "../../api/followup";
import { controlProps, errorProps, FormProblem, idsFor, useFieldErrors, FormButtons, RequiredNote } from "../../components/form";
import { formatDate } from "../../format";
import { focusSection, Section, todayInParis, QueryList } from "./kit";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";
import { KnownDateInput, knownDateDraft, knownDateValue } from "./KnownDateInput";

export function MilestonesSection({ actionId, canEdit }: { actionId: string; canEdit: boolean }) {
  const milestones = useMilestones(actionId);
  const adding = useDisclosure();
  return (
    <Section id="retroplanning" title="Rétroplanning" intro="Les étapes prévues de la fiche. Une étape reportée garde sa date prévue d'origine.">
      <QueryList query={milestones} loading="Chargement du rétroplanning…" failed="Le rétroplanning n'a pas pu être chargé" empty="Aucune étape planifiée.">
        {(m) => (
          <MilestoneItem key={m.id} actionId={actionId} milestone={m} canEdit={canEdit} />
        )}
      </QueryList>
      {canEdit &&
        (adding.open ? (
          <MilestoneForm actionId={actionId} onClose={adding.close} />
        ) : (
          <Button ref={adding.trigger} type="button" priority="secondary" iconId="fr-icon-add-line" iconPosition="left" onClick={adding.show}>
            Ajouter une étape
          </Button>
        ))}
    </Section>
  );
}

function MilestoneItem({ actionId, milestone: m, canEdit }: { actionId: string; milestone: Milestone; canEdit: boolean }) {
  const refresh = useRefreshFollowUp(actionId);
  const editing = useDisclosure();
  const markDone = useMutation({
    mutationFn: () => api(`/milestones/${m.id}`, { method: "PUT", body: { title: m.title, plannedBy: m.plannedBy, owner: m.owner, doneOn: todayInParis(), version: m.version } }),
    onSuccess: async () => {
      await refresh("milestones");
      // The button pressed is gone: the focus stays on this milestone.
      editing.trigger.current?.focus();
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/milestones/${m.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await refresh("milestones");
      focusSection("retroplanning");
    },
  });
  const failure = markDone.error ?? remove.error;
  return (
    <li className="cles-followup-item">
      <p className={fr.cx("fr-mb-1v")}>
        <strong>{m.title}</strong>{" "}
        {m.doneOn ? (
          <Badge small severity="success">Réalisée</Badge>
        ) : m.overdue ? (
          <Badge small severity="error">En retard</Badge>
        ) : null}
      </p>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {`Échéance : ${formatDate(m.plannedBy)} — ${m.schedule}`}
        {m.owner && ` — Responsable : ${m.owner}`}
      </p>
      {failure && <Alert severity="error" small role="alert" description={failure.message} className={fr.cx("fr-mb-1w")} />}
      {canEdit && !editing.open && (
        <div className="cles-followup-actions">
          <Button ref={editing.trigger} type="button" size="small" priority="secondary" iconId="fr-icon-edit-line" iconPosition="left" onClick={editing.show}>
            Modifier ou reporter
            <span className={fr.cx("fr-sr-only")}>{` l'étape « ${m.title} »`}</span>
          </Button>
          {!m.doneOn && (
            <Button type="button" size="small" priority="secondary" iconId="fr-icon-check-line" iconPosition="left" onClick={() => markDone.mutate()} disabled={markDone.isPending}>
              Marquer réalisée aujourd'hui
              <span className={fr.cx("fr-sr-only")}>{` : « ${m.title} »`}</span>
            </Button>
          )}
          <ConfirmDelete label="Supprimer" what={`l'étape « ${m.title} »`} onConfirm={() => remove.mutate()} pending={remove.isPending} />
        </div>
      )}
      {editing.open && <MilestoneForm actionId={actionId} milestone={m} onClose={editing.close} />}
    </li>
  );
}

function MilestoneForm({ actionId, milestone, onClose }: { actionId: string; milestone?: Milestone; onClose: () => void }) {
  const refresh = useRefreshFollowUp(actionId);
  const id = idsFor(milestone ? `etape-${milestone.id}` : "etape-nouvelle");
  const [title, setTitle] = useState(milestone?.title ?? "");
  const [plannedBy, setPlannedBy] = useState(milestone?.plannedBy ?? "");
  const [owner, setOwner] = useState(milestone?.owner ?? "");
  const [doneOn, setDoneOn] = useState(knownDateDraft(milestone?.doneOn, milestone?.doneOnPrecision));
  const form = useFieldErrors();
  const save = useMutation({
    mutationFn: () => {
      const body = { title, plannedBy, owner, doneOn: knownDateValue(doneOn), doneOnPrecision: doneOn.precision };
      return milestone
        ? api(`/milestones/${milestone.id}`, { method: "PUT", body: { ...body, version: milestone.version } })
        : api(`/actions/${actionId}/milestones`, { method: "POST", body });
    },
    onSuccess: async () => {
      await refresh("milestones");
      onClose();
    },
    onError: form.onError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    save.mutate();
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="cles-followup-form" aria-label={milestone ? `Modifier l'étape « ${milestone.title} »` : "Nouvelle étape"}>
      <RequiredNote />
      <FormProblem error={save.error} errors={form.errors} shown={["title", "plannedBy", "owner", "doneOn"]} what="cette étape" onReload={() => void refresh("milestones").then(onClose)} />
      <Input label="Intitulé de l'étape" {...errorProps(form.errors, "title")} nativeInputProps={{ id: id("title"), ...controlProps(form.errors, "title", { required: true }), value: title, onChange: (e) => setTitle(e.target.value), autoFocus: true }} />
      <div className="cles-followup-fields">
        <Input
          label="Échéance prévue"
          hintText={milestone ? "La reporter garde la date prévue d'origine." : "Le dernier jour de la période prévue."}
          {...errorProps(form.errors, "plannedBy")}
          nativeInputProps={{ id: id("plannedBy"), ...controlProps(form.errors, "plannedBy", { required: true }), type: "date", value: plannedBy, onChange: (e) => setPlannedBy(e.target.value) }}
        />
        <Input label="Responsable (facultatif)" {...errorProps(form.errors, "owner")} nativeInputProps={{ id: id("owner"), ...controlProps(form.errors, "owner"), value: owner, onChange: (e) => setOwner(e.target.value) }} />
        {milestone && (
          <KnownDateInput
            field="doneOn"
            id={id}
            legend="Précision de la date de réalisation"
            label={doneOn.precision === "month" ? "Réalisée en (facultatif)" : "Réalisée le (facultatif)"}
            hint="Laissez vide tant que l'étape n'est pas réalisée."
            errors={form.errors}
            draft={doneOn}
            max={todayInParis()}
            onChange={setDoneOn}
          />
        )}
      </div>
      <FormButtons pending={save.isPending} label={milestone ? "Enregistrer l'étape" : "Ajouter l'étape"} onCancel={onClose} />
    </form>
  );
}
