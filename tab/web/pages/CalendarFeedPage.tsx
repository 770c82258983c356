import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DateText } from '../components/DateText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { CalendarFeedUrlsDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';

function CopyableUrl({ label, url }: { label: string; url: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <Field label={label}>
      <div style={{ display: 'flex', gap: 8 }}>
        <Input readOnly value={url} style={{ flexGrow: 1 }} onFocus={(event) => event.currentTarget.select()} />
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
    </Field>
  );
}

/**
 * 予定表連携: a secret iCalendar URL for Outlook (meetings and deadlines in Japan time) and one per
 * body. The URL is shown only when made; rotating makes a new one and the old one stops working.
 */
export function CalendarFeedPage() {
  const { t, locale } = useI18n();
  const feed = useLoad(() => programmeApi.calendarFeed(), []);
  const [urls, setUrls] = useState<CalendarFeedUrlsDto>();
  const [error, setError] = useState<unknown>();
  const absolute = (path: string) => new URL(path, window.location.origin).toString();
  const rotate = async () => {
    setError(undefined);
    try {
      setUrls(await programmeApi.rotateCalendarFeed());
      feed.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Section title={t('navCalendarFeed')}>
      <Text>{t('calendarFeedIntro')}</Text>
      <LoadView load={feed} reload={feed.reload}>
        {(data) => (
          <div style={{ display: 'grid', gap: 12, marginTop: 12 }}>
            {data.active && data.createdAt && !urls && (
              <Text>
                {t('calendarFeedActive')} <DateText value={data.createdAt} withTime />
              </Text>
            )}
            <ErrorNotice error={error} />
            {urls && (
              <>
                <MessageBar intent="warning" role="status">
                  <MessageBarBody>{t('calendarFeedShownOnce')}</MessageBarBody>
                </MessageBar>
                <CopyableUrl label={t('calendarFeedPersonal')} url={absolute(urls.personal)} />
                <Text weight="semibold">{t('calendarFeedBodies')}</Text>
                {urls.bodies.map((body) => (
                  <CopyableUrl key={body.id} label={locale === 'ja' ? body.name : body.nameEn} url={absolute(body.url)} />
                ))}
              </>
            )}
            <div>
              <Button appearance="primary" onClick={() => void rotate()}>
                {data.active ? t('calendarFeedRotate') : t('calendarFeedCreate')}
              </Button>
            </div>
            {data.active && <Text size={200}>{t('calendarFeedRotateHint')}</Text>}
            <Text size={200}>{t('calendarFeedOutlook')}</Text>
          </div>
        )}
      </LoadView>
    </Section>
  );
}
