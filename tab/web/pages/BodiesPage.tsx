import { Text } from '@fluentui/react-components';
import { DateText } from '../components/DateText.js';
import { LoadView } from '../components/LoadView.js';
import { PlanPeriod } from '../components/PlanSummary.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { BodyDetailDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';

/** HQ and the promotion council as the guideline sets them up; PTs have their own page. */
async function loadBodies(): Promise<BodyDetailDto[]> {
  const bodies = (await programmeApi.bodies()).filter((body) => body.kind === 'hq' || body.kind === 'council');
  return Promise.all(bodies.map((body) => programmeApi.body(body.id)));
}

function RosterLine({ entry }: { entry: BodyDetailDto['roster'][number] }) {
  const { t } = useI18n();
  const role = entry.role === 'chair' ? t('chairRole') : entry.role === 'viceChair' ? t('viceChairRole') : undefined;
  const notes = [role, entry.rank ? t('rankOrder', { rank: entry.rank }) : undefined, entry.moderator ? t('moderatorRole') : undefined].filter(Boolean);
  return (
    <li data-post-id={entry.postId}>
      {entry.title}
      {notes.length > 0 ? `（${notes.join('・')}）` : ''}
    </li>
  );
}

/** 会議体: each body's 所掌事項, purpose, effective date, secretariat and roster; the plan's period above. */
export function BodiesPage() {
  const { t, locale } = useI18n();
  const bodies = useLoad(loadBodies, []);
  const plan = useLoad(() => programmeApi.plan(), []);
  return (
    <>
      {plan.state === 'ready' && (
        <Section title={plan.data.name}>
          <PlanPeriod plan={plan.data} withGuideline />
        </Section>
      )}
      <LoadView load={bodies} reload={bodies.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <>
            {list.map((body) => (
              <Section key={body.id} title={locale === 'ja' ? `${body.name}（${body.shortName}）` : body.nameEn} id={`body-${body.id}`}>
                {body.purpose && (
                  <Text block>
                    <strong>{t('purpose')}:</strong> {body.purpose}
                  </Text>
                )}
                {body.effectiveFrom && (
                  <Text block data-field="effectiveFrom">
                    <strong>{t('effectiveFrom')}:</strong> <DateText value={body.effectiveFrom} />
                    {body.guideline ? `（${body.guideline}）` : ''}
                  </Text>
                )}
                {body.remit.length > 0 && (
                  <div data-field="remit">
                    <Text weight="semibold" block>
                      {t('remit')}
                      {body.remitSource ? `（${body.remitSource}）` : ''}
                    </Text>
                    <ol>
                      {body.remit.map((item) => (
                        <li key={item.number} value={item.number}>
                          {item.text}
                        </li>
                      ))}
                    </ol>
                  </div>
                )}
                <Text block>
                  <strong>{t('secretariat')}:</strong> {body.secretariat.map((unit) => unit.name).join('、')}
                </Text>
                <Text weight="semibold" block>
                  {t('bodyRoster')}（{body.roster.length}）
                </Text>
                <ul data-field="roster">
                  {body.roster.map((entry) => (
                    <RosterLine key={entry.postId} entry={entry} />
                  ))}
                </ul>
              </Section>
            ))}
          </>
        )}
      </LoadView>
    </>
  );
}
