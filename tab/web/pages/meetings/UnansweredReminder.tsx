import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/time/reiwa.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MeetingDetailDto, RsvpReminderDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';

/**
 * The convener's once-only reminder to those who have not answered: a button while it may be
 * sent, 「送信済み（日時）」 once it has been, and how many the bot could not reach.
 */
export function UnansweredReminder({ meeting, onSent }: { meeting: MeetingDetailDto; onSent: () => void }) {
  const { t, locale } = useI18n();
  const [done, setDone] = useState<RsvpReminderDto>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sent = done ?? meeting.rsvpReminder;
  const unanswered = meeting.attendance?.unanswered ?? 0;
  if (!sent && !meeting.mayRemind) return null;
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setDone(await programmeApi.remindUnanswered(meeting.id));
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'grid', gap: 8, marginBottom: 8 }} data-testid="rsvp-reminder">
      {done && (
        <MessageBar intent={done.unreachable ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            {t('reminderDone', { recipients: done.recipients })}
            {done.unreachable > 0 && ` ${t('reminderUnreachable', { unreachable: done.unreachable })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        {sent ? (
          <Button disabled>{t('reminderSentAt', { at: formatDateTime(new Date(sent.sentAt), locale) })}</Button>
        ) : (
          <Button onClick={() => void send()} disabled={busy || unanswered === 0}>
            {t('remindUnanswered', { count: unanswered })}
          </Button>
        )}
        <Text size={200}>
          {sent ? t('reminderSentBy', { name: sent.sentByName, recipients: sent.recipients, unreachable: sent.unreachable }) : t('reminderHint')}
        </Text>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}
