import { Badge, Button, Caption1, Subtitle2, Text, Title2 } from '@fluentui/react-components';
import { groupByRole } from '../../../shared/access/role-groups.js';
import { joinDetails } from '../../../shared/i18n/glossary.js';
import { ROLE_GROUP_LABELS } from '../../../shared/i18n/labels.js';
import { GRADE_LABELS } from '../../../shared/organisation/grade.js';
import { LoadView } from '../components/LoadView.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import { storeLocalToken } from '../services/auth-session.js';
import { programmeApi } from '../services/programme-api.js';

/**
 * Local mode only (never inside Teams): pick a demo member of staff to act as. People are grouped
 * under their highest programme role (本部長 … 職員, admin) and sorted by reading, so a newcomer
 * finds "the chair" or "someone in the secretariat" without knowing names; other roles are badges.
 */
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
        {(list) =>
          groupByRole(list).map(({ group, people: members }) => (
            <section key={group} data-role-group={group} aria-labelledby={`role-group-${group}`}>
              <Subtitle2 as="h2" id={`role-group-${group}`} style={{ display: 'block', margin: '16px 0 8px' }}>
                {ROLE_GROUP_LABELS[group][locale]}
              </Subtitle2>
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {members.map(({ person, others }) => (
                  <li key={person.staffId} style={{ marginBottom: 8 }}>
                    <Button data-staff-id={person.staffId} onClick={() => void signIn(person.staffId)} style={{ minWidth: 280, justifyContent: 'flex-start' }}>
                      {person.displayName}
                    </Button>{' '}
                    <Caption1>{joinDetails([person.unitName, GRADE_LABELS[person.grade][locale]])}</Caption1>
                    {others.map((role) => (
                      <Badge key={role} appearance="tint" data-role-badge={role} style={{ marginInlineStart: 4 }}>
                        {ROLE_GROUP_LABELS[role][locale]}
                      </Badge>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          ))
        }
      </LoadView>
    </main>
  );
}
