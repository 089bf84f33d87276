import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { CONTRACT_TRANSITIONS } from "../../../server/shared";
import { CONTRACT_STATUSES, type ContractStatus } from "../../../server/shared";
import { contractBody, type ContractBody } from "../../../server/shared-forms";
import { keyDateShown, parseKeyDate } from "../../../server/shared";
import { api, ApiError } from "../../api/client";
import { keys, useContract, useContracts, type Contract } from "../../api/queries";
import { controlProps, errorProps, ErrorSummary, fieldId, optional, RequiredNote, zodErrors, type Errors } from "../../components/form";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { CONTRACT_LABELS as L, contractErrorLabel, type ContractDraft } from "./contractDraft";
import { KEY_DATE_FORMAT, KeyDateFields, SignatoryFields } from "./ContractListFields";
import { TerritoryFields } from "./TerritoryFields";

export function ContractEditPage() {
  const { contractId } = useParams();
  const contract = useContract(contractId ?? "");
  const list = useContracts(!contractId);
  if (!contractId) {
    if (list.isPending) return <Loading />;
    if (!list.data?.permissions.create)
      return <NotAllowed title="Vous ne pouvez pas créer de contrat">Les contrats sont créés par l'administration de la plateforme, qui en nomme ensuite la coordination.</NotAllowed>;
    return <ContractForm />;
  }
  if (contract.isPending) return <Loading label="Chargement du contrat…" />;
  if (contract.error) return <ErrorMessage error={contract.error} />;
  if (!contract.data.permissions.update)
    return <NotAllowed title="Vous ne pouvez pas modifier ce contrat">Seule la coordination du contrat le modifie.</NotAllowed>;
  return <ContractForm contract={contract.data} />;
}

function draftOf(c?: Contract): ContractDraft {
  if (!c) {
    const year = new Date().getFullYear();
    return { slug: "", name: "", localAuthority: "", startDate: `${year}-01-01`, endDate: `${year + 4}-12-31`, status: "draft", summary: "", population: null, keyDates: [], communes: [], priorityAreas: [], signatories: [] };
  }
  return {
    slug: c.slug,
    name: c.name,
    localAuthority: c.localAuthority,
    startDate: c.startDate,
    endDate: c.endDate,
    status: c.status,
    summary: c.summary,
    population: c.population,
    // The field shows a key date as people write it; bodyOf turns it back.
    keyDates: c.keyDates.map((k) => ({ on: keyDateShown(k.on), label: k.label })),
    communes: c.communes.map(({ inseeCode, name, population }) => ({ inseeCode, name, population })),
    priorityAreas: c.priorityAreas,
    signatories: c.signatories.map((s) => ({ organisation: s.organisationId, representative: s.representative, title: s.title, signedOn: s.signedOn })),
  };
}

function bodyOf(d: ContractDraft): unknown {
  return {
    ...d,
    keyDates: (d.keyDates ?? []).map((k) => ({ on: parseKeyDate(k.on) ?? k.on, label: k.label })),
    // A commune without a population gets the reference's from the server.
    communes: d.communes.map(({ inseeCode, name, population }) => ({ inseeCode, name, population })),
    priorityAreas: d.priorityAreas.map((q) => ({ ...q, code: q.code?.trim() || null, communeInseeCode: q.communeInseeCode || null })),
  };
}

function ContractForm({ contract }: { contract?: Contract }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<ContractDraft>(() => draftOf(contract));
  const [errors, setErrors] = useState<Errors>({});
  const setDraft = (update: (d: ContractDraft) => ContractDraft) => setDraftState(update);
  const save = useMutation({
    mutationFn: (body: ContractBody) =>
      contract ? api<Contract>(`/contracts/${contract.id}`, { method: "PUT", body: { ...body, version: contract.version } }) : api<Contract>("/contracts", { method: "POST", body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.contract(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: keys.contracts });
      void navigate(`/contrats/${saved.id}`);
    },
    onError: (e) => e instanceof ApiError && e.status === 400 && setErrors(e.fieldErrors()),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = contractBody.safeParse(bodyOf(draft));
    // A key date that is neither a day nor a month is said in the form people type it in.
    const keyDateErrors = Object.fromEntries((draft.keyDates ?? []).flatMap((k, i) => (parseKeyDate(k.on) ? [] : [[`keyDates.${i}.on`, KEY_DATE_FORMAT]])));
    if (!parsed.success) return setErrors({ ...zodErrors(parsed.error), ...keyDateErrors });
    setErrors({});
    save.mutate(parsed.data);
  };
  const statuses: ContractStatus[] = contract ? [contract.status, ...CONTRACT_TRANSITIONS[contract.status]] : ["draft", "signed", "running"];
  const field = (key: "name" | "localAuthority" | "slug", hint?: string) => (
    <Input label={L[key]} hintText={hint} {...errorProps(errors, key)} nativeInputProps={{ id: fieldId(key), ...controlProps(errors, key, { required: true }), value: draft[key], onChange: (e) => setDraft((d) => ({ ...d, [key]: e.target.value })) }} />
  );
  return (
    <Page
      title={contract ? "Modifier le contrat" : "Nouveau contrat"}
      breadcrumb={[{ label: "Contrats", to: "/" }, ...(contract ? [{ label: contract.name, to: `/contrats/${contract.id}` }] : [])]}
    >
      <form onSubmit={onSubmit} noValidate>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={contractErrorLabel} />
        {save.error instanceof ApiError && save.error.status === 409 && (
          <Alert severity="error" title="Modification refusée : le contrat a changé entre-temps" description={save.error.message} className={fr.cx("fr-mb-4w")} />
        )}
        {save.error && !(save.error instanceof ApiError && [400, 409].includes(save.error.status)) && (
          <Alert severity="error" title="L'enregistrement a échoué" description={save.error.message} className={fr.cx("fr-mb-4w")} />
        )}
        <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
          <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Le contrat</legend>
          <div className={fr.cx("fr-col-12")}>
            {field("name")}
            {field("localAuthority", "Commune, communauté d'agglomération, communauté de communes…")}
            {field("slug", "Minuscules, chiffres et tirets, par exemple capvm-2019-2022 : il sert dans les exports et la ligne de commande")}
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label={L.startDate} {...errorProps(errors, "startDate")} nativeInputProps={{ id: fieldId("startDate"), ...controlProps(errors, "startDate", { required: true }), type: "date", value: draft.startDate, onChange: (e) => setDraft((d) => ({ ...d, startDate: e.target.value })) }} />
              <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label={L.endDate} {...errorProps(errors, "endDate")} nativeInputProps={{ id: fieldId("endDate"), ...controlProps(errors, "endDate", { required: true }), type: "date", value: draft.endDate, onChange: (e) => setDraft((d) => ({ ...d, endDate: e.target.value })) }} />
              <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label={L.status} {...errorProps(errors, "status")} nativeSelectProps={{ id: fieldId("status"), ...controlProps(errors, "status", { required: true }), value: draft.status, onChange: (e) => setDraft((d) => ({ ...d, status: e.target.value as ContractStatus })) }}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {CONTRACT_STATUSES[s]}
                  </option>
                ))}
              </Select>
            </div>
            <Input
              className={fr.cx("fr-col-12", "fr-col-md-6")}
              label={optional(L.population)}
              hintText="Telle que le contrat l'écrit pour son territoire (les populations des communes viennent du référentiel officiel)"
              {...errorProps(errors, "population")}
              nativeInputProps={{
                id: fieldId("population"),
                ...controlProps(errors, "population"),
                type: "number",
                inputMode: "numeric",
                min: 1,
                step: 1,
                value: draft.population ?? "",
                onChange: (e) => setDraft((d) => ({ ...d, population: e.target.value === "" ? null : Number(e.target.value) })),
              }}
            />
            <Input
              label={optional(L.summary)}
              hintText="Préambule, principes, synthèse du diagnostic local de santé"
              textArea
              {...errorProps(errors, "summary")}
              nativeTextAreaProps={{ id: fieldId("summary"), ...controlProps(errors, "summary"), rows: 8, value: draft.summary, onChange: (e) => setDraft((d) => ({ ...d, summary: e.target.value })) }}
            />
          </div>
        </fieldset>
        <KeyDateFields draft={draft} setDraft={setDraft} errors={errors} />
        <TerritoryFields draft={draft} setDraft={setDraft} errors={errors} />
        {contract ? (
          <SignatoryFields draft={draft} setDraft={setDraft} errors={errors} contract={contract} />
        ) : (
          <p>Vous ajouterez les signataires une fois le contrat créé, depuis son annuaire.</p>
        )}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--icon-left", "fr-btns-group--inline-md")}>
          <li>
            <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
              {save.isPending ? "Enregistrement…" : contract ? "Enregistrer" : "Créer le contrat"}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={() => void navigate(-1)}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </Page>
  );
}
