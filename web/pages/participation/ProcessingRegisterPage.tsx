/**
 * The « registre des traitements » of residents' personal data (RGPD art. 30): for each
 * kind, what is kept, why, on what basis, who reads it and how long; per workshop, survey
 * or priority area, how many people and when their data is erased. The coordination only.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { useParams } from "react-router";
import { useContract } from "../../api/queries";
import { useProcessingRegister } from "../../api/workshops";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { plural } from "../../format";

export function ProcessingRegisterPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const register = useProcessingRegister(contractId, contract.data?.permissions.manageGovernance === true);
  if (contract.isPending || (contract.data?.permissions.manageGovernance && register.isPending)) return <Loading label="Chargement du registre…" />;
  if (contract.error) return <ErrorMessage error={contract.error} title="Le registre n'a pas pu être chargé" />;
  const c = contract.data;
  const breadcrumb = [
    { label: "Contrats", to: "/" },
    { label: c.name, to: `/contrats/${c.id}` },
    { label: "Ateliers des habitants", to: `/contrats/${c.id}/ateliers` },
  ];
  if (!c.permissions.manageGovernance || register.error)
    return (
      <Page title="Registre des traitements" breadcrumb={breadcrumb}>
        <ErrorMessage error={register.error ?? new Error("Seule la coordination du contrat consulte les données des habitants.")} title="Le registre n'est pas accessible" />
      </Page>
    );
  return (
    <Page title="Registre des traitements" breadcrumb={breadcrumb}>
      <p>Les données personnelles d'habitants que Clés conserve pour ce contrat : pourquoi, sur quelle base, qui les lit, combien de temps. Elles sont effacées automatiquement à la fin de leur durée de conservation.</p>
      {register.data!.items.map((item) => (
        <section key={item.kind} aria-labelledby={`registre-${item.kind}`} className={fr.cx("fr-mb-6w")}>
          <h2 id={`registre-${item.kind}`} className={fr.cx("fr-h3")}>
            {item.label}
          </h2>
          <dl className="cles-dl">
            <dt>Données</dt>
            <dd>{item.data}</dd>
            <dt>Finalité</dt>
            <dd>{item.purpose}</dd>
            <dt>Base légale</dt>
            <dd>{item.legalBasis}</dd>
            <dt>Destinataires</dt>
            <dd>{item.readers}</dd>
            <dt>Durée de conservation</dt>
            <dd>{item.retention}</dd>
          </dl>
          {item.groups.length === 0 ? (
            <p className="cles-empty">{item.empty}</p>
          ) : (
            <div className={fr.cx("fr-table")}>
              <div className="fr-table__wrapper">
                <div className="fr-table__container" tabIndex={0}>
                  <div className="fr-table__content">
                    <table>
                      <caption>Données conservées — {item.label.toLowerCase()}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{item.groupLabel}</th>
                          <th scope="col">Personnes</th>
                          <th scope="col">Effacement prévu</th>
                        </tr>
                      </thead>
                      <tbody>
                        {item.groups.map((g) => (
                          <tr key={g.id}>
                            <td>{g.title}</td>
                            <td>{plural(g.people, "personne")}</td>
                            <td>{g.erasure}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              </div>
            </div>
          )}
        </section>
      ))}
    </Page>
  );
}
