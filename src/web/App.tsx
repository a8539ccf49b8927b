import { useEffect, useRef } from 'react';
import { CatalogueCollectionPage } from './catalogue/CatalogueCollectionPage.js';
import { CataloguePage } from './catalogue/CataloguePage.js';
import { Header } from './components/Header.js';
import { NotFound } from './components/PageState.js';
import { BorrowerHomePage, BorrowerLoanPage, VerifySamplePage } from './custody/BorrowerPages.js';
import { CollectionsPage } from './custody/CollectionsPage.js';
import { CuratorLoanPage } from './custody/CuratorLoanPage.js';
import { CuratorLoansPage } from './custody/CuratorLoansPage.js';
import { CustodyHomePage } from './custody/CustodyHomePage.js';
import { GenealogyPage } from './custody/GenealogyPage.js';
import { AuditSamplesPage, DiscrepanciesPage, OverduePage, WherePage } from './custody/ListsPages.js';
import { useT } from './i18n/index.js';
import { AccountPage } from './pages/account/AccountPage.js';
import { AdminPage } from './pages/admin/AdminPage.js';
import { AgreementPage } from './pages/agreements/AgreementPage.js';
import { AgreementsHomePage } from './pages/agreements/AgreementsHomePage.js';
import { MilestonesPage } from './pages/agreements/MilestonesPage.js';
import { OpenLoanPage } from './pages/agreements/OpenLoanPage.js';
import { SignPage } from './pages/agreements/SignPage.js';
import { ApplicationPage } from './pages/applications/ApplicationPage.js';
import { MyApplicationsPage } from './pages/applications/MyApplicationsPage.js';
import { SubmittedApplicationPage } from './pages/applications/SubmittedApplicationPage.js';
import { AcceptInvitationPage } from './pages/auth/AcceptInvitationPage.js';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.js';
import { SignInPage } from './pages/auth/SignInPage.js';
import { SignUpPage } from './pages/auth/SignUpPage.js';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage.js';
import { CountriesPage } from './pages/CountriesPage.js';
import { CountryPage } from './pages/CountryPage.js';
import { CallPage } from './pages/calls/CallPage.js';
import { CallsPage } from './pages/calls/CallsPage.js';
import { CallEditorPage } from './pages/calls/editor/CallEditorPage.js';
import { MyCallsPage } from './pages/calls/MyCallsPage.js';
import { OfficerPage } from './pages/calls/OfficerPage.js';
import { HomePage } from './pages/HomePage.js';
import { InstitutionPage } from './pages/InstitutionPage.js';
import { MissionPage } from './pages/MissionPage.js';
import { ProgramPage } from './pages/ProgramPage.js';
import { ProgramsPage } from './pages/ProgramsPage.js';
import { BoardExpertPage } from './pages/review/BoardExpertPage.js';
import { CallReviewPage } from './pages/review/CallReviewPage.js';
import { ExpertProfilePage } from './pages/review/ExpertProfilePage.js';
import { ReviewFormPage } from './pages/review/ReviewFormPage.js';
import { RoundBoardPage } from './pages/review/RoundBoardPage.js';
import { WorkspacePage } from './pages/review/WorkspacePage.js';
import { SelectionBoardPage } from './pages/selection/SelectionBoardPage.js';
import { ApiDocsPage } from './portal/ApiDocsPage.js';
import { InstitutionsPage } from './portal/InstitutionsPage.js';
import { MissionsPage } from './portal/MissionsPage.js';
import { SearchPage } from './portal/SearchPage.js';
import { StatisticsPage } from './portal/StatisticsPage.js';
import { CallResultsPage } from './results/CallResultsPage.js';
import { ResultsPage } from './results/ResultsPage.js';
import { matchRoute, type Route, usePath } from './router.js';
import { useTitle } from './use-title.js';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'programs':
      return <ProgramsPage />;
    case 'program':
      return <ProgramPage slug={route.slug} />;
    case 'mission':
      return <MissionPage slug={route.slug} />;
    case 'institution':
      return <InstitutionPage slug={route.slug} />;
    case 'countries':
      return <CountriesPage />;
    case 'country':
      return <CountryPage code={route.code} />;
    case 'calls':
      return <CallsPage />;
    case 'call':
      return <CallPage slug={route.slug} />;
    case 'call-applications':
      return <OfficerPage slug={route.slug} />;
    case 'applications':
      return <MyApplicationsPage />;
    case 'application':
      return <ApplicationPage id={route.id} />;
    case 'sign-in':
      return <SignInPage />;
    case 'sign-up':
      return <SignUpPage />;
    case 'verify-email':
      return <VerifyEmailPage />;
    case 'reset-password':
      return <ResetPasswordPage />;
    case 'accept-invitation':
      return <AcceptInvitationPage />;
    case 'account':
      return <AccountPage />;
    case 'admin':
      return <AdminPage />;
    case 'agreements':
      return <AgreementsHomePage />;
    case 'agreement':
      return <AgreementPage id={route.id} />;
    case 'agreement-sign':
      return <SignPage id={route.id} />;
    case 'agreement-milestones':
      return <MilestonesPage id={route.id} />;
    case 'agreement-loan':
      return <OpenLoanPage id={route.id} />;
    case 'my-calls':
      return <MyCallsPage />;
    case 'call-new':
      return <CallEditorPage />;
    case 'call-edit':
      return <CallEditorPage id={route.id} />;
    case 'submitted-application':
      return <SubmittedApplicationPage id={route.id} />;
    case 'review':
      return <WorkspacePage />;
    case 'review-expert':
      return <ExpertProfilePage id={route.id} />;
    case 'review-assignment':
      return <ReviewFormPage id={route.id} />;
    case 'staff-call-review':
      return <CallReviewPage callId={route.callId} />;
    case 'staff-call-selection':
      return <SelectionBoardPage callId={route.callId} />;
    case 'staff-review-round':
      return <RoundBoardPage roundId={route.id} />;
    case 'missions':
      return <MissionsPage />;
    case 'institutions':
      return <InstitutionsPage />;
    case 'api-docs':
      return <ApiDocsPage />;
    case 'search':
      return <SearchPage />;
    case 'results':
      return <ResultsPage />;
    case 'call-results':
      return <CallResultsPage slug={route.slug} />;
    case 'staff-review-expert':
      return <BoardExpertPage roundId={route.roundId} expertId={route.expertId} />;
    case 'statistics':
      return <StatisticsPage />;
    case 'custody':
      return <CustodyHomePage />;
    case 'custody-loans':
      return <CuratorLoansPage />;
    case 'custody-loan':
      return <CuratorLoanPage id={route.id} />;
    case 'custody-overdue':
      return <OverduePage />;
    case 'custody-where':
      return <WherePage />;
    case 'custody-discrepancies':
      return <DiscrepanciesPage />;
    case 'custody-audit':
      return <AuditSamplesPage />;
    case 'custody-sample':
      return <GenealogyPage id={route.id} />;
    case 'borrower':
      return <BorrowerHomePage />;
    case 'borrower-loan':
      return <BorrowerLoanPage id={route.id} />;
    case 'verify-sample':
      return <VerifySamplePage number={route.number} />;
    case 'samples':
      return <CataloguePage />;
    case 'sample-collection':
      return <CatalogueCollectionPage slug={route.slug} />;
    case 'custody-collections':
      return <CollectionsPage />;
    default:
      return <UnknownPage />;
  }
}

function UnknownPage() {
  const { t } = useT('common');
  useTitle(t('state.notFoundTitle'));
  return <NotFound />;
}

export function App() {
  // Subscribes the whole tree to the language: switching re-renders every page in place, no reload.
  const { t } = useT('common');
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a client-side navigation, move focus to the new page so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header path={path} />
      <main id="main" ref={main} tabIndex={-1} className="page" data-testid="main">
        <Page key={path} route={matchRoute(path)} />
      </main>
      <footer className="site-footer">
        {t('app.footer')} <span className="unconfirmed">{t('app.footerUnconfirmed')}</span> {t('app.footerUnconfirmedNote')} ·{' '}
        <a href="/api/docs">{t('app.footerApi')}</a>
      </footer>
    </>
  );
}
