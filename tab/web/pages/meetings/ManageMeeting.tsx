import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MeetingDetailDto } from '../../models/api-contract.js';
import { jstInputsOf, jstInstantOf } from '../../models/jst-input.js';
import { programmeApi } from '../../services/programme-api.js';

/** Reschedule (the old time stays in the history) or cancel, for those who may convene the body. */
export function ManageMeeting({ meeting, onChanged }: { meeting: MeetingDetailDto; onChanged: () => void }) {
  const { t } = useI18n();
  const start = jstInputsOf(meeting.startsAt);
  const end = jstInputsOf(meeting.endsAt);
  const [form, setForm] = useState({ date: start.date, startTime: start.time, endTime: end.time, place: meeting.place ?? '', reason: '' });
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const set = (field: keyof typeof form) => (_: unknown, data: { value: string }) => setForm((current) => ({ ...current, [field]: data.value }));
  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await work();
      setNotice(done);
      setConfirming(false);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  const reschedule = () =>
    act(
      () =>
        programmeApi.rescheduleMeeting(meeting.id, {
          startsAt: jstInstantOf(form.date, form.startTime),
          endsAt: jstInstantOf(form.date, form.endTime),
          place: form.place || undefined,
          reason: form.reason || undefined,
        }),
      t('rescheduled'),
    );
  return (
    <Section title={t('manageMeeting')}>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void reschedule();
        }}
        aria-label={t('reschedule')}
        style={{ display: 'grid', gap: 8, maxWidth: 720 }}
      >
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Field label={t('date')}>
            <Input type="date" name="date" value={form.date} onChange={set('date')} required />
          </Field>
          <Field label={t('startTime')}>
            <Input type="time" name="startTime" value={form.startTime} onChange={set('startTime')} required />
          </Field>
          <Field label={t('endTime')}>
            <Input type="time" name="endTime" value={form.endTime} onChange={set('endTime')} required />
          </Field>
        </div>
        <Field label={t('place')}>
          <Input name="place" value={form.place} onChange={set('place')} maxLength={200} />
        </Field>
        <Field label={t('rescheduleReason')}>
          <Input name="reason" value={form.reason} onChange={set('reason')} maxLength={500} />
        </Field>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button type="submit" appearance="primary">
            {t('reschedule')}
          </Button>
          {confirming ? (
            <>
              <span role="alert">{t('confirmCancel')}</span>
              <Button onClick={() => void act(() => programmeApi.cancelMeeting(meeting.id), t('cancelledNotice'))}>{t('cancelMeeting')}</Button>
              <Button appearance="subtle" onClick={() => setConfirming(false)}>
                {t('close')}
              </Button>
            </>
          ) : (
            <Button onClick={() => setConfirming(true)}>{t('cancelMeeting')}</Button>
          )}
        </div>
      </form>
      <ErrorNotice error={error} />
    </Section>
  );
}
