import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/locale-context.js';
import type { ReviewProposalDto } from '../../models/api-contract.js';

// Side by side (the summary may be twice as long as the effect) where there is room, one under
// the other where there is not, and the same columns on every row; typed text keeps its line breaks.
const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase400 },
  wide: { gridColumn: '1 / -1' },
});

/** The whole of what was proposed: summary and expected effect in full, and other proposals on the same item. */
export function ProposalContent({ proposal }: { proposal: ReviewProposalDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <dl className={styles.root}>
      <div>
        <dt className={styles.term}>{t('summary')}</dt>
        <dd className={styles.text}>{proposal.summary}</dd>
      </div>
      <div>
        <dt className={styles.term}>{t('expectedEffect')}</dt>
        <dd className={styles.text}>{proposal.expectedEffect}</dd>
      </div>
      {proposal.currentItemIssues && (
        <div className={styles.wide}>
          <dt className={styles.term}>{t('currentItemIssues')}</dt>
          <dd className={styles.text}>{proposal.currentItemIssues}</dd>
        </div>
      )}
      {proposal.sameItemProposals.length > 0 && (
        <div className={styles.wide}>
          <dt className={styles.term}>{t('sameItemProposals')}</dt>
          <dd className={styles.text}>{proposal.sameItemProposals.map((other) => `${other.receiptNumber ?? ''} ${other.title}`.trim()).join('\n')}</dd>
        </div>
      )}
    </dl>
  );
}
