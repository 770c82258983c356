import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DECISIONS } from '../../../../shared/proposals/proposal.js';
import { PROPOSAL_STATE_LABELS } from '../../../../shared/i18n/labels.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import { ApiError } from '../../services/api-client.js';
import type { AttendanceMarkDto, Decision, MinutesContentDto, MinutesDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { MARK_LABEL, MinutesStatus } from './MinutesView.js';

type SubjectKind = 'proposal' | 'pt' | 'schedule' | 'general';
type Concern = 'direction' | 'reportRequested';

interface ActionForm {
  title: string;
  ownerKind: 'staff' | 'unit';
  ownerId: string;
  dueOn: string;
}

interface DecisionForm {
  id: string;
  agendaIndex: string;
  text: string;
  kind: SubjectKind;
  proposalId: string;
  outcome: Decision | '';
  ptId: string;
  concern: Concern;
  actions: ActionForm[];
}

interface MinutesForm {
  attendance: { staffId: string; displayName: string; postTitle?: string | undefined; mark: AttendanceMarkDto; proxyName: string }[];
  guestsPresent: string[];
  summaries: string[];
  decisions: DecisionForm[];
}

function formOf(minutes: MinutesDto): MinutesForm {
  return {
    attendance: minutes.attendance.map((line) => ({ ...line, proxyName: line.proxyName ?? '' })),
    guestsPresent: minutes.guests.filter((guest) => guest.present).map((guest) => guest.name),
    summaries: minutes.agenda.map((item) => item.summary),
    decisions: minutes.decisions.map((decision) => ({
      id: decision.id,
      agendaIndex: decision.agendaIndex === undefined ? '' : String(decision.agendaIndex),
      text: decision.text,
      kind: decision.subject.kind,
      proposalId: decision.subject.kind === 'proposal' ? decision.subject.proposalId : '',
      outcome: decision.subject.kind === 'proposal' ? decision.subject.outcome : '',
      ptId: decision.subject.kind === 'pt' ? decision.subject.ptId : '',
      concern: decision.subject.kind === 'pt' ? decision.subject.concern : 'direction',
      actions: decision.actions.map((action) => ({
        title: action.title,
        ownerKind: action.owner.kind,
        ownerId: action.owner.kind === 'staff' ? action.owner.staffId : action.owner.unitId,
        dueOn: action.dueOn,
      })),
    })),
  };
}

function contentOf(form: MinutesForm): MinutesContentDto {
  return {
    attendance: form.attendance.map((line) => ({
      staffId: line.staffId,
      mark: line.mark,
      ...(line.mark === 'proxy' ? { proxyName: line.proxyName.trim() } : {}),
    })),
    guestsPresent: form.guestsPresent,
    summaries: form.summaries.flatMap((summary, agendaIndex) => (summary.trim() ? [{ agendaIndex, summary }] : [])),
    decisions: form.decisions.map((decision) => ({
      id: decision.id,
      ...(decision.agendaIndex === '' ? {} : { agendaIndex: Number(decision.agendaIndex) }),
      text: decision.text,
      subject:
        decision.kind === 'proposal'
          ? { kind: 'proposal', proposalId: decision.proposalId, outcome: decision.outcome as Decision }
          : decision.kind === 'pt'
            ? { kind: 'pt', ptId: decision.ptId, concern: decision.concern }
            : { kind: decision.kind },
      actions: decision.actions.map((action) => ({
        title: action.title,
        owner: action.ownerKind === 'staff' ? { kind: 'staff', staffId: action.ownerId } : { kind: 'unit', unitId: action.ownerId },
        dueOn: action.dueOn,
      })),
    })),
  };
}

/** The messages to show next to the fields that are missing, by a key naming each field. */
function missingFields(form: MinutesForm, required: string, choose: string): Map<string, string> {
  const missing = new Map<string, string>();
  for (const line of form.attendance) if (line.mark === 'proxy' && !line.proxyName.trim()) missing.set(`proxy.${line.staffId}`, required);
  form.decisions.forEach((decision, i) => {
    if (!decision.text.trim()) missing.set(`decision.${i}.text`, required);
    if (decision.kind === 'proposal' && !decision.proposalId) missing.set(`decision.${i}.proposal`, choose);
    if (decision.kind === 'proposal' && !decision.outcome) missing.set(`decision.${i}.outcome`, choose);
    if (decision.kind === 'pt' && !decision.ptId) missing.set(`decision.${i}.pt`, choose);
    decision.actions.forEach((action, j) => {
      if (!action.title.trim()) missing.set(`action.${i}.${j}.title`, required);
      if (!action.ownerId) missing.set(`action.${i}.${j}.owner`, choose);
      if (!action.dueOn) missing.set(`action.${i}.${j}.dueOn`, required);
    });
  });
  return missing;
}

/** Which part of the form a refusal of the server names (the domain's field), so its message shows there. */
function sectionOfField(field: string | undefined): 'attendance' | 'summaries' | 'decisions' | undefined {
  if (field === 'attendance' || field === 'proxyName' || field === 'guestsPresent') return 'attendance';
  if (field === 'summary' || field === 'summaries') return 'summaries';
  if (field && ['decisions', 'decisionText', 'actions', 'actionTitle'].includes(field)) return 'decisions';
  return undefined;
}

const nextDecisionId = (decisions: readonly DecisionForm[]) => {
  const used = decisions.map((decision) => Number(/^d(\d+)$/.exec(decision.id)?.[1] ?? 0));
  return `d${Math.max(0, ...used) + 1}`;
};

const newDecision = (decisions: readonly DecisionForm[]): DecisionForm => ({
  id: nextDecisionId(decisions),
  agendaIndex: '',
  text: '',
  kind: 'general',
  proposalId: '',
  outcome: '',
  ptId: '',
  concern: 'direction',
  actions: [],
});

/**
 * The secretariat's editor of draft minutes: attendance (present, absent, proxy with the proxy's
 * name), the guests who came, a summary per agenda item, and decisions with what each concerns and
 * the action items it asks for. Saving sends the whole content; the server checks it again.
 */
export function MinutesEditor({ minutes, onSaved }: { minutes: MinutesDto; onSaved: (saved: MinutesDto) => void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<MinutesForm>(() => formOf(minutes));
  const [missing, setMissing] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choices = minutes.choices ?? { proposals: [], pts: [], people: [], units: [] };

  const updateDecision = (index: number, change: Partial<DecisionForm>) =>
    setForm((current) => ({ ...current, decisions: current.decisions.map((decision, i) => (i === index ? { ...decision, ...change } : decision)) }));
  const updateAction = (index: number, actionIndex: number, change: Partial<ActionForm>) =>
    setForm((current) => ({
      ...current,
      decisions: current.decisions.map((decision, i) =>
        i === index ? { ...decision, actions: decision.actions.map((action, j) => (j === actionIndex ? { ...action, ...change } : action)) } : decision,
      ),
    }));
  const fieldMessage = (key: string) => missing.get(key);
  const serverFields = error instanceof ApiError ? error.fields : [];
  const sectionMessage = (section: 'attendance' | 'summaries' | 'decisions') =>
    serverFields.filter((field) => sectionOfField(field.field) === section).map((field) => field.message);

  const save = async () => {
    setNotice(undefined);
    setError(undefined);
    const found = missingFields(form, t('fieldRequired'), t('chooseRequired'));
    setMissing(found);
    if (found.size > 0) {
      setError(t('minutesFixErrors'));
      return;
    }
    setBusy(true);
    try {
      const saved = await programmeApi.saveMinutes(minutes.meetingId, contentOf(form));
      setNotice(t('minutesSaved'));
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const sectionErrors = (section: 'attendance' | 'summaries' | 'decisions') => {
    const messages = sectionMessage(section);
    if (messages.length === 0) return null;
    return (
      <MessageBar intent="error">
        <MessageBarBody>{messages.join(' ')}</MessageBarBody>
      </MessageBar>
    );
  };

  return (
    <form
      aria-label={t('minutes')}
      // The form checks its own fields, showing each message next to its field in the tab's language.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      style={{ display: 'grid', gap: 16 }}
      data-testid="minutes-editor"
    >
      <MinutesStatus minutes={minutes} />
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        <legend>
          <Text weight="semibold">{t('minutesAttendance')}</Text>
        </legend>
        {sectionErrors('attendance')}
        {form.attendance.map((line, index) => {
          const label = `${line.postTitle ? `${line.postTitle} ` : ''}${line.displayName}`;
          return (
            <div key={line.staffId} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }} data-attendee={line.staffId}>
              <Field label={label}>
                <Select
                  value={line.mark}
                  onChange={(_, data) =>
                    setForm((current) => ({
                      ...current,
                      attendance: current.attendance.map((entry, i) => (i === index ? { ...entry, mark: data.value as AttendanceMarkDto } : entry)),
                    }))
                  }
                >
                  {(['present', 'absent', 'proxy'] as const).map((mark) => (
                    <option key={mark} value={mark}>
                      {t(MARK_LABEL[mark])}
                    </option>
                  ))}
                </Select>
              </Field>
              {line.mark === 'proxy' && (
                <Field label={`${t('proxyName')}（${line.displayName}）`} validationMessage={fieldMessage(`proxy.${line.staffId}`)} required>
                  <Input
                    value={line.proxyName}
                    maxLength={100}
                    onChange={(_, data) =>
                      setForm((current) => ({
                        ...current,
                        attendance: current.attendance.map((entry, i) => (i === index ? { ...entry, proxyName: data.value } : entry)),
                      }))
                    }
                  />
                </Field>
              )}
            </div>
          );
        })}
        {minutes.guests.length > 0 && (
          <div role="group" aria-label={t('guestsPresent')}>
            <Text block>{t('guestsPresent')}</Text>
            {minutes.guests.map((guest) => (
              <Checkbox
                key={guest.name}
                label={guest.name}
                checked={form.guestsPresent.includes(guest.name)}
                onChange={(_, data) =>
                  setForm((current) => ({
                    ...current,
                    guestsPresent: data.checked ? [...current.guestsPresent, guest.name] : current.guestsPresent.filter((name) => name !== guest.name),
                  }))
                }
              />
            ))}
          </div>
        )}
      </fieldset>

      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        <legend>
          <Text weight="semibold">{t('agendaSummaries')}</Text>
        </legend>
        {sectionErrors('summaries')}
        {minutes.agenda.map((item) => (
          <Field key={item.index} label={`${item.index + 1}. ${item.title}`} hint={t('summaryOf', { n: item.index + 1 })}>
            <Textarea
              value={form.summaries[item.index] ?? ''}
              maxLength={4000}
              resize="vertical"
              onChange={(_, data) =>
                setForm((current) => ({ ...current, summaries: current.summaries.map((summary, i) => (i === item.index ? data.value : summary)) }))
              }
            />
          </Field>
        ))}
      </fieldset>

      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'grid', gap: 12 }}>
        <legend>
          <Text weight="semibold">{t('decisionsHeading')}</Text>
        </legend>
        {sectionErrors('decisions')}
        {form.decisions.map((decision, i) => (
          <div
            key={decision.id}
            role="group"
            aria-label={t('decisionNumber', { n: i + 1 })}
            style={{ display: 'grid', gap: 8, paddingLeft: 12, borderLeft: '3px solid currentColor' }}
            data-decision={i}
          >
            <Text weight="semibold">{t('decisionNumber', { n: i + 1 })}</Text>
            <Field label={t('decisionText')} validationMessage={fieldMessage(`decision.${i}.text`)} required>
              <Textarea value={decision.text} maxLength={1000} onChange={(_, data) => updateDecision(i, { text: data.value })} />
            </Field>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Field label={t('decisionAgendaItem')}>
                <Select value={decision.agendaIndex} onChange={(_, data) => updateDecision(i, { agendaIndex: data.value })}>
                  <option value="">{t('noAgendaItem')}</option>
                  {minutes.agenda.map((item) => (
                    <option key={item.index} value={String(item.index)}>
                      {item.index + 1}. {item.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('decisionConcerns')}>
                <Select value={decision.kind} onChange={(_, data) => updateDecision(i, { kind: data.value as SubjectKind })}>
                  <option value="general">{t('subjectGeneral')}</option>
                  <option value="proposal">{t('subjectProposal')}</option>
                  <option value="pt">{t('subjectPt')}</option>
                  <option value="schedule">{t('subjectSchedule')}</option>
                </Select>
              </Field>
              {decision.kind === 'proposal' && (
                <>
                  <Field label={t('subjectProposal')} validationMessage={fieldMessage(`decision.${i}.proposal`)} required>
                    <Select value={decision.proposalId} onChange={(_, data) => updateDecision(i, { proposalId: data.value })}>
                      <option value="">{t('choose')}</option>
                      {choices.proposals.map((proposal) => (
                        <option key={proposal.id} value={proposal.id}>
                          {proposal.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('proposalOutcome')} validationMessage={fieldMessage(`decision.${i}.outcome`)} required>
                    <Select value={decision.outcome} onChange={(_, data) => updateDecision(i, { outcome: data.value as Decision | '' })}>
                      <option value="">{t('choose')}</option>
                      {DECISIONS.map((outcome) => (
                        <option key={outcome} value={outcome}>
                          {PROPOSAL_STATE_LABELS[outcome][locale]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </>
              )}
              {decision.kind === 'pt' && (
                <>
                  <Field label={t('subjectPt')} validationMessage={fieldMessage(`decision.${i}.pt`)} required>
                    <Select value={decision.ptId} onChange={(_, data) => updateDecision(i, { ptId: data.value })}>
                      <option value="">{t('choose')}</option>
                      {choices.pts.map((pt) => (
                        <option key={pt.id} value={pt.id}>
                          {pt.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('ptConcern')}>
                    <Select value={decision.concern} onChange={(_, data) => updateDecision(i, { concern: data.value as Concern })}>
                      <option value="direction">{t('ptConcernDirection')}</option>
                      <option value="reportRequested">{t('ptConcernReportRequested')}</option>
                    </Select>
                  </Field>
                </>
              )}
            </div>
            {decision.actions.map((action, j) => (
              <div
                key={j}
                role="group"
                aria-label={`${t('decisionNumber', { n: i + 1 })} ${t('actionsHeading')} ${j + 1}`}
                style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}
                data-action={`${i}.${j}`}
              >
                <Field label={t('actionTitle')} validationMessage={fieldMessage(`action.${i}.${j}.title`)} required>
                  <Input value={action.title} maxLength={200} onChange={(_, data) => updateAction(i, j, { title: data.value })} />
                </Field>
                <Field label={t('actionOwner')}>
                  <Select value={action.ownerKind} onChange={(_, data) => updateAction(i, j, { ownerKind: data.value as 'staff' | 'unit', ownerId: '' })}>
                    <option value="staff">{t('ownerPerson')}</option>
                    <option value="unit">{t('ownerUnit')}</option>
                  </Select>
                </Field>
                <Field
                  label={action.ownerKind === 'staff' ? t('ownerPerson') : t('ownerUnit')}
                  validationMessage={fieldMessage(`action.${i}.${j}.owner`)}
                  required
                >
                  <Select value={action.ownerId} onChange={(_, data) => updateAction(i, j, { ownerId: data.value })}>
                    <option value="">{t('choose')}</option>
                    {(action.ownerKind === 'staff' ? choices.people : choices.units).map((owner) => (
                      <option key={owner.id} value={owner.id}>
                        {owner.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('dueOn')} validationMessage={fieldMessage(`action.${i}.${j}.dueOn`)} required>
                  <Input type="date" value={action.dueOn} onChange={(_, data) => updateAction(i, j, { dueOn: data.value })} />
                </Field>
                <Button
                  appearance="subtle"
                  onClick={() => updateDecision(i, { actions: decision.actions.filter((_, index) => index !== j) })}
                  aria-label={`${t('removeAction')} ${j + 1}`}
                >
                  {t('removeAction')}
                </Button>
              </div>
            ))}
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Button onClick={() => updateDecision(i, { actions: [...decision.actions, { title: '', ownerKind: 'staff', ownerId: '', dueOn: '' }] })}>
                {t('addAction')}
              </Button>
              <Button
                appearance="subtle"
                onClick={() => setForm((current) => ({ ...current, decisions: current.decisions.filter((_, index) => index !== i) }))}
              >
                {t('removeDecision')}
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button onClick={() => setForm((current) => ({ ...current, decisions: [...current.decisions, newDecision(current.decisions)] }))}>
            {t('addDecision')}
          </Button>
        </div>
      </fieldset>

      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('saveMinutes')}
        </Button>
      </div>
    </form>
  );
}
