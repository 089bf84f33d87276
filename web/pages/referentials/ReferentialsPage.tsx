import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { api, ApiError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { controlProps, ErrorSummary, errorProps, fieldId, optional, RequiredNote, type Errors } from "../../components/form";
import { ErrorMessage, Loading, Page } from "../../components/Page";

type Referentials = ResponseOf<"/api/referentials", "get">;
type Referential = Referentials["referentials"][number];

const KEY = ["referentials"] as const;

/** The visible labels, which the error summary names its errors by. */
const LABELS = {
  arsName: "Nom de l'ARS",
  templateWording: optional("Mention du modèle de fiche"),
  prsName: optional("Nom du PRS"),
  prsEdition: optional("Édition du PRS"),
  prsProjects: "Projets du PRS",
  regionalPlans: optional("Plans régionaux"),
};
const projectLabels = (n: number) => ({ code: `Code du projet ${n}`, label: optional(`Libellé du projet ${n}`) });

/** The error summary's name of the field of `path` (« Code du projet 2 »). */
function labelOf(path: string): string {
  const [head = "", index, field] = path.split(".");
  if (head === "prsProjects" && index !== undefined && (field === "code" || field === "label")) return projectLabels(Number(index) + 1)[field];
  return head in LABELS ? LABELS[head as keyof typeof LABELS] : path;
}

/** « Référentiels régionaux »: what belongs to a region (ARS wording, PRS and its projects, regional plans), edited by the platform admin. */
export function ReferentialsPage() {
  const [params, setParams] = useSearchParams();
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api<Referentials>("/referentials", { signal }) });
  if (list.isPending) return <Loading label="Chargement des référentiels…" />;
  if (list.error) return <ErrorMessage error={list.error} title="Les référentiels n'ont pas pu être chargés" />;
  const referentials = list.data.referentials;
  const code = params.get("region") ?? "11";
  const current = referentials.find((r) => r.regionCode === code) ?? referentials[0]!;
  return (
    <Page title="Référentiels régionaux" breadcrumb={[{ label: "Contrats", to: "/" }]}>
      <p>
        Ce qui appartient à une région plutôt qu'à un contrat : le nom de l'ARS et la mention de son modèle de fiche dans les documents, son projet régional de santé (PRS) et ses
        projets, ses plans régionaux. Les contrats d'une région les reprennent d'après leurs communes. Tant qu'une région n'a pas de liste de projets, les codes PRS des fiches
        restent libres ; ensuite, ils sont vérifiés.
      </p>
      <Select
        label="Région"
        className="cles-narrow"
        nativeSelectProps={{ value: current.regionCode, onChange: (e) => setParams({ region: e.target.value }) }}
      >
        {referentials.map((r) => (
          <option key={r.regionCode} value={r.regionCode}>
            {r.regionName}
            {r.version === 0 && !r.prsProjects.length ? " (à compléter)" : ""}
          </option>
        ))}
      </Select>
      <ReferentialForm key={`${current.regionCode}-${current.version}`} referential={current} />
    </Page>
  );
}

type Draft = Omit<Referential, "regionCode" | "regionName" | "version"> & { plansText: string };

function ReferentialForm({ referential }: { referential: Referential }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ ...referential, plansText: referential.regionalPlans.join("\n") });
  const [errors, setErrors] = useState<Errors>({});
  const saved = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: () => {
      const { plansText, ...fields } = draft;
      const body = { ...fields, regionalPlans: plansText.split("\n").map((p) => p.trim()).filter(Boolean), version: referential.version };
      return api<Referential>(`/referentials/${referential.regionCode}`, { method: "PUT", body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {}),
  });
  useEffect(() => {
    if (save.isSuccess) saved.current?.focus();
  }, [save.isSuccess]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate();
  };
  const setProject = (i: number, patch: Partial<Draft["prsProjects"][number]>) =>
    setDraft((d) => ({ ...d, prsProjects: d.prsProjects.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const failure = save.error instanceof ApiError && !Object.keys(errors).length ? save.error : null;
  return (
    <section aria-labelledby="referentiel" className={fr.cx("fr-mt-4w")}>
      <h2 id="referentiel">{referential.regionName}</h2>
      {save.isSuccess && (
        <div ref={save.isSuccess ? saved : undefined} tabIndex={-1}>
          <Alert severity="success" small description={`Le référentiel de la région ${referential.regionName} est enregistré.`} className={fr.cx("fr-mb-3w")} />
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} labels={labelOf} />
        <RequiredNote />
        {failure && <Alert severity="error" small description={failure.detail} className={fr.cx("fr-mb-3w")} role="alert" />}
        <div className="cles-narrow">
          <Input label={LABELS.arsName} nativeInputProps={{ id: fieldId("arsName"), ...controlProps(errors, "arsName", { required: true }), value: draft.arsName, onChange: (e) => setDraft({ ...draft, arsName: e.target.value }) }} {...errorProps(errors, "arsName")} />
          <Input
            label={LABELS.templateWording}
            hintText={`Dans les documents, après « Export du … : 12 fiches, ». Vide : « au modèle de l'${draft.arsName || "ARS"} ».`}
            nativeInputProps={{ id: fieldId("templateWording"), ...controlProps(errors, "templateWording"), value: draft.templateWording, onChange: (e) => setDraft({ ...draft, templateWording: e.target.value }) }}
            {...errorProps(errors, "templateWording")}
          />
          <Input label={LABELS.prsName} hintText="Par exemple « PRS 2 »." nativeInputProps={{ id: fieldId("prsName"), ...controlProps(errors, "prsName"), value: draft.prsName, onChange: (e) => setDraft({ ...draft, prsName: e.target.value }) }} {...errorProps(errors, "prsName")} />
          <Input label={LABELS.prsEdition} hintText="Par exemple « 2018-2022 »." nativeInputProps={{ id: fieldId("prsEdition"), ...controlProps(errors, "prsEdition"), value: draft.prsEdition, onChange: (e) => setDraft({ ...draft, prsEdition: e.target.value }) }} {...errorProps(errors, "prsEdition")} />
        </div>
        <fieldset className={fr.cx("fr-fieldset", "fr-mt-3w")} id={fieldId("prsProjects")}>
          <legend className={fr.cx("fr-fieldset__legend")}>Projets du PRS ({draft.prsProjects.length})</legend>
          {draft.prsProjects.length === 0 && <p className={fr.cx("fr-fieldset__element")}>Aucun projet : les codes PRS des fiches de la région restent libres.</p>}
          {draft.prsProjects.map((p, i) => (
            <div key={i} className={fr.cx("fr-fieldset__element")}>
              <div className="cles-row">
                <Input
                  label={projectLabels(i + 1).code}
                  nativeInputProps={{ id: fieldId(`prsProjects.${i}.code`), ...controlProps(errors, `prsProjects.${i}.code`, { required: true }), value: p.code, onChange: (e) => setProject(i, { code: e.target.value }) }}
                  {...errorProps(errors, `prsProjects.${i}.code`)}
                />
                <Input
                  label={projectLabels(i + 1).label}
                  className="cles-grow"
                  nativeInputProps={{ id: fieldId(`prsProjects.${i}.label`), ...controlProps(errors, `prsProjects.${i}.label`), value: p.label, onChange: (e) => setProject(i, { label: e.target.value }) }}
                  {...errorProps(errors, `prsProjects.${i}.label`)}
                />
                <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => setDraft((d) => ({ ...d, prsProjects: d.prsProjects.filter((_, j) => j !== i) }))}>
                  Retirer le projet {p.code || i + 1}
                </Button>
              </div>
            </div>
          ))}
          <div className={fr.cx("fr-fieldset__element")}>
            <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => setDraft((d) => ({ ...d, prsProjects: [...d.prsProjects, { code: "", label: "" }] }))}>
              Ajouter un projet
            </Button>
          </div>
        </fieldset>
        <Input
          textArea
          className="cles-narrow"
          label={LABELS.regionalPlans}
          hintText="Un plan par ligne (par exemple « PRSE 3 ») : proposés dans les fiches des contrats de la région."
          nativeTextAreaProps={{ id: fieldId("regionalPlans"), ...controlProps(errors, "regionalPlans"), rows: 4, value: draft.plansText, onChange: (e) => setDraft({ ...draft, plansText: e.target.value }) }}
          {...errorProps(errors, "regionalPlans")}
        />
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Enregistrement…" : "Enregistrer le référentiel"}
        </Button>
      </form>
    </section>
  );
}
