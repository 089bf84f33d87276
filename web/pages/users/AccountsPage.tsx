import { fr } from "@codegouvfr/react-dsfr";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { SearchBar } from "@codegouvfr/react-dsfr/SearchBar";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useSession } from "../../api/accounts";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { plural } from "../../format";
import { ArsInviteForm } from "./ArsInviteForm";
import { ArsInvitationList } from "./ArsInvitationList";
import { MailFailureList } from "./MailFailureList";
import { CreateAccountForm } from "./CreateAccountForm";
import { UserRow } from "./UserRow";
import { useUsers } from "./api";

const PAGE_SIZE = 25;

/** « Comptes »: the platform admin's list of accounts (search, pages), creation and ARS invitations. */
export function AccountsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const users = useUsers(q, page);
  const session = useSession();
  const [typed, setTyped] = useState(q);
  const search = (text: string) => {
    const next = new URLSearchParams();
    if (text.trim()) next.set("q", text.trim());
    setParams(next);
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set("page", String(n));
    else next.delete("page");
    return { to: `/administration/comptes${next.size ? `?${next}` : ""}` };
  };
  if (users.isPending) return <Loading label="Chargement des comptes…" />;
  if (users.error) return <ErrorMessage error={users.error} title="Les comptes n'ont pas pu être chargés" />;
  const data = users.data;
  const first = (data.page - 1) * PAGE_SIZE + 1;
  return (
    <Page title="Comptes" breadcrumb={[{ label: "Contrats", to: "/" }]}>
      <p>
        Voir aussi : <Link to="/administration/referentiels">les référentiels régionaux</Link> (ARS, PRS et plans de chaque région).
      </p>
      <section className={fr.cx("fr-mb-6w")} aria-labelledby="comptes">
        <h2 id="comptes" tabIndex={-1}>
          Comptes de la plateforme
        </h2>
        <SearchBar
          label="Rechercher un compte par nom ou adresse e-mail"
          className={fr.cx("fr-mb-2w")}
          onButtonClick={search}
          renderInput={({ className, id, placeholder, type }) => (
            <input
              className={className}
              id={id}
              placeholder={placeholder}
              type={type}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") search(typed);
              }}
            />
          )}
        />
        <p role="status" aria-busy={users.isPlaceholderData} className={fr.cx("fr-mb-2w")}>
          {data.total > data.items.length
            ? `Comptes ${first} à ${first + data.items.length - 1} sur ${data.total}${q ? ` pour « ${q} »` : ""}`
            : `${plural(data.total, "compte", "comptes")}${q ? ` pour « ${q} »` : ""}`}
        </p>
        {data.items.length === 0 ? (
          <EmptyState title={q ? `Aucun compte ne correspond à « ${q} ».` : "Aucun compte."} />
        ) : (
          <div className={fr.cx("fr-table")}>
            <div className="fr-table__wrapper">
              <div className="fr-table__container" tabIndex={0}>
                <div className="fr-table__content">
                  <table>
                    <caption className={fr.cx("fr-sr-only")}>Comptes, leurs rôles et les actions possibles</caption>
                    <thead>
                      <tr>
                        <th scope="col">Nom</th>
                        <th scope="col">E-mail</th>
                        <th scope="col">Rôles</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((u) => (
                        <UserRow key={u.id} user={u} self={session.data?.user?.id === u.id} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        )}
        {data.pageCount > 1 && <Pagination className={fr.cx("fr-mt-3w")} count={data.pageCount} defaultPage={Math.min(page, data.pageCount)} getPageLinkProps={pageLink} showFirstLast />}
      </section>
      <CreateAccountForm />
      <ArsInviteForm />
      <ArsInvitationList />
      <MailFailureList />
    </Page>
  );
}
