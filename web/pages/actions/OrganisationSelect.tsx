import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { organisationBody } from "../../../server/shared-forms";
import { api, ApiError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { keys, type Contract } from "../../api/queries";
import { controlProps, errorProps, fieldId, zodErrors, type Errors } from "../../components/form";
import { SectorSelect } from "../../components/SectorSelect";

interface Props {
  label: string;
  path: string;
  value: string;
  onChange: (organisationId: string) => void;
  errors: Errors;
  contract: Contract;
  allowEmpty?: string;
  className?: string;
  /** Said to assistive technologies (aria-required); an optional field says « (facultatif) » in its label. */
  required?: boolean;
}

/** Picks an organisation of the contract's directory, or adds one to it on the spot. */
export function OrganisationSelect({ label, path, value, onChange, errors, contract, allowEmpty, className, required = false }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <div className={className}>
      <Select label={label} {...errorProps(errors, path)} nativeSelectProps={{ id: fieldId(path), ...controlProps(errors, path, { required }), value, onChange: (e) => onChange(e.target.value) }}>
        <option value="">{allowEmpty ?? "Choisir une organisation"}</option>
        {contract.organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name}
          </option>
        ))}
      </Select>
      {adding ? (
        <NewOrganisation
          contract={contract}
          onDone={(id) => {
            setAdding(false);
            if (id) onChange(id);
          }}
        />
      ) : (
        <Button type="button" priority="tertiary no outline" size="small" iconId="fr-icon-add-line" className={fr.cx("fr-mt-n2w", "fr-mb-2w")} onClick={() => setAdding(true)}>
          Organisation absente de l'annuaire ?
        </Button>
      )}
    </div>
  );
}

function NewOrganisation({ contract, onDone }: { contract: Contract; onDone: (id?: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [shortName, setShortName] = useState("");
  const [sector, setSector] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const create = useMutation({
    mutationFn: (body: unknown) => api<ResponseOf<"/api/contracts/{contractId}/organisations", "post">>(`/contracts/${contract.id}/organisations`, { method: "POST", body }),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: keys.contract(contract.id) });
      onDone(org.id);
    },
    onError: (e) => e instanceof ApiError && setErrors(e.fieldErrors()),
  });
  const submit = () => {
    const parsed = organisationBody.safeParse({ name, shortName: shortName.trim() || null, sector: sector || null });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    create.mutate(parsed.data);
  };
  return (
    <div className="cles-repeat" role="group" aria-label="Nouvelle organisation de l'annuaire">
      <Input label="Nom de l'organisation ou du service" {...errorProps(errors, "name")} nativeInputProps={{ ...controlProps(errors, "name", { required: true }), value: name, autoFocus: true, onChange: (e) => setName(e.target.value) }} />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label="Sigle (facultatif)" {...errorProps(errors, "shortName")} nativeInputProps={{ ...controlProps(errors, "shortName"), value: shortName, onChange: (e) => setShortName(e.target.value) }} />
        <SectorSelect className={fr.cx("fr-col-12", "fr-col-md-6")} label="Secteur (facultatif)" value={sector} onChange={setSector} />
      </div>
      {create.error && !(create.error instanceof ApiError && create.error.status === 400) && <p className={fr.cx("fr-error-text")} role="alert">{create.error.message}</p>}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--icon-left", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
        <li>
          <Button type="button" onClick={submit} disabled={create.isPending}>
            Ajouter à l'annuaire
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone()}>
            Annuler
          </Button>
        </li>
      </ul>
    </div>
  );
}
