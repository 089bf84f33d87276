import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { api, ApiError } from "../../api/client";
import { useActions, useContract, type Contract } from "../../api/queries";
import { errorProps, type Errors } from "../../components/form";
import { MoveButtons } from "../../components/MoveButtons";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { plural } from "../../format";

/** One mutation helper for the page: runs a request, refreshes everything, reports errors in one place. */
function useEdit(onError: (e: Error) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body?: unknown }) => api(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries(),
    onError,
  });
}

export function AxesPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const actions = useActions(contractId, {});
  const [message, setMessage] = useState<string | null>(null);
  const edit = useEdit((e) => setMessage(e.message));
  if (contract.isPending) return <Loading />;
  if (contract.error) return <ErrorMessage error={contract.error} />;
  const c = contract.data;
  if (!c.permissions.manageStructure)
    return <NotAllowed title="Vous ne pouvez pas modifier les axes">Seule la coordination du contrat modifie ses axes, ses objectifs et l'ordre des fiches.</NotAllowed>;
  const run = (path: string, method: string, body?: unknown) => {
    setMessage(null);
    return edit.mutateAsync({ path, method, body });
  };
  const axisIds = c.axes.map((a) => a.id);
  return (
    <Page title="Axes, objectifs et ordre des fiches" breadcrumb={[{ label: "Contrats", to: "/" }, { label: c.name, to: `/contrats/${c.id}` }]}>
      {message && <Alert severity="error" title="Action refusée" description={message} closable onClose={() => setMessage(null)} className={fr.cx("fr-mb-3w")} />}
      <h2>Axes stratégiques</h2>
      {c.axes.length === 0 && <p>Aucun axe pour l'instant : ajoutez le premier ci-dessous.</p>}
      <ol className={fr.cx("fr-raw-list")}>
        {c.axes.map((axis, i) => (
          <li key={axis.id} className="cles-repeat">
            <div className={fr.cx("fr-grid-row", "fr-grid-row--middle")}>
              <h3 className={fr.cx("fr-h6", "fr-col", "fr-mb-0")}>{`Axe ${axis.number} — ${axis.title}`}</h3>
              <div className="cles-col-auto">
                <MoveButtons ids={axisIds} index={i} label={`l'axe ${axis.number}`} disabled={edit.isPending} onMove={(ids) => void run(`/contracts/${c.id}/axes/order`, "PUT", { ids })} />
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-delete-line"
                  title={`Supprimer l'axe ${axis.number}`}
                  disabled={edit.isPending}
                  onClick={() => window.confirm(`Supprimer l'axe ${axis.number} ?`) && void run(`/axes/${axis.id}`, "DELETE")}
                />
              </div>
            </div>
            <p className={fr.cx("fr-text--sm")}>{plural(axis.actionCount, "fiche", "fiches")}</p>
            <TextPairForm
              key={`${axis.id}-${axis.version}`}
              labels={["Intitulé de l'axe", "Description (facultative)"]}
              keys={["title", "description"]}
              initial={[axis.title, axis.description]}
              submitLabel="Enregistrer l'axe"
              textArea
              onSubmit={(v) => run(`/axes/${axis.id}`, "PUT", { ...v, version: axis.version })}
            />
            <Objectives contract={c} axis={axis} run={run} busy={edit.isPending} />
          </li>
        ))}
      </ol>
      <h3 className={fr.cx("fr-h6")}>Ajouter un axe</h3>
      <TextPairForm key={`new-axis-${c.axes.length}`} labels={["Intitulé du nouvel axe", "Description (facultative)"]} keys={["title", "description"]} initial={["", ""]} submitLabel="Ajouter l'axe" textArea onSubmit={(v) => run(`/contracts/${c.id}/axes`, "POST", v)} />
      <h2 className={fr.cx("fr-mt-6w")}>Ordre et numérotation des fiches</h2>
      <p>Déplacer une fiche la renumérote : les fiches sont toujours numérotées de 1 à n dans cet ordre.</p>
      {actions.data && actions.data.items.length > 0 ? (
        <ol className={fr.cx("fr-raw-list")}>
          {actions.data.items.map((a, i, all) => (
            <li key={a.id} className={fr.cx("fr-grid-row", "fr-grid-row--middle")}>
              <span className={fr.cx("fr-col")}>{`FA ${a.number} — ${a.title}`}</span>
              <span className="cles-col-auto">
                <MoveButtons ids={all.map((x) => x.id)} index={i} label={`la fiche ${a.number}`} disabled={edit.isPending} onMove={(ids) => void run(`/contracts/${c.id}/actions/order`, "PUT", { ids })} />
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p>Aucune fiche.</p>
      )}
    </Page>
  );
}

type Run = (path: string, method: string, body?: unknown) => Promise<unknown>;

function Objectives({ axis, run, busy }: { contract: Contract; axis: Contract["axes"][number]; run: Run; busy: boolean }) {
  const ids = axis.objectives.map((o) => o.id);
  return (
    <div className={fr.cx("fr-mt-2w")}>
      <h4 className={fr.cx("fr-text--md", "fr-text--bold")}>{`Objectifs de l'axe ${axis.number}`}</h4>
      {axis.objectives.length === 0 && <p className={fr.cx("fr-text--sm")}>Aucun objectif : les fiches de cet axe y sont rattachées directement.</p>}
      <ol className={fr.cx("fr-raw-list")}>
        {axis.objectives.map((o, i) => (
          <li key={o.id} className={fr.cx("fr-mb-2w")}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--middle")}>
              <span className={fr.cx("fr-col")}>{`${o.code} — ${o.title} (${plural(o.actionCount, "fiche", "fiches")})`}</span>
              <span className="cles-col-auto">
                <MoveButtons ids={ids} index={i} label={`l'objectif ${o.code}`} disabled={busy} onMove={(next) => void run(`/axes/${axis.id}/objectives/order`, "PUT", { ids: next })} />
                <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-delete-line" title={`Supprimer l'objectif ${o.code}`} disabled={busy} onClick={() => window.confirm(`Supprimer l'objectif ${o.code} ?`) && void run(`/objectives/${o.id}`, "DELETE")} />
              </span>
            </div>
            <TextPairForm key={`${o.id}-${o.version}`} labels={["Code", "Intitulé de l'objectif"]} keys={["code", "title"]} initial={[o.code, o.title]} submitLabel="Enregistrer l'objectif" compact onSubmit={(v) => run(`/objectives/${o.id}`, "PUT", { ...v, version: o.version })} />
          </li>
        ))}
      </ol>
      <TextPairForm key={`new-${axis.id}-${axis.objectives.length}`} labels={["Code du nouvel objectif", "Intitulé du nouvel objectif"]} keys={["code", "title"]} initial={[`${axis.number}.${axis.objectives.length + 1}`, ""]} submitLabel="Ajouter l'objectif" compact onSubmit={(v) => run(`/axes/${axis.id}/objectives`, "POST", v)} />
    </div>
  );
}

/** A two-field form (title + description, or code + title) whose errors come from the API's field errors. */
function TextPairForm(props: { labels: [string, string]; keys: [string, string]; initial: [string, string]; submitLabel: string; textArea?: boolean; compact?: boolean; onSubmit: (v: Record<string, string>) => Promise<unknown> }) {
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await props.onSubmit({ [props.keys[0]]: values[0], [props.keys[1]]: values[1] });
      setErrors({});
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
    } finally {
      setBusy(false);
    }
  };
  const [k0, k1] = props.keys;
  return (
    <form onSubmit={(e) => void submit(e)} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
      <Input className={fr.cx("fr-col-12", props.compact ? "fr-col-md-2" : "fr-col-md-12")} label={props.labels[0]} {...errorProps(errors, k0)} nativeInputProps={{ value: values[0], onChange: (e) => setValues([e.target.value, values[1]]) }} />
      {props.textArea ? (
        <Input className={fr.cx("fr-col-12")} label={props.labels[1]} textArea {...errorProps(errors, k1)} nativeTextAreaProps={{ rows: 2, value: values[1], onChange: (e) => setValues([values[0], e.target.value]) }} />
      ) : (
        <Input className={fr.cx("fr-col-12", "fr-col-md-7")} label={props.labels[1]} {...errorProps(errors, k1)} nativeInputProps={{ value: values[1], onChange: (e) => setValues([values[0], e.target.value]) }} />
      )}
      <div className="fr-col-12 cles-col-auto fr-mb-3w">
        <Button type="submit" size="small" priority="secondary" disabled={busy}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
