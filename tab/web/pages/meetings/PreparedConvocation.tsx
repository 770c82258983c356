import { Button, Checkbox, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MeetingDetailDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';

/**
 * A draft convocation the secretariat prepared. The chair (or acting chair) confirms the proposed
 * guests — only they decide who outside the membership attends (要綱 art. 4(2), 5(4)) — and
 * issues it with one button; everyone else sees that it waits and has been sent to nobody.
 */
export function PreparedConvocation({ meeting, onIssued }: { meeting: MeetingDetailDto; onIssued: () => void }) {
  const { t } = useI18n();
  const [kept, setKept] = useState<readonly boolean[]>(() => meeting.guests.map(() => true));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await programmeApi.issueConvocation(
        meeting.id,
        meeting.guests.filter((_, index) => kept[index]),
      );
      onIssued();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('preparedConvocation')}>
      <MessageBar intent="warning">
        <MessageBarBody>{t(meeting.mayIssue ? 'preparedHint' : 'preparedWaiting')}</MessageBarBody>
      </MessageBar>
      {meeting.mayIssue && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void issue();
          }}
          aria-label={t('issueConvocation')}
          style={{ display: 'grid', gap: 8, maxWidth: 720 }}
        >
          {meeting.guests.length > 0 && (
            <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t('guests')}</legend>
              {meeting.guests.map((guest, index) => (
                <Checkbox
                  key={`${guest.name}-${index}`}
                  label={guest.affiliation ? `${guest.name}（${guest.affiliation}）` : guest.name}
                  checked={kept[index] ?? false}
                  onChange={(_, data) => setKept((current) => current.map((value, at) => (at === index ? Boolean(data.checked) : value)))}
                />
              ))}
            </fieldset>
          )}
          <ErrorNotice error={error} />
          <div>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t('issueConvocation')}
            </Button>
          </div>
        </form>
      )}
      {!meeting.mayIssue && <Text size={200}>{t('prepareHint')}</Text>}
    </Section>
  );
}
