import { fr } from "@codegouvfr/react-dsfr";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Route, Routes } from "react-router";
import { useOutboxAvailable } from "./api/accounts";
import { AuthGate } from "./components/AuthGate";
import { Page } from "./components/Page";
import { useQuickAccessItems } from "./components/UserMenu";

/**
 * Each page is its own chunk, loaded when its route is first shown: the entry script
 * carries only the frame (header, footer, sign-in gate), and the heavy libraries
 * (ECharts, TipTap) only come with the pages that use them.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const AccountPage = page(() => import("./pages/account/AccountPage"), "AccountPage");
const InvitationPage = page(() => import("./pages/account/InvitationPage"), "InvitationPage");
const OutboxPage = page(() => import("./pages/account/OutboxPage"), "OutboxPage");
const ForgotPasswordPage = page(() => import("./pages/account/PasswordPages"), "ForgotPasswordPage");
const ResetPasswordPage = page(() => import("./pages/account/PasswordPages"), "ResetPasswordPage");
const SignInPage = page(() => import("./pages/account/SignInPage"), "SignInPage");
const AuditPage = page(() => import("./pages/history/HistoryPages"), "AuditPage");
const ContractHistoryPage = page(() => import("./pages/history/HistoryPages"), "ContractHistoryPage");
const MembersPage = page(() => import("./pages/members/MembersPage"), "MembersPage");
const PublicContractPage = page(() => import("./pages/public/PublicContractPage"), "PublicContractPage");
const ActionEditPage = page(() => import("./pages/actions/ActionEditPage"), "ActionEditPage");
const ActionImportPage = page(() => import("./pages/actions/ActionImportPage"), "ActionImportPage");
const ActionListPage = page(() => import("./pages/actions/ActionListPage"), "ActionListPage");
const ActionPage = page(() => import("./pages/actions/ActionPage"), "ActionPage");
const AxesPage = page(() => import("./pages/contracts/AxesPage"), "AxesPage");
const ContractEditPage = page(() => import("./pages/contracts/ContractEditPage"), "ContractEditPage");
const ContractListPage = page(() => import("./pages/contracts/ContractListPage"), "ContractListPage");
const ContractPage = page(() => import("./pages/contracts/ContractPage"), "ContractPage");
const DirectoryPage = page(() => import("./pages/contracts/DirectoryPage"), "DirectoryPage");
const ImportPage = page(() => import("./pages/contracts/ImportPage"), "ImportPage");
const CotechTablePage = page(() => import("./pages/overview/CotechTablePage"), "CotechTablePage");
const DeckPage = page(() => import("./pages/decks/DeckPage"), "DeckPage");
const DashboardPage = page(() => import("./pages/overview/DashboardPage"), "DashboardPage");
const TimelinePage = page(() => import("./pages/overview/TimelinePage"), "TimelinePage");
const CalendarPage = page(() => import("./pages/governance/CalendarPage"), "CalendarPage");
const GovernancePage = page(() => import("./pages/governance/GovernancePage"), "GovernancePage");
const MeetingEditPage = page(() => import("./pages/governance/MeetingEditPage"), "MeetingEditPage");
const MeetingListPage = page(() => import("./pages/governance/MeetingListPage"), "MeetingListPage");
const MeetingPage = page(() => import("./pages/governance/MeetingPage"), "MeetingPage");
const FollowUpPage = page(() => import("./pages/followup/FollowUpPage"), "FollowUpPage");
const AnnualReportPage = page(() => import("./pages/reports/AnnualReportPage"), "AnnualReportPage");
const EvaluationAnswerPage = page(() => import("./pages/reports/EvaluationAnswerPage"), "EvaluationAnswerPage");
const EvaluationPage = page(() => import("./pages/reports/EvaluationPage"), "EvaluationPage");
const ReviewEditorPage = page(() => import("./pages/reviews/ReviewEditorPage"), "ReviewEditorPage");
const ReviewListPage = page(() => import("./pages/reviews/ReviewListPage"), "ReviewListPage");
const ReviewReadPage = page(() => import("./pages/reviews/ReviewReadPage"), "ReviewReadPage");

/** Shown while a page's chunk loads (a fraction of a second, longer on a slow network). */
function PageLoading() {
  return (
    <div role="status" className={fr.cx("fr-py-6w")}>
      <p className={fr.cx("fr-text--lg", "fr-mb-0")}>
        <span className={fr.cx("fr-icon-refresh-line", "fr-mr-1w")} aria-hidden="true" />
        Chargement de la page…
      </p>
    </div>
  );
}

export function App() {
  const quickAccessItems = useQuickAccessItems();
  const outbox = useOutboxAvailable();
  return (
    <>
      <SkipLinks links={[{ label: "Contenu", anchor: "#contenu" }, { label: "Pied de page", anchor: "#pied-de-page" }]} />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="Clés"
        serviceTagline="Contrats Locaux de Santé"
        homeLinkProps={{ to: "/", title: "Accueil — Clés" }}
        quickAccessItems={quickAccessItems}
      />
      <main id="contenu" tabIndex={-1} className={fr.cx("fr-container", "fr-pt-3w", "fr-pb-8w")}>
        <AuthGate>
        <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/connexion" element={<SignInPage />} />
          <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
          <Route path="/reinitialiser-mot-de-passe/:token" element={<ResetPasswordPage />} />
          <Route path="/invitation/:token" element={<InvitationPage />} />
          <Route path="/public/:slug" element={<PublicContractPage />} />
          <Route path="/dev/courriels" element={<OutboxPage />} />
          <Route path="/mon-compte" element={<AccountPage />} />
          <Route path="/administration/journal" element={<AuditPage />} />
          <Route path="/contrats/:contractId/membres" element={<MembersPage />} />
          <Route path="/contrats/:contractId/historique" element={<ContractHistoryPage />} />
          <Route path="/" element={<ContractListPage />} />
          <Route path="/importer" element={<ImportPage />} />
          <Route path="/contrats/nouveau" element={<ContractEditPage />} />
          <Route path="/contrats/:contractId" element={<ContractPage />} />
          <Route path="/contrats/:contractId/modifier" element={<ContractEditPage />} />
          <Route path="/contrats/:contractId/axes" element={<AxesPage />} />
          <Route path="/contrats/:contractId/annuaire" element={<DirectoryPage />} />
          <Route path="/contrats/:contractId/fiches" element={<ActionListPage />} />
          <Route path="/contrats/:contractId/fiches/nouvelle" element={<ActionEditPage />} />
          <Route path="/contrats/:contractId/fiches/importer" element={<ActionImportPage />} />
          <Route path="/contrats/:contractId/fiches/:actionId" element={<ActionPage />} />
          <Route path="/contrats/:contractId/fiches/:actionId/modifier" element={<ActionEditPage />} />
          <Route path="/contrats/:contractId/fiches/:actionId/suivi" element={<FollowUpPage />} />
          <Route path="/contrats/:contractId/gouvernance" element={<GovernancePage />} />
          <Route path="/contrats/:contractId/reunions" element={<MeetingListPage />} />
          <Route path="/contrats/:contractId/reunions/nouvelle" element={<MeetingEditPage />} />
          <Route path="/contrats/:contractId/reunions/:meetingId" element={<MeetingPage />} />
          <Route path="/contrats/:contractId/reunions/:meetingId/modifier" element={<MeetingEditPage />} />
          <Route path="/contrats/:contractId/calendrier" element={<CalendarPage />} />
          <Route path="/contrats/:contractId/tableau-de-bord" element={<DashboardPage />} />
          <Route path="/contrats/:contractId/tableau-cotech" element={<CotechTablePage />} />
          <Route path="/contrats/:contractId/diaporama" element={<DeckPage />} />
          <Route path="/contrats/:contractId/chronologie" element={<TimelinePage />} />
          <Route path="/contrats/:contractId/bilan-annuel" element={<AnnualReportPage />} />
          <Route path="/contrats/:contractId/evaluation" element={<EvaluationPage />} />
          <Route path="/contrats/:contractId/evaluation/questionnaire" element={<EvaluationAnswerPage />} />
          <Route path="/contrats/:contractId/revues" element={<ReviewListPage />} />
          <Route path="/contrats/:contractId/revues/:reviewId" element={<ReviewEditorPage />} />
          <Route path="/contrats/:contractId/revues/:reviewId/versions/:number" element={<ReviewReadPage />} />
          <Route
            path="*"
            element={
              <Page title="Page introuvable">
                <p>Cette adresse ne correspond à aucune page. Revenez à la liste des contrats depuis l'en-tête.</p>
              </Page>
            }
          />
        </Routes>
        </Suspense>
        </AuthGate>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Clés est la plateforme libre sur laquelle un Contrat Local de Santé est rédigé, gouverné, suivi, restitué et évalué."
        bottomItems={[
          { text: "Documentation de l'API", linkProps: { to: "/api/docs", reloadDocument: true } },
          ...(outbox ? [{ text: "Courriels de développement", linkProps: { to: "/dev/courriels" } }] : []),
        ]}
      />
    </>
  );
}
