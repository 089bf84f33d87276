import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { CONTRACT_STATUSES } from "../../../server/features/contracts/lifecycle";
import { useContracts } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatPeriod, plural } from "../../format";

export function ContractListPage() {
  const { data, error, isPending } = useContracts();
  return (
    <Page
      title="Contrats locaux de santé"
      actions={
        <div className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--sm")}>
          <Button iconId="fr-icon-add-line" linkProps={{ to: "/contrats/nouveau" }}>
            Nouveau contrat
          </Button>
          <Button priority="secondary" iconId="fr-icon-upload-line" linkProps={{ to: "/importer" }}>
            Importer
          </Button>
        </div>
      }
    >
      {isPending ? (
        <Loading label="Chargement des contrats…" />
      ) : error ? (
        <ErrorMessage error={error} title="Les contrats n'ont pas pu être chargés" />
      ) : data.items.length === 0 ? (
        <EmptyState title="Aucun contrat pour l'instant.">
          <p>Créez le premier contrat, ou importez l'export JSON d'un contrat existant.</p>
        </EmptyState>
      ) : (
        <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
          {data.items.map((c) => (
            <li key={c.id} className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <Card
                title={c.name}
                titleAs="h2"
                linkProps={{ to: `/contrats/${c.id}` }}
                desc={`${c.localAuthority} · ${plural(c.communeCount, "commune", "communes")}`}
                start={
                  <ul className={fr.cx("fr-badges-group")}>
                    <li>
                      <Badge severity={c.status === "running" ? "success" : "info"} noIcon>
                        {CONTRACT_STATUSES[c.status]}
                      </Badge>
                    </li>
                    <li>
                      <Badge noIcon>{formatPeriod(c.startDate, c.endDate)}</Badge>
                    </li>
                  </ul>
                }
                end={<p className={fr.cx("fr-card__detail")}>{`${plural(c.axisCount, "axe", "axes")} · ${plural(c.actionCount, "fiche action", "fiches actions")}`}</p>}
                enlargeLink
              />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
