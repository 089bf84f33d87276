/** « Mentions légales »: who publishes this instance of Clés, who hosts it, and under which licences its code and content are. */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { INSTANCE } from "./instance";
import { Filled, LegalPage } from "./parts";

export function LegalNoticePage() {
  const { publisher, host } = INSTANCE;
  return (
    <LegalPage title="Mentions légales">
      <p className={fr.cx("fr-text--lead")}>
        Clés est un logiciel libre que chaque organisme public peut installer pour ses contrats locaux de santé. Ce site est une instance de Clés : les informations ci-dessous
        concernent l'organisme qui l'exploite.
      </p>

      <h2>Éditeur du site</h2>
      <dl className="cles-dl">
        <dt>Organisme</dt>
        <dd>
          <Filled value={publisher.name} />
        </dd>
        <dt>Forme juridique</dt>
        <dd>
          <Filled value={publisher.legalForm} />
        </dd>
        <dt>Adresse</dt>
        <dd>
          <Filled value={publisher.address} />
        </dd>
        <dt>SIRET</dt>
        <dd>
          <Filled value={publisher.siret} />
        </dd>
        <dt>Contact</dt>
        <dd>
          <Filled value={INSTANCE.contact.email} email />
        </dd>
      </dl>

      <h2>Directeur ou directrice de la publication</h2>
      <p>
        <Filled value={INSTANCE.publicationDirector} />
      </p>

      <h2>Hébergement</h2>
      <dl className="cles-dl">
        <dt>Hébergeur</dt>
        <dd>
          <Filled value={host.name} />
        </dd>
        <dt>Adresse</dt>
        <dd>
          <Filled value={host.address} />
        </dd>
        <dt>Téléphone</dt>
        <dd>
          <Filled value={host.phone} />
        </dd>
      </dl>

      <h2>Licences</h2>
      <h3 className={fr.cx("fr-h6")}>Code source</h3>
      <p>
        Le code source de Clés est publié sous la licence libre MIT : chacun peut l'utiliser, le copier, le modifier et le redistribuer, à condition de conserver la mention de
        la licence et des auteurs. Le logiciel est fourni « en l'état », sans garantie.
      </p>
      <h3 className={fr.cx("fr-h6")}>Contenus</h3>
      <p>
        Sauf mention contraire, les contenus publiés sur ce site (pages publiques des contrats, fiches actions, revues, résultats de sondages) sont sous{" "}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" target="_blank" rel="noreferrer" title="Licence Ouverte version 2.0 (Etalab) — nouvelle fenêtre">
          Licence Ouverte version 2.0 (licence Etalab 2.0)
        </a>
        : ils peuvent être réutilisés librement, y compris à des fins commerciales, en citant leur source et la date de leur dernière mise à jour.
      </p>
      <p>
        Les données personnelles ne sont jamais publiées et ne relèvent pas de cette licence : voir la page <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>

      <h2>Propriété intellectuelle</h2>
      <p>
        Les contenus d'un contrat (diagnostic, fiches actions, comptes rendus, revues) sont rédigés par la coordination du contrat et ses partenaires, qui en restent
        responsables. Le logo et la marque de l'État, ainsi que le Système de design de l'État (DSFR), sont utilisés selon leurs conditions d'utilisation ; ils ne peuvent être
        réutilisés en dehors d'un service de l'État ou d'un organisme habilité.
      </p>
      <p>Les documents déposés par les utilisateurs (pièces jointes de réunions, par exemple) restent la propriété de leurs auteurs.</p>

      <h2>Accessibilité</h2>
      <p>
        L'état de conformité du site au référentiel général d'amélioration de l'accessibilité (RGAA) est décrit dans la{" "}
        <Link to="/accessibilite">déclaration d'accessibilité</Link>.
      </p>
    </LegalPage>
  );
}
