/** « Déclaration d'accessibilité », following the model of the RGAA: the state of conformity as measured, what is not accessible, how to report it, and the recourse. */
import { fr } from "@codegouvfr/react-dsfr";
import { INSTANCE } from "./instance";
import { AXE_SCAN, NON_ACCESSIBLE, STATEMENT_DATE, TESTED_PAGES } from "./accessibility";
import { Filled, LegalPage } from "./parts";
import { formatNumber } from "../../format";

const NEW_WINDOW = " — nouvelle fenêtre";

export function AccessibilityPage() {
  return (
    <LegalPage title="Déclaration d'accessibilité">
      <p>
        <Filled value={INSTANCE.publisher.name} /> s'engage à rendre ses sites internet, intranet, extranet et ses progiciels accessibles, conformément à l'article 47 de la loi
        n° 2005-102 du 11 février 2005.
      </p>
      <p>
        Cette déclaration d'accessibilité s'applique à Clés, la plateforme des contrats locaux de santé, à l'adresse {window.location.origin}.
      </p>

      <h2>État de conformité</h2>
      <p>
        Clés est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1 : aucun audit complet de conformité n'a encore
        été réalisé, et l'audit partiel déjà mené a relevé des non-conformités (voir ci-dessous).
      </p>

      <h2>Résultats des tests</h2>
      <p>L'audit est partiel. Le taux de conformité aux critères du RGAA n'a donc pas encore été mesuré. Ce qui a été vérifié :</p>
      <ul>
        <li>des tests automatiques avec axe-core (critères WCAG 2.1 niveaux A et AA, et bonnes pratiques) sur les principales pages, à chaque évolution du logiciel ;</li>
        <li>des tests au clavier : ordre de tabulation, position du focus après une navigation ou une action, absence de piège au clavier ;</li>
        <li>une revue page par page des titres, des zones de la page (en-tête, navigation, contenu, pied de page), de la langue, des champs de formulaire et de leurs erreurs, des tableaux et des graphiques, à 1 280 et à 320 pixels de large.</li>
      </ul>
      <p>
        {`Lors de l'audit partiel, axe-core n'a relevé aucune erreur sur 31 des 34 états de pages examinés. Les non-conformités qu'il a relevées, et celles des contrôles manuels, ont été corrigées depuis. Le ${STATEMENT_DATE}, axe-core a examiné ${AXE_SCAN.pages} pages, chacune à ${AXE_SCAN.widths.map((w) => `${formatNumber(w)} pixels`).join(" et à ")} de large : ${AXE_SCAN.violations === 0 ? "aucune erreur, quel que soit son impact, bonnes pratiques comprises" : `${AXE_SCAN.violations} erreurs`}. Ce qui reste connu est listé ci-dessous.`}
      </p>

      <h2>Contenus non accessibles</h2>
      <h3 className={fr.cx("fr-h5")}>Non-conformités</h3>
      <ul>
        {NON_ACCESSIBLE.map((finding) => (
          <li key={finding} className={fr.cx("fr-mb-1w")}>
            {finding}
          </li>
        ))}
      </ul>
      <h3 className={fr.cx("fr-h5")}>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3 className={fr.cx("fr-h5")}>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>Les fichiers déposés par les utilisateurs (pièces jointes des réunions, par exemple), qui relèvent de leurs auteurs.</p>

      <h2>Établissement de cette déclaration d'accessibilité</h2>
      <p>{`Cette déclaration a été établie le ${STATEMENT_DATE}.`}</p>
      <h3 className={fr.cx("fr-h5")}>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML</li>
        <li>CSS</li>
        <li>JavaScript</li>
        <li>WAI-ARIA</li>
      </ul>
      <h3 className={fr.cx("fr-h5")}>Environnement de test</h3>
      <p>
        Les vérifications ont été faites avec le navigateur Chromium, piloté par Playwright, et la bibliothèque de tests automatiques axe-core. Les combinaisons de lecteurs
        d'écran et de navigateurs recommandées par le RGAA (NVDA, JAWS, VoiceOver) n'ont pas encore été testées de façon systématique.
      </p>
      <h3 className={fr.cx("fr-h5")}>Outils pour évaluer l'accessibilité</h3>
      <ul>
        <li>axe-core (par @axe-core/playwright)</li>
        <li>Navigation au clavier seul</li>
      </ul>
      <h3 className={fr.cx("fr-h5")}>Pages du site ayant fait l'objet de la vérification</h3>
      <ul>
        {TESTED_PAGES.map((page) => (
          <li key={page}>{page}</li>
        ))}
      </ul>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site pour être orienté vers une alternative accessible ou obtenir
        le contenu sous une autre forme :
      </p>
      <ul>
        <li>
          par courriel : <Filled value={INSTANCE.contact.email} email />
        </li>
        <li>
          par courrier : <Filled value={INSTANCE.contact.postalAddress} />
        </li>
      </ul>

      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé au responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service, et que vous n'avez pas obtenu de
        réponse satisfaisante, vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au Défenseur des droits par le{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/" target="_blank" rel="noreferrer" title={`Formulaire en ligne du Défenseur des droits${NEW_WINDOW}`}>
            formulaire en ligne
          </a>{" "}
          ;
        </li>
        <li>
          contacter{" "}
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues" target="_blank" rel="noreferrer" title={`Le délégué du Défenseur des droits dans votre région${NEW_WINDOW}`}>
            le délégué du Défenseur des droits dans votre région
          </a>{" "}
          ;
        </li>
        <li>appeler le Défenseur des droits au 09 69 39 00 00 ;</li>
        <li>
          envoyer un courrier, gratuitement et sans mettre de timbre, à : <br />
          Défenseur des droits
          <br />
          Libre réponse 71120
          <br />
          75342 Paris CEDEX 07
        </li>
      </ul>
    </LegalPage>
  );
}
