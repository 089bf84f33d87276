import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { organisationBody } from "../../../server/shared-forms";
import { api, ApiError } from "../../api/client";
import { keys, useContract, type Contract } from "../../api/queries";
import { errorProps, zodErrors, type Errors } from "../../components/form";
import { SectorSelect } from "../../components/SectorSelect";
import { ErrorMessage, Loading, Page } from "../../components/Page";

type Organisation = Contract["organisations"][number];

export function DirectoryPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const [filter, setFilter] = useState("");
  if (contract.isPending) return <Loading />;
  if (contract.error) return <ErrorMessage error={contract.error} />;
  const c = contract.data;
  const needle = filter.trim().toLocaleLowerCase("fr");
  const shown = c.organisations.filter((o) => !needle || `${o.name} ${o.shortName ?? ""}`.toLocaleLowerCase("fr").includes(needle));
  return (
    <Page title="Annuaire du contrat" breadcrumb={[{ label: "Contrats", to: "/" }, { label: c.name, to: `/contrats/${c.id}` }]}>
      <p>Les organisations et services qui portent des fiches, y sont partenaires ou signent le contrat. Une personne peut y être nommée sans avoir de compte.</p>
      {c.permissions.addOrganisation && (
        <>
          <h2 className={fr.cx("fr-h5")}>Ajouter une organisation</h2>
          <OrganisationForm contractId={c.id} key={`new-${c.organisations.length}`} />
        </>
      )}
      <h2 className={fr.cx("fr-h5", "fr-mt-4w")}>{`Organisations (${c.organisations.length})`}</h2>
      <Input label="Filtrer l'annuaire" nativeInputProps={{ type: "search", value: filter, onChange: (e) => setFilter(e.target.value) }} />
      {shown.length === 0 ? (
        <p>{c.organisations.length ? "Aucune organisation ne correspond." : "L'annuaire est vide."}</p>
      ) : (
        <ul className={fr.cx("fr-raw-list")}>
          {shown.map((o) => (
            <li key={`${o.id}-${o.version}`} className="cles-repeat">
              {c.permissions.manageDirectory ? <OrganisationForm contractId={c.id} organisation={o} /> : <p className={fr.cx("fr-mb-0")}>{[o.name, o.shortName, o.sector].filter(Boolean).join(" · ")}</p>}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function OrganisationForm({ contractId, organisation }: { contractId: string; organisation?: Organisation }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation?.name ?? "");
  const [shortName, setShortName] = useState(organisation?.shortName ?? "");
  const [sector, setSector] = useState<string>(organisation?.sector ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      organisation ? api(`/organisations/${organisation.id}`, { method: "PUT", body: { ...(body as object), version: organisation.version } }) : api(`/contracts/${contractId}/organisations`, { method: "POST", body }),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: keys.contract(contractId) });
    },
    onError: (e) => e instanceof ApiError && e.status === 400 && setErrors(e.fieldErrors()),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = organisationBody.safeParse({ name, shortName: shortName.trim() || null, sector: sector || null });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    save.mutate(parsed.data);
  };
  const prefix = organisation ? `de « ${organisation.name} »` : "de la nouvelle organisation";
  return (
    <form onSubmit={submit} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")} aria-label={organisation ? organisation.name : "Nouvelle organisation"}>
      <Input className={fr.cx("fr-col-12", "fr-col-md-5")} label={<span>Nom <span className="fr-sr-only">{prefix}</span></span>} {...errorProps(errors, "name")} nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value) }} />
      <Input className={fr.cx("fr-col-12", "fr-col-md-2")} label={<span>Sigle <span className="fr-sr-only">{prefix}</span></span>} {...errorProps(errors, "shortName")} nativeInputProps={{ value: shortName, onChange: (e) => setShortName(e.target.value) }} />
      <SectorSelect className={fr.cx("fr-col-12", "fr-col-md-3")} label={<span>Secteur <span className="fr-sr-only">{prefix}</span></span>} value={sector} onChange={setSector} />
      <div className="fr-col-12 cles-col-auto fr-mb-3w">
        <Button type="submit" size="small" priority={organisation ? "secondary" : "primary"} disabled={save.isPending}>
          {organisation ? "Enregistrer" : "Ajouter"}
        </Button>
        <span role="status" className={fr.cx("fr-ml-1w", "fr-text--sm")}>
          {saved && !save.isPending ? "Enregistré." : ""}
        </span>
        {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <p className={fr.cx("fr-error-text")}>{save.error.message}</p>}
      </div>
    </form>
  );
}
