/** The residents' workshops of a contract (ateliers des habitants): sessions, places taken, waitlist, call published or not. */
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link, useParams } from "react-router";
import { useContract } from "../../api/queries";
import { useWorkshops, type WorkshopItem } from "../../api/workshops";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, frenchSchedule, plural, pluralWord } from "../../format";
import "./workshop.css";

function WorkshopLine({ contractId, workshop: w }: { contractId: string; workshop: WorkshopItem }) {
  return (
    <li>
      <h2 className={fr.cx("fr-h5", "fr-mb-1w")}>
        <Link to={`/contrats/${contractId}/ateliers/${w.id}`}>{w.title}</Link>{" "}
        {w.callPublished ? (
          <Badge small severity="success" as="span">
            Appel publié
          </Badge>
        ) : (
          <Badge small as="span">
            Appel non publié
          </Badge>
        )}
      </h2>
      <p className={fr.cx("fr-mb-1w")}>
        {`${plural(w.registered, "place")} ${pluralWord(w.registered, "prise")} sur ${w.capacity}`}
        {w.waitlisted > 0 ? ` · ${plural(w.waitlisted, "personne")} en liste d'attente` : ""}
        {` · inscriptions jusqu'au ${formatDate(w.deadline)}`}
      </p>
      {w.sessions.length > 0 ? (
        <ul className={fr.cx("fr-text--sm", "fr-mb-0")}>
          {w.sessions.map((s, i) => (
            <li key={s.id}>{`Séance ${i + 1} : ${frenchSchedule(s.startsAt, s.endsAt)}${s.place ? `, ${s.place}` : ""}`}</li>
          ))}
        </ul>
      ) : (
        <p className="cles-empty">Aucune séance.</p>
      )}
    </li>
  );
}

export function WorkshopListPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const workshops = useWorkshops(contractId);
  if (contract.isPending || workshops.isPending) return <Loading label="Chargement des ateliers…" />;
  if (contract.error || workshops.error) return <ErrorMessage error={contract.error ?? workshops.error} title="Les ateliers n'ont pas pu être chargés" />;
  const c = contract.data;
  const items = workshops.data.items;
  const mayCreate = c.permissions.manageGovernance;
  return (
    <Page
      title="Ateliers des habitants"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
      actions={
        mayCreate && (
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
            <li>
              <Link className={fr.cx("fr-btn", "fr-icon-add-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/ateliers/nouveau`}>
                Créer un atelier
              </Link>
            </li>
            <li>
              <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-shield-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/registre-des-traitements`}>
                Registre des traitements
              </Link>
            </li>
          </ul>
        )
      }
    >
      <p>Les ateliers des habitants au format World Café : un appel à participation, des tables variées, des thèmes qui tournent de table en table, une synthèse par thème.</p>
      {items.length === 0 ? (
        <EmptyState title="Aucun atelier des habitants pour l'instant.">
          {mayCreate && <p>Créez le premier avec « Créer un atelier » : ses thèmes, ses séances, puis publiez l'appel à participation.</p>}
        </EmptyState>
      ) : (
        <ul className="cles-workshop-list">
          {items.map((w) => (
            <WorkshopLine key={w.id} contractId={c.id} workshop={w} />
          ))}
        </ul>
      )}
    </Page>
  );
}
