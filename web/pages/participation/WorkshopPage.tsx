/**
 * A residents' workshop: its facts, its call for participation (published or not, the public
 * link), topics, sessions with their rotation plan, registrations (the coordination only),
 * registering a resident on their behalf, and the syntheses.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useBodies } from "../../api/governance";
import { useActions, useContract, type ActionItem, type Contract } from "../../api/queries";
import { useDeleteWorkshop, useSetCall, useWorkshop, type Workshop } from "../../api/workshops";
import { ConfirmDelete } from "../../components/disclosure";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, parisParts, plural, pluralWord, yesNo } from "../../format";
import { SessionsSection } from "./workshop-sessions";
import { RegistrationsSection } from "./workshop-registrations";
import { RegisterResident } from "./workshop-register";
import { SynthesesSection } from "./workshop-syntheses";
import "./workshop.css";

export function WorkshopPage() {
  const { contractId = "", workshopId = "" } = useParams();
  const contract = useContract(contractId);
  const workshop = useWorkshop(workshopId);
  const fiches = useActions(contractId, {});
  const location = useLocation();
  if (contract.isPending || workshop.isPending) return <Loading label="Chargement de l'atelier…" />;
  if (contract.error || workshop.error) return <ErrorMessage error={contract.error ?? workshop.error} title="L'atelier n'a pas pu être chargé" />;
  const c = contract.data;
  const w = workshop.data;
  const justSaved = (location.state as { saved?: boolean } | null)?.saved;
  return (
    <Page
      title={w.title}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Ateliers des habitants", to: `/contrats/${c.id}/ateliers` },
      ]}
      actions={
        w.permissions.manage && (
          <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-edit-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/ateliers/${w.id}/modifier`}>
            Modifier l'atelier
          </Link>
        )
      }
    >
      {justSaved && <Alert severity="success" small description="L'atelier est enregistré." className={fr.cx("fr-mb-3w")} />}
      {w.intro && <p className="cles-prewrap">{w.intro}</p>}
      <Facts workshop={w} contractId={c.id} />
      <CallSection workshop={w} contract={c} />
      <TopicsSection workshop={w} fiches={fiches.data?.items ?? []} contractId={c.id} />
      <SessionsSection workshop={w} contractId={c.id} />
      {w.permissions.readResidents && <RegistrationsSection workshop={w} contract={c} />}
      {w.permissions.register && <RegisterResident workshop={w} contract={c} />}
      <SynthesesSection workshop={w} />
      {w.permissions.manage && <DeleteSection workshop={w} />}
    </Page>
  );
}

function Facts({ workshop: w, contractId }: { workshop: Workshop; contractId: string }) {
  const bodies = useBodies(contractId);
  const body = bodies.data?.items.find((b) => b.id === w.bodyId);
  return (
    <dl className="cles-dl">
      <dt>Instance</dt>
      <dd>{body?.name ?? "…"}</dd>
      <dt>Inscriptions</dt>
      <dd>{`jusqu'au ${formatDate(w.deadline)} : ${plural(w.registered, "place")} ${pluralWord(w.registered, "prise")} sur ${w.capacity}${w.waitlisted ? `, ${plural(w.waitlisted, "personne")} en liste d'attente` : ""}`}</dd>
      <dt>Tables</dt>
      <dd>{`${plural(w.tableCount, "table")} de ${w.maxPerTable} personnes au plus`}</dd>
      <dt>Animation</dt>
      <dd>{w.moderators.length ? w.moderators.map((m, i) => `table ${i + 1} : ${m.name}`).join(" ; ") : <span className="cles-empty">Pas encore d'animateur ni d'animatrice</span>}</dd>
      <dt>Repas offert</dt>
      <dd>{yesNo(w.meal)}</dd>
      <dt>Données des personnes</dt>
      <dd>{`conservées ${w.retentionMonths} mois après la dernière séance, puis effacées`}</dd>
    </dl>
  );
}

function CallSection({ workshop: w, contract: c }: { workshop: Workshop; contract: Contract }) {
  const setCall = useSetCall(w);
  const path = `/public/${c.slug}/ateliers/${w.id}`;
  const published = !!w.callPublishedAt;
  const closed = w.deadline < parisParts(new Date()).date;
  return (
    <section aria-labelledby="appel" className={fr.cx("fr-mb-6w")}>
      <h2 id="appel" className={fr.cx("fr-h4")}>
        Appel à participation{" "}
        {published ? (
          <Badge small severity="success" as="span">
            Publié
          </Badge>
        ) : (
          <Badge small as="span">
            Non publié
          </Badge>
        )}
      </h2>
      {published ? (
        <>
          <p>{`Publié le ${formatDate(parisParts(w.callPublishedAt!).date)}. Les habitants s'inscrivent sans compte à cette adresse, à diffuser par les partenaires :`}</p>
          <p>
            <a href={path} className="cles-break">{`${window.location.origin}${path}`}</a>
          </p>
        </>
      ) : (
        <p>Tant que l'appel n'est pas publié, sa page publique n'existe pas ; les membres du contrat peuvent déjà inscrire des personnes.</p>
      )}
      {closed && <p className={fr.cx("fr-text--sm")}>{`La date limite d'inscription (${formatDate(w.deadline)}) est passée : le formulaire public n'accepte plus d'inscription.`}</p>}
      {w.permissions.manage && (
        <Button
          type="button"
          priority={published ? "secondary" : "primary"}
          iconId={published ? "fr-icon-eye-off-line" : "fr-icon-send-plane-line"}
          disabled={setCall.isPending}
          onClick={() => setCall.mutate(!published)}
        >
          {published ? "Retirer l'appel" : "Publier l'appel"}
        </Button>
      )}
      <p role="status" className={fr.cx("fr-mt-1w")}>
        {setCall.isSuccess ? (published ? "L'appel est publié." : "L'appel est retiré : sa page publique n'est plus accessible.") : ""}
      </p>
      {setCall.error && <Alert severity="error" small role="alert" description={setCall.error.message} />}
    </section>
  );
}

function TopicsSection({ workshop: w, fiches, contractId }: { workshop: Workshop; fiches: ActionItem[]; contractId: string }) {
  const byId = new Map(fiches.map((f) => [f.id, f]));
  return (
    <section aria-labelledby="themes" className={fr.cx("fr-mb-6w")}>
      <h2 id="themes" className={fr.cx("fr-h4")}>{`Thèmes (${w.topics.length})`}</h2>
      <ol>
        {w.topics.map((t) => (
          <li key={t.id} className={fr.cx("fr-mb-2w")}>
            <strong>{t.title}</strong>
            {t.actionIds.length > 0 && (
              <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
                {"Fiches : "}
                {t.actionIds.map((id, i) => {
                  const f = byId.get(id);
                  return (
                    <span key={id}>
                      {i > 0 && ", "}
                      {f ? <Link to={`/contrats/${contractId}/fiches/${id}`}>{`FA ${f.number} — ${f.title}`}</Link> : "fiche"}
                    </span>
                  );
                })}
              </p>
            )}
            {t.questions.length > 0 && (
              <ul className={fr.cx("fr-text--sm")}>
                {t.questions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DeleteSection({ workshop: w }: { workshop: Workshop }) {
  const navigate = useNavigate();
  const remove = useDeleteWorkshop(w);
  const hasPeople = w.registered + w.waitlisted > 0;
  return (
    <section aria-labelledby="supprimer" className={fr.cx("fr-mb-6w")}>
      <h2 id="supprimer" className={fr.cx("fr-h4")}>
        Supprimer l'atelier
      </h2>
      {hasPeople ? (
        <p>Un atelier qui compte des inscriptions ne peut pas être supprimé : effacez-les d'abord, ou attendez leur effacement automatique.</p>
      ) : (
        <>
          <p>La suppression retire l'atelier, ses thèmes, ses séances et ses synthèses.</p>
          <ConfirmDelete label="Supprimer l'atelier" what={w.title} pending={remove.isPending} onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(`/contrats/${w.contractId}/ateliers`) })} />
        </>
      )}
      {remove.error && <Alert severity="error" small role="alert" description={remove.error.message} className={fr.cx("fr-mt-2w")} />}
    </section>
  );
}
