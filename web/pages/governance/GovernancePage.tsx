/** The governance of a contract: its alerts, its bodies (COPIL, COTECH…) with their rhythm and standing members. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { api, ApiError } from "../../api/client";
import { governanceKeys, useBodies, useBodyMembers, useGovernanceAlerts, type Body, type GovernanceAlert } from "../../api/governance";
import { useActions, useContract, type ActionItem, type Contract } from "../../api/queries";
import { ErrorSummary, type Errors } from "../../components/form";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { BodyForm, rhythmLabel } from "./BodyForm";
import { PeopleFields, personBody, type PersonDraft } from "./PeopleFields";
import "./governance.css";

export function GovernancePage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const bodies = useBodies(contractId);
  const alerts = useGovernanceAlerts(contractId);
  const fiches = useActions(contractId, {});
  const [adding, setAdding] = useState(false);
  if (contract.isPending || bodies.isPending) return <Loading label="Chargement de la gouvernance…" />;
  if (contract.error || bodies.error) return <ErrorMessage error={contract.error ?? bodies.error} title="La gouvernance n'a pas pu être chargée" />;
  const c = contract.data;
  const manage = c.permissions.manageGovernance;
  const list = fiches.data?.items ?? [];
  return (
    <Page
      title="Gouvernance"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-team-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/reunions`}>
              Réunions
            </Link>
          </li>
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-calendar-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/calendrier`}>
              Calendrier
            </Link>
          </li>
        </ul>
      }
    >
      <Alerts contractId={c.id} items={alerts.data?.items ?? []} />
      <p>Les instances du contrat, le rythme de réunion que le contrat leur fixe et leurs membres permanents, que l'on reprend comme invités de leurs réunions.</p>
      {bodies.data.items.length === 0 ? (
        <EmptyState title="Aucune instance pour l'instant.">{manage && <p>Commencez par le comité de pilotage (COPIL) et le comité technique (COTECH).</p>}</EmptyState>
      ) : (
        bodies.data.items.map((b) => <BodyCard key={b.id} body={b} contract={c} fiches={list} manage={manage} />)
      )}
      {manage && (
        <section aria-labelledby="nouvelle-instance" className={fr.cx("fr-mt-6w")}>
          <h2 id="nouvelle-instance" className={fr.cx("fr-h4")}>
            Ajouter une instance
          </h2>
          {adding ? (
            <div className="cles-repeat">
              <BodyForm
                contract={c}
                fiches={list}
                idPrefix="nouvelle"
                onDone={(saved) => {
                  setAdding(false);
                  // The new body's title takes the focus once its card is drawn.
                  if (saved) window.setTimeout(() => document.getElementById(`instance-${saved.id}`)?.focus());
                }}
              />
            </div>
          ) : (
            <Button iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
              Nouvelle instance
            </Button>
          )}
        </section>
      )}
    </Page>
  );
}

function Alerts({ contractId, items }: { contractId: string; items: GovernanceAlert[] }) {
  if (!items.length) return null;
  return (
    <section aria-label="Alertes de gouvernance" className={fr.cx("fr-mb-4w")}>
      {items.map((a, i) => (
        <Alert
          key={`${a.kind}-${a.bodyId ?? ""}-${a.meetingId ?? ""}-${i}`}
          severity="warning"
          small
          // Written with the page, not news: not read out at every load (a live role would).
          role={undefined}
          className={fr.cx("fr-mb-2w")}
          description={
            <>
              {a.message}
              {a.meetingId && (
                <>
                  {" "}
                  <Link to={`/contrats/${contractId}/reunions/${a.meetingId}`}>Compléter la réunion</Link>
                </>
              )}
            </>
          }
        />
      ))}
    </section>
  );
}

function BodyCard({ body: b, contract, fiches, manage }: { body: Body; contract: Contract; fiches: ActionItem[]; manage: boolean }) {
  const [mode, setMode] = useState<"view" | "edit" | "members" | "delete">("view");
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = useRef(false);
  const show = (m: typeof mode) => {
    changed.current = true;
    setMode(m);
  };
  useEffect(() => {
    if (changed.current && mode === "view") heading.current?.focus();
  }, [mode]);
  const axis = contract.axes.find((a) => a.id === b.axisId);
  const linked = fiches.filter((f) => b.actionIds.includes(f.id));
  const headingId = `instance-${b.id}`;
  return (
    <section aria-labelledby={headingId} className={`cles-repeat ${fr.cx("fr-mb-3w")}`}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={fr.cx("fr-h5", "fr-mb-1w")}>
        {b.name}
      </h2>
      <p className={fr.cx("fr-mb-2w")}>
        <Badge small noIcon severity="info" as="span">
          {b.kindLabel}
        </Badge>
      </p>
      {mode === "edit" ? (
        <BodyForm contract={contract} fiches={fiches} body={b} idPrefix={`instance-${b.id}`} onDone={() => show("view")} />
      ) : (
        <>
          <dl className="cles-dl">
            {b.kind === "thematic" && (
              <>
                <dt>Axe suivi</dt>
                <dd>{axis ? `Axe ${axis.number} — ${axis.title}` : "Aucun axe"}</dd>
              </>
            )}
            {linked.length > 0 && (
              <>
                <dt>Fiches suivies</dt>
                <dd>
                  {linked.map((f, i) => (
                    <span key={f.id}>
                      {i > 0 && ", "}
                      <Link to={`/contrats/${contract.id}/fiches/${f.id}`}>{`FA ${f.number}`}</Link>
                    </span>
                  ))}
                </dd>
              </>
            )}
            <dt>Rythme attendu</dt>
            <dd>{rhythmLabel(b.rhythm)}</dd>
          </dl>
          <Members body={b} contract={contract} editing={mode === "members"} onDone={() => show("view")} />
        </>
      )}
      {manage && mode === "view" && (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-btns-group--icon-left", "fr-mt-2w")}>
          <li>
            <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => show("edit")}>
              Modifier l'instance
              <span className={fr.cx("fr-sr-only")}>{` ${b.name}`}</span>
            </Button>
          </li>
          <li>
            <Button priority="secondary" iconId="fr-icon-team-line" onClick={() => show("members")}>
              Modifier les membres
              <span className={fr.cx("fr-sr-only")}>{` de ${b.name}`}</span>
            </Button>
          </li>
          <li>
            <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => show("delete")}>
              Supprimer
              <span className={fr.cx("fr-sr-only")}>{` l'instance ${b.name}`}</span>
            </Button>
          </li>
        </ul>
      )}
      {mode === "delete" && <DeleteBody body={b} contractId={contract.id} onCancel={() => show("view")} />}
    </section>
  );
}

function DeleteBody({ body, contractId, onCancel }: { body: Body; contractId: string; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const remove = useMutation({
    mutationFn: () => api(`/bodies/${body.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: governanceKeys.bodies(contractId) });
      await queryClient.invalidateQueries({ queryKey: governanceKeys.alerts(contractId) });
      document.getElementById("contenu")?.focus();
    },
  });
  return (
    <div className={fr.cx("fr-mt-2w")}>
      {remove.error ? (
        <Alert severity="error" small role="alert" description={remove.error instanceof ApiError ? remove.error.detail : remove.error.message} className={fr.cx("fr-mb-2w")} />
      ) : (
        <p className={fr.cx("fr-mb-1w")}>{`Supprimer l'instance « ${body.name} » ? Une instance qui a déjà des réunions est conservée.`}</p>
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
        {!remove.error && (
          <li>
            <Button ref={confirm} onClick={() => remove.mutate()} disabled={remove.isPending}>
              Confirmer la suppression
            </Button>
          </li>
        )}
        <li>
          <Button priority="tertiary" onClick={onCancel}>
            {remove.error ? "Fermer" : "Annuler"}
          </Button>
        </li>
      </ul>
    </div>
  );
}

function Members({ body, contract, editing, onDone }: { body: Body; contract: Contract; editing: boolean; onDone: () => void }) {
  const members = useBodyMembers(body.id);
  const title = `Membres permanents${members.data ? ` (${members.data.items.length})` : ""}`;
  return (
    <>
      <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{title}</h3>
      {members.isPending ? (
        <Loading label="Chargement des membres…" />
      ) : members.error ? (
        <Alert severity="error" small description={members.error.message} />
      ) : editing ? (
        <MembersForm body={body} contract={contract} initial={members.data.items} onDone={onDone} />
      ) : members.data.items.length === 0 ? (
        <p className="cles-empty">Aucun membre permanent.</p>
      ) : (
        <ul>
          {members.data.items.map((m) => (
            <li key={m.id}>{describePerson(m)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Marie Dupont (CAMVS) — marie.dupont@camvs.test", "Préfecture de Seine-et-Marne". */
export function describePerson(p: { name: string; organisationName: string | null; email: string }): string {
  const who = p.name ? (p.organisationName ? `${p.name} (${p.organisationName})` : p.name) : (p.organisationName ?? "");
  return p.email ? `${who} — ${p.email}` : who;
}

function MembersForm({ body, contract, initial, onDone }: { body: Body; contract: Contract; initial: PersonDraft[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<PersonDraft[]>(() => initial.map((m) => ({ userId: m.userId, organisationId: m.organisationId, name: m.name, email: m.email })));
  const [errors, setErrors] = useState<Errors>({});
  const save = useMutation({
    mutationFn: () => api(`/bodies/${body.id}/members`, { method: "PUT", body: { members: rows.map(personBody) } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: governanceKeys.bodyMembers(body.id) });
      onDone();
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const failure = save.error instanceof ApiError && !Object.keys(errors).length ? save.error : null;
  return (
    <form
      noValidate
      aria-label={`Membres permanents de ${body.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate();
      }}
    >
      <ErrorSummary errors={errors} />
      {failure && <Alert severity="error" small role="alert" description={failure.detail} className={fr.cx("fr-mb-2w")} />}
      <PeopleFields path="members" noun="Membre" rows={rows} onChange={setRows} contract={contract} errors={errors} />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
        <li>
          <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
            {save.isPending ? "Enregistrement…" : "Enregistrer les membres"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={onDone}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
