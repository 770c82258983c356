import { Button, Caption1, Text, Title2 } from '@fluentui/react-components';
import { GRADE_LABELS } from '../../../shared/organisation/grade.js';
import { LoadView } from '../components/LoadView.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import { storeLocalToken } from '../services/auth-session.js';
import { programmeApi } from '../services/programme-api.js';

/** Local mode only (never inside Teams): pick a demo member of staff to act as. */
export function SignInPage() {
  const { t, locale } = useI18n();
  const people = useLoad(() => programmeApi.localStaff(), []);
  const signIn = async (staffId: string) => storeLocalToken(await programmeApi.localToken(staffId));
  return (
    <main style={{ padding: 24, maxWidth: 720 }}>
      <Title2 as="h1">{t('signInTitle')}</Title2>
      <p>
        <Text>{t('signInHint')}</Text>
      </p>
      <LoadView load={people} reload={people.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <ul style={{ listStyle: 'none', padding: 0 }} aria-label={t('signInTitle')}>
            {list.map((person) => (
              <li key={person.staffId} style={{ marginBottom: 8 }}>
                <Button data-staff-id={person.staffId} onClick={() => void signIn(person.staffId)} style={{ minWidth: 280, justifyContent: 'flex-start' }}>
                  {person.displayName}
                </Button>{' '}
                <Caption1>
                  {person.unitName ?? ''} · {GRADE_LABELS[person.grade][locale]}
                  {person.secretariat ? ` · ${t('secretariatBadge')}` : ''}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </LoadView>
    </main>
  );
}
