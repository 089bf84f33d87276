/**
 * The menu inside a contract: on every page under `/contrats/:contractId`, a DSFR side menu
 * of the contract's sections (web/components/contractSections.ts), the current one marked
 * with aria-current="page", collapsed behind a button on small screens. Mounted once, as the
 * layout route of the contract's pages (web/App.tsx), so that it stays while a page loads.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import { Suspense, useMemo, type ReactNode } from "react";
import { Outlet, useLocation, useParams } from "react-router";
import { useContract } from "../api/queries";
import { shortContractName } from "../format";
import { activeSection, sectionPath, visibleSections } from "./contractSections";
import { ContractTitle } from "./Page";

/** The side menu of a contract: the sections its reader may open. Nothing until the contract is known (or when it cannot be read). */
export function ContractMenu({ contractId }: { contractId: string }) {
  const contract = useContract(contractId);
  const { pathname } = useLocation();
  if (!contract.data) return null;
  const active = activeSection(contractId, pathname);
  return (
    <SideMenu
      id="menu-du-contrat"
      aria-label="Menu du contrat"
      burgerMenuButtonText="Menu du contrat"
      className={fr.cx("fr-mb-3w")}
      items={visibleSections(contract.data.permissions).map((section) => ({
        text: section.label,
        isActive: section.path === active,
        linkProps: { to: sectionPath(contractId, section) },
      }))}
    />
  );
}

/** The frame of a contract's pages: the menu beside the page (above it, folded, on small screens). */
export function ContractLayout({ fallback }: { fallback: ReactNode }) {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const title = useMemo(() => (contract.data ? { name: contract.data.name, short: shortContractName(contract.data) } : null), [contract.data]);
  return (
    <ContractTitle.Provider value={title}>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
          <ContractMenu contractId={contractId} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-9")}>
          <Suspense fallback={fallback}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </ContractTitle.Provider>
  );
}
