/**
 * The contract's territory, from the official reference (issue 15): the local authority's EPCI
 * proposes its communes, other communes are added by name; names, INSEE codes and populations
 * are shown, not typed; the départements and region are derived. Priority areas (QPV) stay typed.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { controlProps, errorAt, errorProps, fieldId, optional, type Errors } from "../../components/form";
import { ErrorMessage, Loading } from "../../components/Page";
import { formatNumber, plural } from "../../format";
import { CONTRACT_ITEM_LABELS, CONTRACT_LABELS, patchList, type ContractDraft } from "./contractDraft";
import { ReferenceCombobox } from "./ReferenceCombobox";
import { referenceKeys, searchable, useCommuneSearch, useDerivedDivisions, useEpci, useEpciSearch, type Division, type ReferenceCommune, type ReferenceEpci } from "./territoryReference";

interface Props {
  draft: ContractDraft;
  setDraft: (update: (d: ContractDraft) => ContractDraft) => void;
  errors: Errors;
}

/** « Communauté d'agglomération Paris - Vallée de la Marne » for the package's « CA Paris - Vallée de la Marne ». */
const authorityName = (e: ReferenceEpci) => (["CA", "CC", "CU"].includes(e.kind) ? `${e.kindLabel} ${e.name.replace(/^(CA|CC|CU)\s+/, "")}` : e.name);

export function TerritoryFields({ draft, setDraft, errors }: Props) {
  const queryClient = useQueryClient();
  const [added, setAdded] = useState("");
  const present = new Set(draft.communes.map((c) => c.inseeCode));
  const add = (list: ReferenceCommune[], epci?: ReferenceEpci) => {
    // The derived départements need no other request for these.
    for (const c of list) queryClient.setQueryData(referenceKeys.commune(c.code), c);
    const fresh = list.filter((c) => !present.has(c.code));
    setDraft((d) => ({
      ...d,
      localAuthority: d.localAuthority.trim() === "" && epci ? authorityName(epci) : d.localAuthority,
      communes: [...d.communes, ...fresh.map((c) => ({ inseeCode: c.code, name: c.name, population: c.population }))],
    }));
    setAdded(fresh.length === 1 ? `${fresh[0]!.name} est ajoutée au territoire.` : `${plural(fresh.length, "commune ajoutée", "communes ajoutées")} au territoire.`);
  };
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Territoire</legend>
      <div className={fr.cx("fr-col-12")}>
        <p className={fr.cx("fr-text--sm")}>
          Les communes, leurs codes INSEE et leurs populations viennent du découpage administratif officiel (INSEE). Le ou les départements et la région du contrat en sont déduits.
        </p>
        <EpciPicker present={present} onAdd={add} />
        <CommuneSearch present={present} onAdd={(c) => add([c])} />
        <p role="status" className={fr.cx("fr-sr-only")}>
          {added}
        </p>
        <CommuneTable draft={draft} setDraft={setDraft} errors={errors} />
        <DerivedDivisions inseeCodes={draft.communes.map((c) => c.inseeCode)} />
        <PriorityAreaFields draft={draft} setDraft={setDraft} errors={errors} />
      </div>
    </fieldset>
  );
}

function EpciPicker({ present, onAdd }: { present: ReadonlySet<string>; onAdd: (list: ReferenceCommune[], epci: ReferenceEpci) => void }) {
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const search = useEpciSearch(text);
  const epci = useEpci(chosen);
  const items = search.data?.items ?? [];
  const close = () => {
    setChosen(null);
    setText("");
  };
  return (
    <>
      <ReferenceCombobox
        id="champ-epci"
        label="EPCI de la collectivité (facultatif)"
        hint="Communauté d'agglomération, de communes, urbaine, métropole ou établissement public territorial : son nom ou son numéro SIREN. Ses communes vous sont proposées."
        value={text}
        onChange={setText}
        ready={searchable(text)}
        searching={search.isFetching}
        suggestions={items.map((e) => ({ key: e.code, label: e.name, detail: `${e.kindLabel} · ${plural(e.communeCount, "commune")} · ${formatNumber(e.population)} habitants · ${e.departements.map((d) => d.name).join(", ")}` }))}
        noneFound="Aucun EPCI ne correspond."
        onSelect={(code) => {
          setChosen(code);
          setUnchecked(new Set());
          setText(items.find((e) => e.code === code)?.name ?? text);
        }}
      />
      {chosen &&
        (epci.isPending ? (
          <Loading label="Chargement des communes de l'EPCI…" />
        ) : epci.error ? (
          <ErrorMessage error={epci.error} title="Les communes de cet EPCI n'ont pas pu être chargées" />
        ) : (
          <div className="cles-repeat">
            <Checkbox
              small
              legend={`Communes de ${epci.data.name} : cochez celles du contrat`}
              hintText={`${plural(epci.data.communeCount, "commune")}, ${formatNumber(epci.data.population)} habitants (population municipale).`}
              options={epci.data.communes.map((c) => ({
                label: `${c.name} — ${formatNumber(c.population)} habitants${present.has(c.code) ? " (déjà dans le contrat)" : ""}`,
                hintText: `Code INSEE ${c.code}`,
                nativeInputProps: {
                  checked: !unchecked.has(c.code),
                  onChange: (e) =>
                    setUnchecked((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.delete(c.code);
                      else next.add(c.code);
                      return next;
                    }),
                },
              }))}
            />
            <AddChecked
              epci={epci.data}
              chosen={epci.data.communes.filter((c) => !unchecked.has(c.code) && !present.has(c.code))}
              onAdd={(list) => {
                onAdd(list, epci.data);
                close();
              }}
              onCancel={close}
            />
          </div>
        ))}
    </>
  );
}

function AddChecked({ epci, chosen, onAdd, onCancel }: { epci: ReferenceEpci; chosen: ReferenceCommune[]; onAdd: (list: ReferenceCommune[]) => void; onCancel: () => void }) {
  return (
    <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--sm")}>
      <li>
        <Button type="button" iconId="fr-icon-add-line" disabled={chosen.length === 0} onClick={() => onAdd(chosen)}>
          {chosen.length ? `Ajouter ${plural(chosen.length, "commune cochée", "communes cochées")}` : "Aucune nouvelle commune cochée"}
        </Button>
      </li>
      <li>
        <Button type="button" priority="secondary" onClick={onCancel}>
          {`Fermer les communes de ${epci.name}`}
        </Button>
      </li>
    </ul>
  );
}

function CommuneSearch({ present, onAdd }: { present: ReadonlySet<string>; onAdd: (c: ReferenceCommune) => void }) {
  const [text, setText] = useState("");
  const search = useCommuneSearch(text);
  const items = search.data?.items ?? [];
  return (
    <ReferenceCombobox
      id={fieldId("communes.search")}
      label={optional("Ajouter une commune")}
      hint="Son nom (sans se soucier des accents), son code INSEE ou son code postal"
      value={text}
      onChange={setText}
      ready={searchable(text)}
      searching={search.isFetching}
      suggestions={items.map((c) => ({
        key: c.code,
        label: `${c.name} (${c.departement.code})`,
        detail: `Code INSEE ${c.code} · ${c.departement.name} · ${formatNumber(c.population)} habitants${present.has(c.code) ? " · déjà dans le contrat" : ""}`,
      }))}
      noneFound="Aucune commune ne correspond."
      onSelect={(code) => {
        const commune = items.find((c) => c.code === code);
        if (commune) onAdd(commune);
        setText("");
      }}
    />
  );
}

function CommuneTable({ draft, setDraft, errors }: Props) {
  const known = draft.communes.filter((c) => c.population !== null);
  const total = known.reduce((s, c) => s + c.population!, 0);
  return (
    <>
      {errors.communes && (
        <p id={fieldId("communes")} tabIndex={-1} className={fr.cx("fr-error-text", "fr-mb-2w")}>
          {errors.communes}
        </p>
      )}
      {draft.communes.length === 0 ? (
        <p className={fr.cx("fr-mb-4w")}>Aucune commune pour l'instant : choisissez l'EPCI de la collectivité ou cherchez une commune.</p>
      ) : (
        <div className={fr.cx("fr-table", "fr-table--no-caption", "fr-mb-4w")}>
          <table>
            <caption>{`${CONTRACT_LABELS.communes} (${draft.communes.length})`}</caption>
            <thead>
              <tr>
                <th scope="col">Commune</th>
                <th scope="col">Code INSEE</th>
                <th scope="col">Population</th>
                <th scope="col">
                  <span className={fr.cx("fr-sr-only")}>Retirer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.communes.map((m, i) => {
                const error = errorAt(errors, `communes.${i}`);
                return (
                  <tr key={m.inseeCode}>
                    <th scope="row">
                      {m.name}
                      {error && (
                        <span className={fr.cx("fr-error-text")} id={`${fieldId(`communes.${i}`)}-erreur`}>
                          {error}
                        </span>
                      )}
                    </th>
                    <td>{m.inseeCode}</td>
                    <td>{m.population === null ? "prise dans le référentiel à l'enregistrement" : formatNumber(m.population)}</td>
                    <td>
                      <Button
                        type="button"
                        priority="tertiary"
                        size="small"
                        iconId="fr-icon-delete-line"
                        nativeButtonProps={{ id: fieldId(`communes.${i}.inseeCode`), "aria-describedby": error ? `${fieldId(`communes.${i}`)}-erreur` : undefined }}
                        onClick={() => setDraft((d) => patchList(d, "communes", i, null))}
                      >
                        {`Retirer ${m.name}`}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td />
                <td>{`${formatNumber(total)} habitants${known.length < draft.communes.length ? " (hors communes sans population)" : ""}`}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}

const divisionList = (list: Division[], withCode: boolean) => list.map((d) => (withCode ? `${d.name} (${d.code})` : d.name)).join(", ");

/** The départements and region of the communes being edited: derived, never typed. */
function DerivedDivisions({ inseeCodes }: { inseeCodes: string[] }) {
  const { departements, regions, pending } = useDerivedDivisions(inseeCodes);
  if (inseeCodes.length === 0) return null;
  return (
    <dl className="cles-dl fr-mb-4w">
      <dt>{departements.length > 1 ? "Départements" : "Département"}</dt>
      <dd>{pending && !departements.length ? "…" : divisionList(departements, true)}</dd>
      <dt>{regions.length > 1 ? "Régions" : "Région"}</dt>
      <dd>{pending && !regions.length ? "…" : divisionList(regions, false)}</dd>
    </dl>
  );
}

function PriorityAreaFields({ draft, setDraft, errors }: Props) {
  return (
    <>
      <h2 className={fr.cx("fr-h6")}>{CONTRACT_LABELS.priorityAreas}</h2>
      <p className={fr.cx("fr-text--sm")}>Chaque quartier est rattaché à l'une des communes du contrat.</p>
      {draft.priorityAreas.map((q, i) => {
        const path = (field: "name" | "code" | "communeInseeCode") => `priorityAreas.${i}.${field}`;
        return (
          <div key={i} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")} role="group" aria-label={`Quartier ${i + 1}`}>
            <Input
              className={fr.cx("fr-col-12", "fr-col-md-4")}
              label={CONTRACT_ITEM_LABELS.priorityAreas.name}
              {...errorProps(errors, path("name"))}
              nativeInputProps={{ id: fieldId(path("name")), ...controlProps(errors, path("name"), { required: true }), value: q.name, onChange: (e) => setDraft((d) => patchList(d, "priorityAreas", i, { name: e.target.value })) }}
            />
            <Input
              className={fr.cx("fr-col-12", "fr-col-md-3")}
              label={optional(CONTRACT_ITEM_LABELS.priorityAreas.code)}
              {...errorProps(errors, path("code"))}
              nativeInputProps={{ id: fieldId(path("code")), ...controlProps(errors, path("code")), value: q.code ?? "", onChange: (e) => setDraft((d) => patchList(d, "priorityAreas", i, { code: e.target.value })) }}
            />
            <Select
              className={fr.cx("fr-col-12", "fr-col-md-4")}
              label={optional(CONTRACT_ITEM_LABELS.priorityAreas.communeInseeCode)}
              {...errorProps(errors, path("communeInseeCode"))}
              nativeSelectProps={{ id: fieldId(path("communeInseeCode")), ...controlProps(errors, path("communeInseeCode")), value: q.communeInseeCode ?? "", onChange: (e) => setDraft((d) => patchList(d, "priorityAreas", i, { communeInseeCode: e.target.value || null })) }}
            >
              <option value="">Non précisée</option>
              {/* A commune no longer in the territory stays listed, so that the error says why. */}
              {q.communeInseeCode && !draft.communes.some((m) => m.inseeCode === q.communeInseeCode) && <option value={q.communeInseeCode}>{`${q.communeInseeCode} (hors du territoire)`}</option>}
              {draft.communes.map((m) => (
                <option key={m.inseeCode} value={m.inseeCode}>
                  {m.name}
                </option>
              ))}
            </Select>
            <div className="cles-col-auto fr-mb-3w">
              <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" title={`Retirer le quartier ${q.name || i + 1}`} onClick={() => setDraft((d) => patchList(d, "priorityAreas", i, null))} />
            </div>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((d) => ({ ...d, priorityAreas: [...d.priorityAreas, { name: "", code: null, communeInseeCode: null }] }))}>
        Ajouter un quartier prioritaire
      </Button>
    </>
  );
}
