import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../shared/meetings/meeting-input.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { BodyDto, ProjectTeamSummaryDto } from '../../models/api-contract.js';
import { jstInstantOf } from '../../models/jst-input.js';
import { programmeApi } from '../../services/programme-api.js';

/** "氏名,所属" or "氏名（所属）" per line. */
function parseGuests(text: string): { name: string; affiliation?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bracket = /^(.*?)[（(](.*)[）)]$/.exec(line);
      const [name, affiliation] = bracket ? [bracket[1]!, bracket[2]!] : (line.split(/[,，、]/, 2) as [string, string?]);
      return affiliation?.trim() ? { name: name.trim(), affiliation: affiliation.trim() } : { name: name.trim() };
    });
}

/**
 * Convenes a meeting of a body the viewer may convene, starting on the one they chair (the
 * server marks it `conveneDefault`); for a body the viewer only prepares (HQ's and the council's
 * 庶務), the same form makes a draft convocation the chair issues. The form's id makes a double
 * submit return the first meeting; the use case checks the authority again and plans the notices.
 */
export function ConveneMeetingForm({
  bodies,
  teams,
  onConvened,
}: {
  bodies: readonly BodyDto[];
  teams: readonly ProjectTeamSummaryDto[];
  onConvened: (meetingId: string, prepared: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const [meetingId, setMeetingId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({
    bodyId: (bodies.find((body) => body.conveneDefault) ?? bodies.find((body) => body.kind === 'hq') ?? bodies[0])?.id ?? '',
    date: '',
    startTime: '10:00',
    endTime: '11:00',
    place: '',
    onlineUrl: '',
    agenda: '',
    guests: '',
  });
  const [reporting, setReporting] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (_: unknown, data: { value: string }) => setForm((current) => ({ ...current, [field]: data.value }));
  const preparing = bodies.find((body) => body.id === form.bodyId)?.mayConvene === false;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await (preparing ? programmeApi.prepareConvocation : programmeApi.conveneMeeting)({
        meetingId,
        bodyId: form.bodyId,
        startsAt: jstInstantOf(form.date, form.startTime),
        endsAt: jstInstantOf(form.date, form.endTime),
        place: form.place || undefined,
        onlineUrl: form.onlineUrl || undefined,
        agenda: form.agenda
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        ptProgress: reporting,
        guests: parseGuests(form.guests),
      });
      onConvened(meetingId, preparing);
      setMeetingId(crypto.randomUUID());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={t(preparing ? 'prepareConvocation' : 'conveneMeeting')}
      style={{ display: 'grid', gap: 12, maxWidth: 720 }}
    >
      <Field label={t('body')} required>
        <Select name="bodyId" value={form.bodyId} onChange={set('bodyId')}>
          {bodies.map((body) => (
            <option key={body.id} value={body.id}>
              {locale === 'ja' ? body.name : body.nameEn}
            </option>
          ))}
        </Select>
      </Field>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Field label={t('date')} required>
          <Input type="date" name="date" value={form.date} onChange={set('date')} required />
        </Field>
        <Field label={t('startTime')} required>
          <Input type="time" name="startTime" value={form.startTime} onChange={set('startTime')} required />
        </Field>
        <Field label={t('endTime')} required>
          <Input type="time" name="endTime" value={form.endTime} onChange={set('endTime')} required />
        </Field>
      </div>
      <Field label={t('place')}>
        <Input name="place" value={form.place} onChange={set('place')} maxLength={MEETING_LIMITS.place} />
      </Field>
      <Field label={t('onlineUrl')}>
        <Input type="url" name="onlineUrl" value={form.onlineUrl} onChange={set('onlineUrl')} maxLength={MEETING_LIMITS.onlineUrl} />
      </Field>
      <Field label={t('agendaLines')}>
        <Textarea name="agenda" value={form.agenda} onChange={set('agenda')} rows={3} />
      </Field>
      {teams.length > 0 && (
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t('ptProgressAgenda')}</legend>
          <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
            {teams.map((team) => (
              <Checkbox
                key={team.id}
                label={`${team.items} ${team.title}`}
                checked={reporting.includes(team.id)}
                onChange={(_, data) => setReporting((current) => (data.checked ? [...current, team.id] : current.filter((id) => id !== team.id)))}
              />
            ))}
          </div>
        </fieldset>
      )}
      <Field label={t('guestLines')}>
        <Textarea name="guests" value={form.guests} onChange={set('guests')} rows={2} />
      </Field>
      {preparing && <Text>{t('prepareHint')}</Text>}
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary" disabled={busy || !form.date}>
          {t(preparing ? 'prepareConvocation' : 'convene')}
        </Button>
      </div>
    </form>
  );
}
