/** « Données personnelles »: what Clés keeps about people, why, on what basis, who reads it, how long, the rights and the cookies. */
import { fr } from "@codegouvfr/react-dsfr";
import { ScrollTable } from "../../components/ScrollTable";
import { Link } from "react-router";
import { useSession } from "../../api/accounts";
import { useContracts } from "../../api/queries";
import { INSTANCE } from "./instance";
import { Filled, LegalPage } from "./parts";
import { COOKIES, DATA_KINDS } from "./personalData";

export function PersonalDataPage() {
  return (
    <LegalPage title="Données personnelles">
      <p className={fr.cx("fr-text--lead")}>
        Clés garde le moins de données personnelles possible. Cette page dit lesquelles, pourquoi, qui les lit, combien de temps, et comment exercer vos droits.
      </p>

      <h2>Responsables de traitement</h2>
      <p>
        Les comptes des utilisateurs relèvent de l'organisme qui exploite ce site : <Filled value={INSTANCE.publisher.name} />. Les données d'un contrat local de santé
        (membres, réunions, et surtout les données des habitants) relèvent de la collectivité qui porte ce contrat et de sa coordination.
      </p>
      <p>
        Délégué ou déléguée à la protection des données : <Filled value={INSTANCE.dataProtectionOfficer.email} email />, <Filled value={INSTANCE.dataProtectionOfficer.postalAddress} />.
      </p>

      <h2>Les données conservées</h2>
      {DATA_KINDS.map((kind) => (
        <section key={kind.id} aria-labelledby={`donnees-${kind.id}`}>
          <h3 id={`donnees-${kind.id}`} className={fr.cx("fr-h5")}>
            {kind.title}
          </h3>
          <dl className="cles-dl">
            <dt>Données</dt>
            <dd>{kind.data}</dd>
            <dt>Finalité</dt>
            <dd>{kind.purpose}</dd>
            <dt>Base légale</dt>
            <dd>{kind.legalBasis}</dd>
            <dt>Qui les lit</dt>
            <dd>{kind.readers}</dd>
            <dt>Durée de conservation</dt>
            <dd>{kind.retention}</dd>
          </dl>
        </section>
      ))}
      <p>Aucune donnée n'est vendue, cédée ni transmise hors de l'Union européenne. Les pages publiques d'un contrat et les exports ouverts ne contiennent que des noms d'organisations et des nombres.</p>

      <h2>Le registre des traitements de chaque contrat</h2>
      <p>
        La coordination de chaque contrat tient le registre des traitements des données des habitants (article 30 du RGPD) : pour chaque atelier, sondage et réseau
        d'ambassadeurs, combien de personnes sont concernées et à quelle date leurs données seront effacées. Il se trouve sur la page « Registre des traitements » du
        contrat, réservée à sa coordination.
      </p>
      <Registers />

      <h2>Vos droits</h2>
      <p>Vous pouvez à tout moment demander :</p>
      <ul>
        <li>l'accès aux données vous concernant (droit d'accès) ;</li>
        <li>leur correction si elles sont inexactes (droit de rectification) ;</li>
        <li>leur effacement (droit à l'effacement), et retirer votre consentement quand il fonde le traitement ;</li>
        <li>que l'on cesse de les traiter (droit d'opposition), pour les traitements fondés sur une mission d'intérêt public.</li>
      </ul>
      <p>
        Pour une inscription à un atelier, le lien d'annulation reçu par e-mail efface l'inscription. Pour toute autre demande, écrivez à la coordination du contrat
        concerné, ou à l'exploitant du site : <Filled value={INSTANCE.contact.email} email /> (adresse postale : <Filled value={INSTANCE.contact.postalAddress} />). Une
        réponse vous est donnée dans un délai d'un mois.
      </p>
      <p>
        Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL) :{" "}
        <a href="https://www.cnil.fr/fr/plaintes" target="_blank" rel="noreferrer" title="Adresser une plainte à la CNIL — nouvelle fenêtre">
          www.cnil.fr/fr/plaintes
        </a>
        , ou par courrier à CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.
      </p>

      <h2>Cookies</h2>
      <p>
        Ce site ne dépose que des cookies strictement nécessaires à son fonctionnement : aucun cookie de mesure d'audience, de publicité ou de suivi, aucun service tiers.
        Ils sont exemptés de consentement ; c'est pourquoi aucun bandeau ne vous le demande.
      </p>
      <ScrollTable caption="Cookies déposés par le site" headers={["Nom", "À quoi il sert", "Durée"]} rows={COOKIES.map((c) => [<code key="name">{c.name}</code>, c.purpose, c.lifetime])} />
    </LegalPage>
  );
}

/** Signed in: a link to the register of each contract the person reads (only its coordination opens it). */
function Registers() {
  const session = useSession();
  const signedIn = !!session.data?.user;
  const contracts = useContracts(signedIn);
  if (!signedIn || !contracts.data || contracts.data.items.length === 0) return null;
  return (
    <>
      <p>Registres des contrats que vous suivez :</p>
      <ul>
        {contracts.data.items.map((c) => (
          <li key={c.id}>
            <Link to={`/contrats/${c.id}/registre-des-traitements`}>{`Registre des traitements — ${c.name}`}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
