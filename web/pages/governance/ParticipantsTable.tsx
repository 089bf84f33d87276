/**
 * A meeting's participants as a compact table: one line per person or organisation, with its
 * invited / present / resident checkboxes; « Modifier » opens the line's fields (account,
 * organisation, name, e-mail) under it. An invited line without an e-mail address is flagged:
 * the invitation goes by e-mail only. Keyboard: every control is a native one, in reading order.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState } from "react";
import type { Contract } from "../../api/queries";
import { controlProps, errorAt, errorProps, fieldId, optional, type Errors } from "../../components/form";
import { PARTICIPANT_LABELS as L } from "./meetingDraft";
import { emptyPerson, useContractPeople, type PersonDraft } from "./PeopleFields";
import { NO_EMAIL_WARNING, participantLabel } from "./participants";

interface Props {
  rows: PersonDraft[];
  onChange: (rows: PersonDraft[]) => void;
  contract: Contract;
  errors: Errors;
}

const FLAGS = [
  { key: "invited", label: "Invité·e" },
  { key: "present", label: "Présent·e" },
  { key: "resident", label: "Habitant·e" },
] as const;

export function ParticipantsTable({ rows, onChange, contract, errors }: Props) {
  const accounts = useContractPeople(contract);
  // Lines whose fields are open (by index); a new line opens, and its first field takes the focus.
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (focusRow === null) return;
    tableRef.current?.querySelector<HTMLElement>(`#${fieldId(`participants.${focusRow}`)} select, #${fieldId(`participants.${focusRow}`)} input`)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const organisationName = (id: string | null) => contract.organisations.find((o) => o.id === id)?.name ?? null;
  const set = (i: number, patch: Partial<PersonDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    onChange(rows.filter((_, j) => j !== i));
    setOpen((s) => new Set([...s].filter((j) => j !== i).map((j) => (j > i ? j - 1 : j))));
  };
  const toggle = (i: number) => setOpen((s) => (s.has(i) ? new Set([...s].filter((j) => j !== i)) : new Set([...s, i])));
  const add = () => {
    onChange([...rows, emptyPerson(true)]);
    setOpen((s) => new Set([...s, rows.length]));
    setFocusRow(rows.length);
  };
  const pickAccount = (i: number, userId: string) => {
    const account = accounts.find((a) => a.userId === userId);
    set(i, account ? { userId, name: account.name, email: account.email } : { userId: null });
  };
  const allPresent = rows.length > 0 && rows.every((r) => r.present);

  return (
    <div id={fieldId("participants")}>
      {rows.length === 0 ? (
        <p>Aucun participant pour l'instant.</p>
      ) : (
        <div className={fr.cx("fr-table", "fr-table--sm", "fr-mb-2w")}>
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table ref={tableRef} className="cles-participants">
                  <caption>Participants de la réunion</caption>
                  <thead>
                    <tr>
                      <th scope="col">Participant</th>
                      {FLAGS.map((f) => (
                        <th key={f.key} scope="col" className="cles-flag-col">
                          {f.label}
                        </th>
                      ))}
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, i) => {
                      const label = participantLabel({ ...row, organisationName: organisationName(row.organisationId) });
                      const name = label ?? `Participant ${i + 1}`;
                      const noEmail = row.invited && !row.email.trim() && label !== null;
                      const inError = !!errorAt(errors, `participants.${i}`);
                      const expanded = open.has(i) || inError;
                      const panel = `participant-${i}-champs`;
                      const path = (field: keyof typeof L) => `participants.${i}.${field}`;
                      return [
                        <tr key={`row-${i}`}>
                          <th scope="row" className={fr.cx("fr-cell--multiline")}>
                            <span className={label ? undefined : "cles-empty"}>{label ?? `Participant ${i + 1} (à compléter)`}</span>
                            {row.email.trim() && <span className={fr.cx("fr-hint-text", "fr-mt-0")}>{row.email}</span>}
                            {noEmail && <span className={fr.cx("fr-message", "fr-message--warning", "fr-mt-1v")}>{NO_EMAIL_WARNING}</span>}
                          </th>
                          {FLAGS.map((f) => {
                            const id = `participant-${i}-${f.key}`;
                            return (
                              <td key={f.key} className="cles-flag-col">
                                <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
                                  <input type="checkbox" id={id} checked={!!row[f.key]} onChange={(e) => set(i, { [f.key]: e.target.checked })} />
                                  <label className={fr.cx("fr-label")} htmlFor={id}>
                                    <span className={fr.cx("fr-sr-only")}>{`${f.label} : ${name}`}</span>
                                  </label>
                                </div>
                              </td>
                            );
                          })}
                          <td>
                            <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline", "fr-btns-group--sm")}>
                              <li>
                                <Button type="button" priority="tertiary" size="small" nativeButtonProps={{ "aria-expanded": expanded, "aria-controls": panel }} onClick={() => toggle(i)}>
                                  {expanded && !inError ? "Fermer" : "Modifier"}
                                  <span className={fr.cx("fr-sr-only")}>{` ${name}`}</span>
                                </Button>
                              </li>
                              <li>
                                <Button type="button" priority="tertiary no outline" size="small" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                                  Retirer
                                  <span className={fr.cx("fr-sr-only")}>{` ${name}`}</span>
                                </Button>
                              </li>
                            </ul>
                          </td>
                        </tr>,
                        expanded && (
                          <tr key={`fields-${i}`} id={panel} className="cles-participant-fields">
                            <td colSpan={FLAGS.length + 2} className={fr.cx("fr-cell--multiline")}>
                              <div id={fieldId(`participants.${i}`)} role="group" aria-label={`Coordonnées de ${name}`} aria-describedby={`${panel}-aide`} className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
                                <p id={`${panel}-aide`} className={fr.cx("fr-hint-text", "fr-col-12", "fr-mb-0")}>
                                  Au moins l'un des trois : un membre du contrat, une organisation ou un nom.
                                </p>
                                {accounts.length > 0 && (
                                  <Select className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label={L.userId} {...errorProps(errors, path("userId"))} nativeSelectProps={{ id: fieldId(path("userId")), ...controlProps(errors, path("userId")), value: row.userId ?? "", onChange: (e) => pickAccount(i, e.target.value) }}>
                                    <option value="">Aucun compte</option>
                                    {accounts.map((a) => (
                                      <option key={a.userId} value={a.userId}>
                                        {a.name}
                                      </option>
                                    ))}
                                  </Select>
                                )}
                                <Select className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label={L.organisationId} {...errorProps(errors, path("organisationId"))} nativeSelectProps={{ id: fieldId(path("organisationId")), ...controlProps(errors, path("organisationId")), value: row.organisationId ?? "", onChange: (e) => set(i, { organisationId: e.target.value || null }) }}>
                                  <option value="">Aucune organisation</option>
                                  {contract.organisations.map((o) => (
                                    <option key={o.id} value={o.id}>
                                      {o.shortName && o.shortName !== o.name ? `${o.shortName} — ${o.name}` : o.name}
                                    </option>
                                  ))}
                                </Select>
                                <Input className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")} label={L.name} {...errorProps(errors, path("name"))} nativeInputProps={{ id: fieldId(path("name")), ...controlProps(errors, path("name")), autoComplete: "off", value: row.name, onChange: (e) => set(i, { name: e.target.value }) }} />
                                <Input
                                  className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")}
                                  label={optional(L.email)}
                                  hintText={row.invited ? "Pour recevoir l'invitation" : undefined}
                                  {...errorProps(errors, path("email"))}
                                  nativeInputProps={{ id: fieldId(path("email")), ...controlProps(errors, path("email")), type: "email", autoComplete: "off", value: row.email, onChange: (e) => set(i, { email: e.target.value }) }}
                                />
                              </div>
                            </td>
                          </tr>
                        ),
                      ];
                    })}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left", "fr-mb-1w")}>
        <li>
          <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={add}>
            Ajouter un participant
          </Button>
        </li>
        {rows.length > 0 && (
          <li>
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-check-line" onClick={() => onChange(rows.map((r) => ({ ...r, present: !allPresent })))}>
              {allPresent ? "Décocher « Présent·e » partout" : "Cocher « Présent·e » partout"}
            </Button>
          </li>
        )}
      </ul>
    </div>
  );
}
