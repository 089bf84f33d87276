import { fr } from "@codegouvfr/react-dsfr";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Route, Routes } from "react-router";
import { useOutboxAvailable } from "./api/accounts";
import { Announcer } from "./components/announcer";
import { AuthGate } from "./components/AuthGate";
import { ContractLayout } from "./components/ContractMenu";
import { Page } from "./components/Page";
import { useQuickAccessItems } from "./components/UserMenu";

/**
 * Each page is its own chunk, loaded when its route is first shown: the entry script
 * carries only the frame (header, footer, sign-in gate), and the heavy libraries
 * (ECharts, TipTap) only come with the pages that use them. `preload` starts loading
 * a page's chunk before React asks for it (web/preload.ts, at start).
 */
type PageComponent = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): PageComponent {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: module[name] }))),
    { preload: load },
  );
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
const PublicCallPage = page(() => import("./pages/participation/PublicCallPage"), "PublicCallPage");
const CancelRegistrationPage = page(() => import("./pages/participation/CancelRegistrationPage"), "CancelRegistrationPage");
const WorkshopListPage = page(() => import("./pages/participation/WorkshopListPage"), "WorkshopListPage");
const WorkshopEditPage = page(() => import("./pages/participation/WorkshopEditPage"), "WorkshopEditPage");
const WorkshopPage = page(() => import("./pages/participation/WorkshopPage"), "WorkshopPage");
const TablesPage = page(() => import("./pages/participation/TablesPage"), "TablesPage");
const SurveyListPage = page(() => import("./pages/surveys/SurveyListPage"), "SurveyListPage");
const SurveyEditPage = page(() => import("./pages/surveys/SurveyEditPage"), "SurveyEditPage");
const SurveyPage = page(() => import("./pages/surveys/SurveyPage"), "SurveyPage");
const PaperAnswerPage = page(() => import("./pages/surveys/PaperAnswerPage"), "PaperAnswerPage");
const PublicSurveyPage = page(() => import("./pages/surveys/PublicSurveyPage"), "PublicSurveyPage");
const AmbassadorsPage = page(() => import("./pages/ambassadors/AmbassadorsPage"), "AmbassadorsPage");
const ArsInvitationPage = page(() => import("./pages/users/ArsInvitationPage"), "ArsInvitationPage");
const AccountsPage = page(() => import("./pages/users/AccountsPage"), "AccountsPage");
const TerritoryOverviewPage = page(() => import("./pages/territories/TerritoryOverviewPage"), "TerritoryOverviewPage");
const TerritoryComparePage = page(() => import("./pages/territories/TerritoryComparePage"), "TerritoryComparePage");
const ReferentialsPage = page(() => import("./pages/referentials/ReferentialsPage"), "ReferentialsPage");
const MyFichesPage = page(() => import("./pages/todo/MyFichesPage"), "MyFichesPage");
const SearchPage = page(() => import("./pages/search/SearchPage"), "SearchPage");
const LegalNoticePage = page(() => import("./pages/legal/LegalNoticePage"), "LegalNoticePage");
const PersonalDataPage = page(() => import("./pages/legal/PersonalDataPage"), "PersonalDataPage");
const AccessibilityPage = page(() => import("./pages/legal/AccessibilityPage"), "AccessibilityPage");
const SiteMapPage = page(() => import("./pages/legal/SiteMapPage"), "SiteMapPage");
const ProcessingRegisterPage = page(() => import("./pages/participation/ProcessingRegisterPage"), "ProcessingRegisterPage");
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

/** Every page by its address, in the order React Router ranks them anyway. */
export const PAGES: [path: string, component: PageComponent][] = [
  ["/connexion", SignInPage],
  ["/mot-de-passe-oublie", ForgotPasswordPage],
  ["/reinitialiser-mot-de-passe/:token", ResetPasswordPage],
  ["/invitation/:token", InvitationPage],
  ["/invitation-ars/:token", ArsInvitationPage],
  ["/public/:slug", PublicContractPage],
  ["/public/:slug/ateliers/:workshopId", PublicCallPage],
  ["/public/:slug/sondages/:surveyId", PublicSurveyPage],
  ["/public/annulation/:token", CancelRegistrationPage],
  ["/dev/courriels", OutboxPage],
  ["/mentions-legales", LegalNoticePage],
  ["/donnees-personnelles", PersonalDataPage],
  ["/accessibilite", AccessibilityPage],
  ["/plan-du-site", SiteMapPage],
  ["/administration/comptes", AccountsPage],
  ["/administration/referentiels", ReferentialsPage],
  ["/territoire", TerritoryOverviewPage],
  ["/territoire/comparer", TerritoryComparePage],
  ["/mes-fiches", MyFichesPage],
  ["/contrats/:contractId/recherche", SearchPage],
  ["/mon-compte", AccountPage],
  ["/administration/journal", AuditPage],
  ["/contrats/:contractId/membres", MembersPage],
  ["/contrats/:contractId/historique", ContractHistoryPage],
  ["/", ContractListPage],
  ["/importer", ImportPage],
  ["/contrats/nouveau", ContractEditPage],
  ["/contrats/:contractId", ContractPage],
  ["/contrats/:contractId/modifier", ContractEditPage],
  ["/contrats/:contractId/axes", AxesPage],
  ["/contrats/:contractId/annuaire", DirectoryPage],
  ["/contrats/:contractId/fiches", ActionListPage],
  ["/contrats/:contractId/fiches/nouvelle", ActionEditPage],
  ["/contrats/:contractId/fiches/importer", ActionImportPage],
  ["/contrats/:contractId/fiches/:actionId", ActionPage],
  ["/contrats/:contractId/fiches/:actionId/modifier", ActionEditPage],
  ["/contrats/:contractId/fiches/:actionId/suivi", FollowUpPage],
  ["/contrats/:contractId/gouvernance", GovernancePage],
  ["/contrats/:contractId/reunions", MeetingListPage],
  ["/contrats/:contractId/reunions/nouvelle", MeetingEditPage],
  ["/contrats/:contractId/reunions/:meetingId", MeetingPage],
  ["/contrats/:contractId/reunions/:meetingId/modifier", MeetingEditPage],
  ["/contrats/:contractId/calendrier", CalendarPage],
  ["/contrats/:contractId/tableau-de-bord", DashboardPage],
  ["/contrats/:contractId/tableau-cotech", CotechTablePage],
  ["/contrats/:contractId/diaporama", DeckPage],
  ["/contrats/:contractId/chronologie", TimelinePage],
  ["/contrats/:contractId/bilan-annuel", AnnualReportPage],
  ["/contrats/:contractId/evaluation", EvaluationPage],
  ["/contrats/:contractId/evaluation/questionnaire", EvaluationAnswerPage],
  ["/contrats/:contractId/ateliers", WorkshopListPage],
  ["/contrats/:contractId/ateliers/nouveau", WorkshopEditPage],
  ["/contrats/:contractId/registre-des-traitements", ProcessingRegisterPage],
  ["/contrats/:contractId/sondages", SurveyListPage],
  ["/contrats/:contractId/sondages/nouveau", SurveyEditPage],
  ["/contrats/:contractId/sondages/:surveyId", SurveyPage],
  ["/contrats/:contractId/sondages/:surveyId/modifier", SurveyEditPage],
  ["/contrats/:contractId/sondages/:surveyId/saisie", PaperAnswerPage],
  ["/contrats/:contractId/ambassadeurs", AmbassadorsPage],
  ["/contrats/:contractId/ateliers/:workshopId", WorkshopPage],
  ["/contrats/:contractId/ateliers/:workshopId/modifier", WorkshopEditPage],
  ["/contrats/:contractId/ateliers/:workshopId/seances/:sessionId/tables", TablesPage],
  ["/contrats/:contractId/revues", ReviewListPage],
  ["/contrats/:contractId/revues/:reviewId", ReviewEditorPage],
  ["/contrats/:contractId/revues/:reviewId/versions/:number", ReviewReadPage],
];

/** The pages of one contract, `/contrats/:contractId` and below (not `/contrats/nouveau`). */
const isContractPage = (path: string) => path === "/contrats/:contractId" || path.startsWith("/contrats/:contractId/");

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
          {/* The pages of a contract share its menu (web/components/ContractMenu.tsx). */}
          <Route element={<ContractLayout fallback={<PageLoading />} />}>
            {PAGES.filter(([path]) => isContractPage(path)).map(([path, Component]) => (
              <Route key={path} path={path} element={<Component />} />
            ))}
          </Route>
          {PAGES.filter(([path]) => !isContractPage(path)).map(([path, Component]) => (
            <Route key={path} path={path} element={<Component />} />
          ))}
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
      <Announcer />
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        accessibilityLinkProps={{ to: "/accessibilite" }}
        websiteMapLinkProps={{ to: "/plan-du-site" }}
        termsLinkProps={{ to: "/mentions-legales" }}
        contentDescription="Clés est la plateforme libre sur laquelle un Contrat Local de Santé est rédigé, gouverné, suivi, restitué et évalué."
        bottomItems={[
          { text: "Données personnelles", linkProps: { to: "/donnees-personnelles" } },
          { text: "Documentation de l'API", linkProps: { to: "/api/docs", reloadDocument: true } },
          ...(outbox ? [{ text: "Courriels de développement", linkProps: { to: "/dev/courriels" } }] : []),
        ]}
      />
    </>
  );
}
