import { fr } from "@codegouvfr/react-dsfr";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Route, Routes } from "react-router";
import { useOutboxAvailable } from "./api/accounts";
import { AuthGate } from "./components/AuthGate";
import { Page } from "./components/Page";
import { useQuickAccessItems } from "./components/UserMenu";
import { AccountPage } from "./pages/account/AccountPage";
import { InvitationPage } from "./pages/account/InvitationPage";
import { OutboxPage } from "./pages/account/OutboxPage";
import { ForgotPasswordPage, ResetPasswordPage } from "./pages/account/PasswordPages";
import { SignInPage } from "./pages/account/SignInPage";
import { AuditPage, ContractHistoryPage } from "./pages/history/HistoryPages";
import { MembersPage } from "./pages/members/MembersPage";
import { PublicContractPage } from "./pages/public/PublicContractPage";
import { ActionEditPage } from "./pages/actions/ActionEditPage";
import { ActionImportPage } from "./pages/actions/ActionImportPage";
import { ActionListPage } from "./pages/actions/ActionListPage";
import { ActionPage } from "./pages/actions/ActionPage";
import { AxesPage } from "./pages/contracts/AxesPage";
import { ContractEditPage } from "./pages/contracts/ContractEditPage";
import { ContractListPage } from "./pages/contracts/ContractListPage";
import { ContractPage } from "./pages/contracts/ContractPage";
import { DirectoryPage } from "./pages/contracts/DirectoryPage";
import { ImportPage } from "./pages/contracts/ImportPage";
import { CotechTablePage } from "./pages/overview/CotechTablePage";
import { DeckPage } from "./pages/decks/DeckPage";
import { DashboardPage } from "./pages/overview/DashboardPage";
import { TimelinePage } from "./pages/overview/TimelinePage";
import { CalendarPage } from "./pages/governance/CalendarPage";
import { GovernancePage } from "./pages/governance/GovernancePage";
import { MeetingEditPage } from "./pages/governance/MeetingEditPage";
import { MeetingListPage } from "./pages/governance/MeetingListPage";
import { MeetingPage } from "./pages/governance/MeetingPage";
import { FollowUpPage } from "./pages/followup/FollowUpPage";
import { AnnualReportPage } from "./pages/reports/AnnualReportPage";
import { EvaluationAnswerPage } from "./pages/reports/EvaluationAnswerPage";
import { EvaluationPage } from "./pages/reports/EvaluationPage";
import { ReviewEditorPage } from "./pages/reviews/ReviewEditorPage";
import { ReviewListPage } from "./pages/reviews/ReviewListPage";
import { ReviewReadPage } from "./pages/reviews/ReviewReadPage";

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
