/** What the legal pages share: their frame, and the operator's values shown as filled in or still to complete. */
import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { Page } from "../../components/Page";
import { isFilled, TO_COMPLETE } from "./instance";

/** A legal page: its h1 and its breadcrumb from the home page. */
export function LegalPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title} breadcrumb={[{ label: "Accueil", to: "/" }]}>
      <div className={fr.cx("fr-mb-6w")}>{children}</div>
    </Page>
  );
}

/** A value of web/pages/legal/instance.ts: as written, or marked as still to be filled in by the operator. */
export function Filled({ value, email = false }: { value: string; email?: boolean }) {
  if (!isFilled(value)) return <em>{`[${TO_COMPLETE}]`}</em>;
  return email ? <a href={`mailto:${value}`}>{value}</a> : <>{value}</>;
}
