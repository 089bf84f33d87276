import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ButtonProps } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
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
        (data?.permissions.create || data?.permissions.import) && (
        <ButtonsGroup
          inlineLayoutWhen="md and up"
          buttonsIconPosition="left"
          buttonsSize="small"
          buttons={[
            ...(data?.permissions.create ? [{ children: "Nouveau contrat", iconId: "fr-icon-add-line" as const, linkProps: { to: "/contrats/nouveau" } }] : []),
            ...(data?.permissions.import ? [{ children: "Importer un contrat", iconId: "fr-icon-upload-line" as const, priority: "secondary" as const, linkProps: { to: "/importer" } }] : []),
          ] as [ButtonProps, ...ButtonProps[]]}
        />
        )
      }
    >
      {isPending ? (
        <Loading label="Chargement des contrats…" />
      ) : error ? (
        <ErrorMessage error={error} title="Les contrats n'ont pas pu être chargés" />
      ) : data.items.length === 0 ? (
        <EmptyState title="Aucun contrat pour l'instant.">
          <p>
            {data.permissions.create
              ? "Créez le premier contrat, ou importez l'export JSON d'un contrat existant."
              : "Vous n'êtes membre d'aucun contrat : la coordination d'un contrat vous y invite par courriel."}
          </p>
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
