import { Button, Caption1, MessageBar, MessageBarBody, Tab, TabList, Title3 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { ViewerDto } from '../models/api-contract.js';
import { hrefOf } from './use-hash-route.js';

const PAGES: { page: string; label: MessageKey; reviewerOnly?: boolean; adminOnly?: boolean }[] = [
  { page: 'home', label: 'navHome' },
  { page: 'meetings', label: 'navMeetings' },
  { page: 'bodies', label: 'navBodies' },
  { page: 'pts', label: 'navPts' },
  { page: 'proposals', label: 'navProposals' },
  { page: 'proposal-pt', label: 'navProposalPt' },
  { page: 'review', label: 'navReview', reviewerOnly: true },
  { page: 'practices', label: 'navPractices' },
  { page: 'schedule', label: 'navSchedule' },
  { page: 'calendar-feed', label: 'navCalendarFeed' },
  // The secretariat sees the notifications overview there; the imports stay admin-only.
  { page: 'admin', label: 'navAdmin', reviewerOnly: true },
];

/** Title, navigation and (outside Teams only) the local-mode controls. */
export function AppShell(props: {
  page: string;
  viewer?: ViewerDto | undefined;
  /** Switches between Japanese and English (stored as the person's choice when they are in the directory). */
  onChangeLanguage: () => void;
  devControls?: { onSignOut: () => void } | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const reviewer = props.viewer?.roles.secretariat || props.viewer?.roles.admin;
  return (
    <div style={{ padding: '12px 20px' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Title3 as="h1">{t('appTitle')}</Title3>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          {props.viewer && (
            <Caption1 data-testid="viewer-name">
              {props.viewer.displayName}
              {props.viewer.unitName ? `（${props.viewer.unitName}）` : ''}
            </Caption1>
          )}
          <Button size="small" onClick={props.onChangeLanguage}>
            {t('language')}
          </Button>
          {props.devControls && (
            <Button size="small" onClick={props.devControls.onSignOut}>
              {t('signOut')}
            </Button>
          )}
        </div>
      </header>
      <nav aria-label={t('appTitle')}>
        <TabList
          style={{ flexWrap: 'wrap' }}
          selectedValue={props.page === 'calendar' ? 'meetings' : props.page}
          onTabSelect={(_, data) => (window.location.hash = hrefOf(String(data.value)))}
        >
          {PAGES.filter((entry) => (!entry.reviewerOnly || reviewer) && (!entry.adminOnly || props.viewer?.roles.admin)).map((entry) => (
            <Tab key={entry.page} value={entry.page}>
              {t(entry.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {props.viewer?.directoryNotice && (
        <MessageBar intent="warning" data-testid="directory-notice" style={{ marginTop: 8 }}>
          <MessageBarBody>{props.viewer.directoryNotice.message}</MessageBarBody>
        </MessageBar>
      )}
      <main style={{ marginTop: 12 }}>{props.children}</main>
    </div>
  );
}
