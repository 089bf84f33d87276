/**
 * People and organisations of governance: a body's standing members, a meeting's
 * participants (invited, present, residents). Each row names an account of a member of the
 * contract, an organisation of the contract, a free name with an e-mail, or several.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { accountKeys, type Members } from "../../api/accounts";
import { api } from "../../api/client";
import type { Contract } from "../../api/queries";
import { controlProps, errorProps, fieldId, optional, type Errors } from "../../components/form";

export interface PersonDraft {
  userId: string | null;
  organisationId: string | null;
  name: string;
  email: string;
  invited?: boolean;
  present?: boolean;
  /** Takes part as a resident (e.g. presenting the workshops' synthesis at the COPIL). */
  resident?: boolean;
}

export const emptyPerson = (attendance: boolean): PersonDraft => ({ userId: null, organisationId: null, name: "", email: "", ...(attendance ? { invited: true, present: false, resident: false } : {}) });

/** The people the contract knows: its members' accounts, when the signed-in person may list them. */
export function useContractPeople(contract: Contract) {
  const enabled = contract.permissions.manageMembers;
  const members = useQuery({ enabled, queryKey: accountKeys.members(contract.id), queryFn: ({ signal }) => api<Members>(`/contracts/${contract.id}/members`, { signal }) });
  return enabled ? (members.data?.items ?? []) : [];
}

interface Props {
  /** "members" or "participants": the path of the list in the server's field errors. */
  path: string;
  /** "Membre", "Participant": names each row's group. */
  noun: string;
  rows: PersonDraft[];
  onChange: (rows: PersonDraft[]) => void;
  contract: Contract;
  errors: Errors;
  /** Invited and present checkboxes (meetings). */
  attendance?: boolean;
}

export function PeopleFields({ path, noun, rows, onChange, contract, errors, attendance = false }: Props) {
  const accounts = useContractPeople(contract);
  const set = (i: number, patch: Partial<PersonDraft> | null) => onChange(patch === null ? rows.filter((_, j) => j !== i) : rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const pickAccount = (i: number, userId: string) => {
    const account = accounts.find((a) => a.userId === userId);
    set(i, account ? { userId, name: account.name, email: account.email } : { userId: null });
  };
  return (
    <div id={fieldId(path)}>
      {rows.length === 0 && <p>{`Aucun ${noun.toLowerCase()} pour l'instant.`}</p>}
      {rows.map((row, i) => {
        const label = `${noun} ${i + 1}${row.name ? ` : ${row.name}` : ""}`;
        return (
          <div key={i} className="cles-people-row" role="group" aria-label={label} aria-describedby={`${path}-${i}-aide`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <p id={`${path}-${i}-aide`} className={fr.cx("fr-hint-text", "fr-col-12", "fr-mb-0")}>
                Au moins l'un des trois : un membre du contrat, une organisation ou un nom.
              </p>
              {accounts.length > 0 && (
                <Select className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label="Membre du contrat" {...errorProps(errors, `${path}.${i}.userId`)} nativeSelectProps={{ id: fieldId(`${path}.${i}.userId`), ...controlProps(errors, `${path}.${i}.userId`), value: row.userId ?? "", onChange: (e) => pickAccount(i, e.target.value) }}>
                  <option value="">Aucun compte</option>
                  {accounts.map((a) => (
                    <option key={a.userId} value={a.userId}>
                      {a.name}
                    </option>
                  ))}
                </Select>
              )}
              <Select className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label="Organisation" {...errorProps(errors, `${path}.${i}.organisationId`)} nativeSelectProps={{ id: fieldId(`${path}.${i}.organisationId`), ...controlProps(errors, `${path}.${i}.organisationId`), value: row.organisationId ?? "", onChange: (e) => set(i, { organisationId: e.target.value || null }) }}>
                <option value="">Aucune organisation</option>
                {contract.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.shortName && o.shortName !== o.name ? `${o.shortName} — ${o.name}` : o.name}
                  </option>
                ))}
              </Select>
              <Input className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label="Nom" {...errorProps(errors, `${path}.${i}.name`)} nativeInputProps={{ id: fieldId(`${path}.${i}.name`), ...controlProps(errors, `${path}.${i}.name`), autoComplete: "off", value: row.name, onChange: (e) => set(i, { name: e.target.value }) }} />
              <Input className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label={optional("E-mail")} {...errorProps(errors, `${path}.${i}.email`)} nativeInputProps={{ id: fieldId(`${path}.${i}.email`), ...controlProps(errors, `${path}.${i}.email`), type: "email", autoComplete: "off", value: row.email, onChange: (e) => set(i, { email: e.target.value }) }} />
            </div>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-grid-row--gutters")}>
              {attendance && (
                <div className={fr.cx("fr-col-12", "fr-col-md")}>
                  <Checkbox
                    orientation="horizontal"
                    small
                    className={fr.cx("fr-mb-0")}
                    options={[
                      { label: "Invité·e", nativeInputProps: { checked: !!row.invited, onChange: (e) => set(i, { invited: e.target.checked }) } },
                      { label: "Présent·e", nativeInputProps: { checked: !!row.present, onChange: (e) => set(i, { present: e.target.checked }) } },
                      { label: "Habitant·e", nativeInputProps: { checked: !!row.resident, onChange: (e) => set(i, { resident: e.target.checked }) } },
                    ]}
                  />
                </div>
              )}
              <div className={fr.cx("fr-col-12", "fr-col-md")}>
                <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" className={fr.cx("fr-mb-2w")} onClick={() => set(i, null)}>
                  {`Retirer`}
                  <span className={fr.cx("fr-sr-only")}>{` ${label}`}</span>
                </Button>
              </div>
            </div>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" className={fr.cx("fr-mb-3w")} onClick={() => onChange([...rows, emptyPerson(attendance)])}>
        {`Ajouter un ${noun.toLowerCase()}`}
      </Button>
    </div>
  );
}

/** What the server takes for a row. */
export const personBody = (p: PersonDraft) => ({ userId: p.userId, organisationId: p.organisationId, name: p.name.trim(), email: p.email.trim() });
