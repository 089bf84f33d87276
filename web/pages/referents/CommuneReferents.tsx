/**
 * The communes' referents on the contract page, for the coordination only (issue 18): how many
 * communes have both, those still without a referent, each commune's technical and elected
 * referent with their contacts, naming, replacing and removing them (after confirmation), and
 * the relay of news to the communes.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { ErrorMessage, Loading } from "../../components/Page";
import { ConfirmDelete } from "../../components/disclosure";
import { ScrollTable } from "../../components/ScrollTable";
import { announce } from "../../components/announcer";
import { formatDate } from "../../format";
import { useReferents, useRemoveReferent, type CommuneRow, type Referent, type ReferentRole, type Referents } from "./api";
import { ReferentForm } from "./ReferentForm";
import { RelaySection } from "./RelaySection";

type Editing = { communeId: string; role: ReferentRole } | null;

export function CommuneReferents({ contractId }: { contractId: string }) {
  const referents = useReferents(contractId, true);
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState("");
  const remove = useRemoveReferent(contractId);
  if (referents.isPending) return <Loading label="Chargement des référents des communes…" />;
  if (referents.error) return <ErrorMessage error={referents.error} title="Les référents des communes n'ont pas pu être chargés" />;
  const r = referents.data;
  const finish = (message: string) => {
    setEditing(null);
    setDone(message);
    announce(message);
  };
  const editedCommune = editing ? r.communes.find((c) => c.id === editing.communeId) : undefined;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="referents">
      <h2 id="referents">Référents des communes</h2>
      <p>
        Chaque commune désigne un référent technique et un élu référent, pour faciliter la communication et l'implication des communes dans le CLS. Leurs coordonnées ne sont visibles que de la coordination.
      </p>
      <p className={fr.cx("fr-text--bold")}>{r.coverage.line}.</p>
      <WithoutReferent coverage={r.coverage} />
      {done && <Alert severity="success" small className={fr.cx("fr-mb-2w")} description={done} closable onClose={() => setDone("")} />}
      {remove.error && <Alert severity="error" small className={fr.cx("fr-mb-2w")} description={remove.error instanceof Error ? remove.error.message : "Le retrait a échoué."} />}
      <ScrollTable
        caption="Référents technique et élu de chaque commune"
        hideCaption
        headers={["Commune", ...r.roles.map((role) => role.label)]}
        rows={r.communes.map((c) => [
          c.name,
          ...r.roles.map((role) => (
            <ReferentCell
              key={role.key}
              commune={c}
              referent={c[role.key]}
              roleLabel={role.label}
              removing={remove.isPending}
              onEdit={() => setEditing({ communeId: c.id, role: role.key })}
              onRemove={(v) => remove.mutate({ communeId: c.id, role: role.key, version: v }, { onSuccess: () => finish(`${role.label} de ${c.name} retiré.`) })}
            />
          )),
        ])}
      />
      {editing && editedCommune && (
        <ReferentForm
          key={`${editing.communeId}-${editing.role}`}
          contractId={contractId}
          commune={editedCommune}
          role={editing.role}
          roleLabel={r.roles.find((x) => x.key === editing.role)!.label}
          current={editedCommune[editing.role]}
          directory={r.directory}
          onDone={finish}
          onCancel={() => setEditing(null)}
        />
      )}
      <RelaySection contractId={contractId} relays={r.relays} />
    </section>
  );
}

function WithoutReferent({ coverage }: { coverage: Referents["coverage"] }) {
  if (!coverage.withoutReferent.length) return <p>Toutes les communes ont au moins un référent.</p>;
  return (
    <div className={fr.cx("fr-mb-2w")}>
      <h3 className={fr.cx("fr-h6", "fr-mb-1w")} id="communes-sans-referent">{`Communes sans référent (${coverage.withoutReferent.length})`}</h3>
      <ul aria-labelledby="communes-sans-referent" className="cles-communes-sans-referent">
        {coverage.withoutReferent.map((c) => (
          <li key={c.id}>{c.name}</li>
        ))}
      </ul>
    </div>
  );
}

function ReferentCell({ commune, referent, roleLabel, removing, onEdit, onRemove }: {
  commune: CommuneRow;
  referent: Referent | null;
  roleLabel: string;
  removing: boolean;
  onEdit: () => void;
  onRemove: (version: number) => void;
}) {
  const what = `${roleLabel.toLowerCase()} de ${commune.name}`;
  if (!referent)
    return (
      <Button size="small" priority="secondary" onClick={onEdit}>
        Désigner
        <span className={fr.cx("fr-sr-only")}>{` (${what})`}</span>
      </Button>
    );
  return (
    <>
      <p className={fr.cx("fr-mb-1v")}>
        <strong>{referent.displayName}</strong>
        {referent.organisationName && ` — ${referent.organisationName}`}
      </p>
      <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
        {[referent.contactEmail, referent.phone].filter(Boolean).join(" · ") || "Sans e-mail ni téléphone"}
        <br />
        {`Désigné·e le ${formatDate(referent.namedOn)}`}
      </p>
      <div className="cles-followup-actions">
        <Button size="small" priority="tertiary" onClick={onEdit}>
          Remplacer
          <span className={fr.cx("fr-sr-only")}>{` (${what})`}</span>
        </Button>
        <ConfirmDelete label="Retirer" what={`(${what})`} pending={removing} onConfirm={() => onRemove(referent.version)} />
      </div>
    </>
  );
}
