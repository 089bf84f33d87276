/** « Plan du site »: the pages of the app as nested lists; signed in, each of the person's contracts with its sections. */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useSession } from "../../api/accounts";
import { useContracts } from "../../api/queries";
import { sectionPath, visibleSections } from "../../components/contractSections";
import { plural } from "../../format";
import { LegalPage } from "./parts";

const INFORMATION = [
  { to: "/mentions-legales", label: "Mentions légales" },
  { to: "/donnees-personnelles", label: "Données personnelles" },
  { to: "/accessibilite", label: "Déclaration d'accessibilité" },
  { to: "/plan-du-site", label: "Plan du site" },
];

export function SiteMapPage() {
  const session = useSession();
  const user = session.data?.user;
  return (
    <LegalPage title="Plan du site">
      {session.isPending ? null : user ? <SignedInMap isAdmin={user.isAdmin} /> : <SignedOutMap />}
      <h2>Informations</h2>
      <ul>
        {INFORMATION.map((p) => (
          <li key={p.to}>
            <Link to={p.to}>{p.label}</Link>
          </li>
        ))}
      </ul>
    </LegalPage>
  );
}

function SignedOutMap() {
  return (
    <>
      <h2>Accès</h2>
      <ul>
        <li>
          <Link to="/connexion">Connexion</Link>
          <ul>
            <li>
              <Link to="/mot-de-passe-oublie">Mot de passe oublié</Link>
            </li>
          </ul>
        </li>
      </ul>
      <p>Une fois connecté, ce plan liste aussi vos contrats et leurs rubriques.</p>
    </>
  );
}

function SignedInMap({ isAdmin }: { isAdmin: boolean }) {
  const contracts = useContracts();
  const list = contracts.data;
  return (
    <>
      <h2>Contrats</h2>
      <ul>
        <li>
          <Link to="/">Liste des contrats</Link>
          {contracts.isPending && <p role="status">Chargement des contrats…</p>}
          {list && list.items.length > 0 && (
            <ul>
              {list.items.map((c) => (
                <li key={c.id} className={fr.cx("fr-mt-1w")}>
                  <Link to={`/contrats/${c.id}`}>{c.name}</Link>
                  <ul>
                    {visibleSections({})
                      .filter((s) => s.path !== "")
                      .map((s) => (
                        <li key={s.path}>
                          <Link to={sectionPath(c.id, s)}>{s.label}</Link>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {list && list.total > list.items.length && (
            <p className={fr.cx("fr-mt-1w")}>{`Et ${plural(list.total - list.items.length, "autre contrat", "autres contrats")}, dans la liste des contrats.`}</p>
          )}
        </li>
        {list?.permissions.create && (
          <li>
            <Link to="/contrats/nouveau">Nouveau contrat</Link>
          </li>
        )}
        {list?.permissions.import && (
          <li>
            <Link to="/importer">Importer un contrat</Link>
          </li>
        )}
      </ul>
      <h2>Mon espace</h2>
      <ul>
        <li>
          <Link to="/mes-fiches">Mes fiches</Link>
        </li>
        <li>
          <Link to="/territoire">Territoire (délégations ARS et administration)</Link>
        </li>
        <li>
          <Link to="/mon-compte">Mon compte</Link>
        </li>
      </ul>
      {isAdmin && (
        <>
          <h2>Administration</h2>
          <ul>
            <li>
              <Link to="/administration/comptes">Comptes</Link>
            </li>
            <li>
              <Link to="/administration/journal">Journal de la plateforme</Link>
            </li>
            <li>
              <Link to="/administration/referentiels">Référentiels régionaux</Link>
            </li>
          </ul>
        </>
      )}
    </>
  );
}
