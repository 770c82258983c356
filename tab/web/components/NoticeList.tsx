import { Badge, Button, Link, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DECISION_NEXT_STEPS, PROPOSAL_STATE_LABELS, TEAM_ROLE_LABELS } from '../../../shared/i18n/labels.js';
import { isDecision } from '../../../shared/proposals/proposal.js';
import { useI18n } from '../i18n/locale-context.js';
import type { NoticeDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { DateText } from './DateText.js';
import { hrefOf } from './use-hash-route.js';

/** One notice: what it says, and for an unread one a button that marks it read. */
function NoticeItem({ notice }: { notice: NoticeDto }) {
  const { t, locale } = useI18n();
  const [unread, setUnread] = useState(notice.unread);
  const markRead = async () => {
    await programmeApi.markNoticeRead(notice.id);
    setUnread(false);
  };
  const subject = notice.subject;
  let content;
  switch (subject.kind) {
    case 'proposalDecision':
      content = (
        <>
          <Text weight="semibold">{t('noticeDecision')}</Text> <Link href={hrefOf('proposals')}>{subject.title || '—'}</Link>{' '}
          {subject.receiptNumber && <Text size={200}>({subject.receiptNumber})</Text>}
          <Text block>
            <Badge appearance="tint">{PROPOSAL_STATE_LABELS[subject.state][locale]}</Badge> {subject.reason && `${t('reason')}: ${subject.reason}`}
          </Text>
          {isDecision(subject.state) && (
            <Text block size={200}>
              {t('nextSteps')}: {DECISION_NEXT_STEPS[subject.state][locale]}
            </Text>
          )}
        </>
      );
      break;
    case 'recruitmentOutcome':
      content = (
        <>
          <Text weight="semibold">{t('noticeRecruitment')}</Text> <Link href={hrefOf('proposal-pt', subject.projectId)}>{subject.projectTitle}</Link>
          <Text block>{subject.role ? t('noticeSelected', { role: TEAM_ROLE_LABELS[subject.role][locale] }) : t('noticeNotSelected')}</Text>
        </>
      );
      break;
    case 'meetingChanged':
      content = (
        <>
          <Text weight="semibold">{t(subject.change === 'cancelled' ? 'noticeMeetingCancelled' : 'noticeMeetingRescheduled')}</Text>{' '}
          <Link href={hrefOf('meetings', subject.meetingId)}>
            {locale === 'ja' ? subject.bodyName : subject.bodyNameEn} {t('ordinal', { n: subject.ordinal })}
          </Link>
          <Text block size={200}>
            {t('noticePreviousTime')}: <DateText value={subject.previousStartsAt} withTime />
            {subject.change === 'rescheduled' && (
              <>
                {' → '}
                <DateText value={subject.startsAt} withTime />
              </>
            )}
          </Text>
        </>
      );
      break;
    case 'convocationToIssue':
      content = (
        <>
          <Text weight="semibold">{t(subject.issued ? 'noticeConvocationIssued' : 'noticeConvocationToIssue')}</Text>{' '}
          <Link href={hrefOf('meetings', subject.meetingId)}>
            {locale === 'ja' ? subject.bodyName : subject.bodyNameEn} {t('ordinal', { n: subject.ordinal })}
          </Link>{' '}
          <DateText value={subject.startsAt} withTime />
        </>
      );
      break;
  }
  return (
    <li data-notice-id={notice.id} data-unread={unread ? 'true' : 'false'} style={{ marginBottom: 8 }}>
      {unread && (
        <Badge color="important" style={{ marginRight: 6 }}>
          {t('unread')}
        </Badge>
      )}
      <DateText value={notice.createdAt} withTime /> {content}
      {unread && (
        <Button size="small" appearance="subtle" onClick={() => void markRead()}>
          {t('markRead')}
        </Button>
      )}
    </li>
  );
}

/** The dashboard's お知らせ: decisions, application outcomes and changed meetings for the viewer. */
export function NoticeList({ notices }: { notices: readonly NoticeDto[] }) {
  const { t } = useI18n();
  if (notices.length === 0) return <Text>{t('noNotices')}</Text>;
  return (
    <ul aria-label={t('notices')} style={{ paddingLeft: 16 }}>
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </ul>
  );
}
