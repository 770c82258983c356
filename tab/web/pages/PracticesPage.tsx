import { Badge, Button, Card, CardHeader, Field, Input, Link, Text, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { practiceKindText } from '../../../shared/i18n/glossary.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import { programmeApi } from '../services/programme-api.js';

/**
 * 好事例: search by words and tags, "roll out here" interest with counts. `focusId` (`#/practices/<id>`,
 * a card's "open in the app") scrolls to that practice and outlines it.
 */
export function PracticesPage({ focusId }: { focusId?: string | undefined }) {
  const { t, locale } = useI18n();
  const scrollIntoView = useCallback((node: HTMLDivElement | null) => node?.scrollIntoView({ block: 'center' }), []);
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<unknown>();
  const practices = useLoad(() => programmeApi.practices(query), [query]);
  const interest = async (id: string) => {
    setError(undefined);
    try {
      await programmeApi.markInterest(id);
      practices.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Section title={t('navPractices')}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(words);
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'end' }}
      >
        <Field label={t('search')}>
          <Input value={words} onChange={(_, data) => setWords(data.value)} placeholder={t('searchPlaceholder')} maxLength={200} />
        </Field>
        <Button type="submit">{t('search')}</Button>
      </form>
      <ErrorNotice error={error} />
      <LoadView load={practices} reload={practices.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <div style={{ display: 'grid', gap: 8 }}>
            {list.map((practice) => (
              <Card
                key={practice.id}
                data-practice-id={practice.id}
                ref={practice.id === focusId ? scrollIntoView : undefined}
                aria-current={practice.id === focusId ? 'true' : undefined}
                style={practice.id === focusId ? { outline: `2px solid ${tokens.colorBrandStroke1}` } : undefined}
              >
                <CardHeader
                  header={
                    <Text weight="semibold">
                      {practice.number}.{' '}
                      {practice.link ? (
                        <Link href={practice.link} target="_blank" rel="noreferrer">
                          {practice.title}
                        </Link>
                      ) : (
                        practice.title
                      )}
                    </Text>
                  }
                  description={
                    <Text size={200} data-field="kind">
                      {practiceKindText({ origin: practice.origin, by: practice.origin === 'external' ? practice.publisher : practice.ownerUnitName }, locale)}
                    </Text>
                  }
                />
                <Badge appearance="tint" color={practice.status === 'planned' ? 'warning' : 'success'} data-practice-status={practice.status}>
                  {practice.status === 'planned' ? t('practicePlanned') : t('practiceOperating')}
                </Badge>
                {practice.summary && <Text data-field="description">{practice.summary}</Text>}
                <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
                  {practice.tags.map((tag) => (
                    <Badge key={tag} appearance="outline">
                      {tag}
                    </Badge>
                  ))}
                </div>
                <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <Button size="small" onClick={() => void interest(practice.id)}>
                    {t('rollOutHere')}
                  </Button>
                  <Text>{t('interestCount', { count: practice.interestCount })}</Text>
                </div>
              </Card>
            ))}
          </div>
        )}
      </LoadView>
    </Section>
  );
}
