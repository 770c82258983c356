import { FluentProvider, Spinner, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../../shared/i18n/locale.js';
import { parseTabRoutePath, tabRoutePath } from '../../shared/links/tab-links.js';
import { AppShell } from './components/AppShell.js';
import { useHashRoute } from './components/use-hash-route.js';
import { useLoad } from './components/use-load.js';
import { LocaleContext } from './i18n/locale-context.js';
import { translate } from './i18n/messages.js';
import { AdminPage } from './pages/AdminPage.js';
import { BodiesPage } from './pages/BodiesPage.js';
import { ChannelConfigPage } from './pages/ChannelConfigPage.js';
import { CalendarFeedPage } from './pages/CalendarFeedPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { MeetingPage, MeetingsPage } from './pages/MeetingsPage.js';
import { PracticesPage } from './pages/PracticesPage.js';
import { ProjectTeamPage, ProjectTeamsPage } from './pages/ProjectTeamsPage.js';
import { ProposalPtPage, RecruitmentPage } from './pages/ProposalPtPage.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { ReviewBoardPage } from './pages/ReviewBoardPage.js';
import { SchedulePage } from './pages/SchedulePage.js';
import { SignInPage } from './pages/SignInPage.js';
import { setApiLanguage } from './services/api-client.js';
import { hasLocalToken, onSessionChange, selectLocalSession, selectTeamsSso, signOut } from './services/auth-session.js';
import { programmeApi } from './services/programme-api.js';
import { connectToHost, onHostThemeChange, type HostContext, type HostTheme } from './services/teams-host.js';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

/** `/tab/config` is the channel tab's configuration page (manifest `configurationUrl`); static.ts serves it index.html. */
const isConfigPage = () => /\/config\/?$/.test(window.location.pathname);

type Mode = { kind: 'starting' } | { kind: 'teams' } | { kind: 'local'; signedIn: boolean } | { kind: 'unavailable' };

function Pages() {
  const route = useHashRoute();
  switch (route.page) {
    case 'meetings':
      return route.id ? <MeetingPage id={route.id} /> : <MeetingsPage />;
    case 'calendar':
      return <MeetingsPage view="calendar" month={route.id} />;
    case 'pts':
      return route.id ? <ProjectTeamPage id={route.id} /> : <ProjectTeamsPage />;
    case 'proposals':
      return <ProposalsPage id={route.id} />;
    case 'proposal-pt':
      return route.id ? <RecruitmentPage id={route.id} /> : <ProposalPtPage />;
    case 'review':
      return <ReviewBoardPage />;
    case 'practices':
      return <PracticesPage focusId={route.id} />;
    case 'admin':
      return <AdminPage />;
    case 'calendar-feed':
      return <CalendarFeedPage />;
    case 'schedule':
      return <SchedulePage />;
    case 'bodies':
      return <BodiesPage focusId={route.id} />;
    default:
      return <DashboardPage />;
  }
}

function SignedIn({
  locale,
  onLocale,
  devControls,
}: {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  devControls?: { onSignOut: () => void } | undefined;
}) {
  const route = useHashRoute();
  const viewer = useLoad(() => programmeApi.me(), []);
  const me = viewer.state === 'ready' ? viewer.data : undefined;
  // The language the person chose in the bot or here wins over the host's.
  useEffect(() => {
    if (me?.preferredLocale && me.preferredLocale !== locale) onLocale(me.preferredLocale);
  }, [me?.preferredLocale, locale, onLocale]);
  const changeLanguage = async () => {
    const next: Locale = locale === 'ja' ? 'en' : 'ja';
    // Stored for a directory member, so the bot and notifications follow; others switch this view only.
    if (me?.staffId) await programmeApi.savePreferences({ locale: next }).catch(() => undefined);
    onLocale(next);
  };
  return (
    <AppShell page={route.page} viewer={me} onChangeLanguage={() => void changeLanguage()} devControls={devControls}>
      <Pages />
    </AppShell>
  );
}

/**
 * A deep link from a card (`subEntityId` `meetings/<id>`) opens that page, once, at start: a
 * route the tab knows becomes the hash; anything else leaves the dashboard.
 */
function openDeepLinkedPage(subPageId: string | undefined): void {
  const route = subPageId ? parseTabRoutePath(subPageId) : undefined;
  if (route) window.location.hash = `#/${tabRoutePath(route)}`;
}

/**
 * Connects to Teams (or finds itself in a plain browser), picks the token source, and follows the
 * Teams theme live. Local-mode controls appear only outside Teams.
 */
export function App() {
  const [host, setHost] = useState<HostContext>();
  const [theme, setTheme] = useState<HostTheme>('default');
  const [locale, setLocale] = useState<Locale>('ja');
  const [mode, setMode] = useState<Mode>({ kind: 'starting' });

  useEffect(() => {
    void (async () => {
      const connected = await connectToHost();
      setHost(connected);
      setTheme(connected.theme);
      setLocale(connected.locale);
      if (connected.inTeams) {
        openDeepLinkedPage(connected.subPageId);
        selectTeamsSso();
        onHostThemeChange(setTheme);
        setMode({ kind: 'teams' });
        return;
      }
      const status = await programmeApi.localStatus().catch(() => ({ localMode: false }));
      if (!status.localMode) return setMode({ kind: 'unavailable' });
      selectLocalSession();
      setMode({ kind: 'local', signedIn: hasLocalToken() });
    })();
    return onSessionChange(() => setMode((current) => (current.kind === 'local' ? { kind: 'local', signedIn: hasLocalToken() } : current)));
  }, []);

  useEffect(() => {
    setApiLanguage(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const changeLocale = useCallback((next: Locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set('locale', next);
    window.history.replaceState(null, '', url);
    setLocale(next);
  }, []);

  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
      <LocaleContext.Provider value={locale}>
        {mode.kind === 'starting' && <Spinner label={translate(locale, 'loading')} style={{ marginTop: 48 }} />}
        {mode.kind === 'unavailable' && <Text style={{ display: 'block', padding: 24 }}>{translate(locale, 'notInTeams')}</Text>}
        {mode.kind === 'teams' && host && (isConfigPage() ? <ChannelConfigPage inTeams /> : <SignedIn key={locale} locale={locale} onLocale={changeLocale} />)}
        {mode.kind === 'local' && !mode.signedIn && <SignInPage />}
        {mode.kind === 'local' && mode.signedIn && isConfigPage() && <ChannelConfigPage inTeams={false} />}
        {mode.kind === 'local' && mode.signedIn && !isConfigPage() && (
          <SignedIn key={locale} locale={locale} onLocale={changeLocale} devControls={{ onSignOut: signOut }} />
        )}
      </LocaleContext.Provider>
    </FluentProvider>
  );
}
