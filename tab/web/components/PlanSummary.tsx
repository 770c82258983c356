import { Text } from '@fluentui/react-components';
import { useI18n } from '../i18n/locale-context.js';
import type { PlanDto } from '../models/api-contract.js';
import { DateText } from './DateText.js';

/** The plan's name and period (令和６〜９年度) and, when asked, the guideline's commencement. */
export function PlanPeriod({ plan, withGuideline = false }: { plan: PlanDto; withGuideline?: boolean }) {
  const { t } = useI18n();
  const period = t('planPeriodValue', {
    from: plan.fromFiscalYear - 2018,
    to: plan.toFiscalYear - 2018,
    fromYear: plan.fromFiscalYear,
    toYear: plan.toFiscalYear,
  });
  return (
    <div data-plan-period>
      <Text block>
        「{plan.name}」 <strong>{t('planPeriod')}:</strong> {period}
      </Text>
      {withGuideline && plan.guideline && (
        <Text block>
          <strong>{t('effectiveFrom')}:</strong> <DateText value={plan.guideline.effectiveFrom} /> （{plan.guideline.name}）
        </Text>
      )}
    </div>
  );
}

/** The three perspectives of a proposal-based PT theme with their ねらい, worded as the document prints them. */
export function PlanPerspectives({ plan }: { plan: PlanDto }) {
  const { t } = useI18n();
  return (
    <div data-plan-perspectives>
      <Text weight="semibold" block>
        {t('perspectivesTitle')}
      </Text>
      <ol type="a">
        {plan.perspectives.map((perspective) => (
          <li key={perspective.id} data-perspective={perspective.id}>
            <Text block>{perspective.viewpoint}</Text>
            <Text block size={200}>
              {t('perspectiveAim')}: {perspective.aim}
            </Text>
          </li>
        ))}
      </ol>
    </div>
  );
}
