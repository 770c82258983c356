import { Badge, Button, Checkbox, makeStyles, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { INDIVIDUAL_PROPOSER_LABEL, PERSPECTIVE_LABELS, PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../../../shared/i18n/labels.js';
import { planItemLabel } from '../../../../shared/plan/plan-item-reference.js';
import { DateText } from '../../components/DateText.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { NoticeDelivery, ReviewProposalDto } from '../../models/api-contract.js';
import { ProposalContent } from './ProposalContent.js';
import { ReviewActions } from './ReviewActions.js';

/** The board's columns, in order; the detail row spans them all. */
export const REVIEW_COLUMN_COUNT = 6;

const useStyles = makeStyles({
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  stack: { display: 'grid', gap: tokens.spacingVerticalXXS, justifyItems: 'start', minWidth: 0 },
  preview: { display: '-webkit-box', WebkitLineClamp: '2', WebkitBoxOrient: 'vertical', overflow: 'hidden', color: tokens.colorNeutralForeground2 },
  badge: { whiteSpace: 'normal', height: 'auto', minHeight: '20px', textAlign: 'start' },
  toggle: { minWidth: 0, paddingLeft: 0 },
  detail: { backgroundColor: tokens.colorNeutralBackground2 },
});

interface ReviewRowProps {
  readonly proposal: ReviewProposalDto;
  readonly selected: boolean;
  readonly onSelect: (on: boolean) => void;
  readonly expanded: boolean;
  readonly onExpand: (on: boolean) => void;
  readonly onChanged: () => void;
  readonly onError: (error: unknown) => void;
}

/** How the proposer heard the decision, as the secretariat needs to know it. */
const NOTIFIED_KEYS: Readonly<Record<NoticeDelivery, MessageKey>> = {
  sent: 'notifiedSent',
  pending: 'notifiedPending',
  failed: 'notifiedFailed',
  notInstalled: 'notifiedNotInstalled',
};

/**
 * One proposal: what a reviewer scans (title, related item, perspective, where it comes from,
 * state) with the first lines of the summary, and a detail row with the whole text.
 */
export function ReviewRow({ proposal, selected, onSelect, expanded, onExpand, onChanged, onError }: ReviewRowProps) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const titleId = `review-title-${proposal.id}`;
  const detailId = `review-detail-${proposal.id}`;
  return (
    <>
      <TableRow data-proposal-id={proposal.id}>
        <TableCell className={styles.cell}>
          <Checkbox
            aria-label={`${t('select')} ${proposal.title}`}
            disabled={proposal.state !== 'submitted'}
            checked={selected}
            onChange={(_, data) => onSelect(data.checked === true)}
          />
        </TableCell>
        <TableCell className={styles.cell}>{proposal.receiptNumber}</TableCell>
        <TableCell className={styles.cell}>
          <div className={styles.stack}>
            <Text weight="semibold" id={titleId}>
              {proposal.title}
            </Text>
            <Text size={200} data-field="relatedItem">
              {t('relatedPlanItem')}: {proposal.relatedItem ? planItemLabel(proposal.relatedItem) : t('noRelatedItem')}
            </Text>
            {proposal.perspective && (
              <Text size={200} data-field="perspective">
                {t('perspective')}: {PERSPECTIVE_LABELS[proposal.perspective][locale]}
              </Text>
            )}
            {!expanded && (
              <Text size={200} className={styles.preview}>
                {proposal.summary}
              </Text>
            )}
            <Button
              size="small"
              appearance="transparent"
              className={styles.toggle}
              aria-expanded={expanded}
              aria-controls={detailId}
              aria-describedby={titleId}
              onClick={() => onExpand(!expanded)}
            >
              {expanded ? t('hideContent') : t('showContent')}
            </Button>
          </div>
        </TableCell>
        <TableCell className={styles.cell}>
          <div className={styles.stack} data-field="origin">
            <Text weight="semibold">
              {proposal.track === 'department' ? (proposal.departmentName ?? TRACK_LABELS.department[locale]) : INDIVIDUAL_PROPOSER_LABEL[locale]}
            </Text>
            <Text size={200}>
              {proposal.authorName}
              {proposal.authorUnitName ? `（${proposal.authorUnitName}）` : ''}
            </Text>
            {proposal.submittedAt && (
              <Text size={200}>
                {t('submittedOn')}: <DateText value={proposal.submittedAt} />
              </Text>
            )}
          </div>
        </TableCell>
        <TableCell className={styles.cell}>
          <div className={styles.stack}>
            <Badge appearance="tint" className={styles.badge}>
              {PROPOSAL_STATE_LABELS[proposal.state][locale]}
            </Badge>
            {proposal.decisionReason && <Text size={200}>{proposal.decisionReason}</Text>}
            {proposal.notified && (
              <Text size={200} data-field="notified">
                {t(NOTIFIED_KEYS[proposal.notified])}
              </Text>
            )}
          </div>
        </TableCell>
        <TableCell className={styles.cell}>
          <ReviewActions proposal={proposal} onChanged={onChanged} onError={onError} />
        </TableCell>
      </TableRow>
      {/* Kept in the page while closed so the toggle's aria-controls always points at it; the row's own display style outranks [hidden]. */}
      <TableRow
        id={detailId}
        hidden={!expanded}
        style={expanded ? undefined : { display: 'none' }}
        className={styles.detail}
        data-detail-of={proposal.id}
        aria-labelledby={titleId}
      >
        <TableCell colSpan={REVIEW_COLUMN_COUNT} className={styles.cell}>
          <ProposalContent proposal={proposal} />
        </TableCell>
      </TableRow>
    </>
  );
}
