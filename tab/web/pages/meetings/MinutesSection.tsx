import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadView } from '../../components/LoadView.js';
import { Section } from '../../components/Section.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MeetingDetailDto, MinutesDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { MinutesEditor } from './MinutesEditor.js';
import { MinutesView } from './MinutesView.js';

/** 確定する with a prompt first: confirming freezes the minutes and tells proposers of decisions. */
function ConfirmMinutes({ minutes, onConfirmed }: { minutes: MinutesDto; onConfirmed: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await programmeApi.confirmMinutes(minutes.meetingId);
      setAsking(false);
      onConfirmed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      {asking ? (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <span role="alert">{t('confirmMinutesPrompt')}</span>
          <Button appearance="primary" disabled={busy} onClick={() => void confirm()} data-testid="confirm-minutes-yes">
            {t('confirmMinutes')}
          </Button>
          <Button appearance="subtle" onClick={() => setAsking(false)}>
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setAsking(true)}>
            {t('confirmMinutes')}
          </Button>
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

/**
 * 議事録 on the meeting page: members read confirmed minutes; the secretariat edits the draft; the
 * chair who presided (or whoever acted for the chair) confirms it.
 */
export function MinutesSection({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n();
  const minutes = useLoad(() => programmeApi.minutes(meeting.id), [meeting.id]);
  const [notice, setNotice] = useState<string>();
  return (
    <Section title={t('minutes')} id="minutes">
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <LoadView load={minutes} reload={minutes.reload}>
        {(data) =>
          !data ? (
            <Text>{t('minutesNone')}</Text>
          ) : (
            <>
              {data.mayEdit ? <MinutesEditor minutes={data} onSaved={minutes.reload} /> : <MinutesView minutes={data} />}
              {data.mayConfirm && (
                <ConfirmMinutes
                  minutes={data}
                  onConfirmed={() => {
                    setNotice(t('minutesConfirmedNotice'));
                    minutes.reload();
                  }}
                />
              )}
            </>
          )
        }
      </LoadView>
    </Section>
  );
}
