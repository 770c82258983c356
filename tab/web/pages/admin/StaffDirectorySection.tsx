import { Badge, Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ROLE_GROUP_LABELS } from '../../../../shared/i18n/labels.js';
import { GRADE_LABELS } from '../../../../shared/organisation/grade.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadView } from '../../components/LoadView.js';
import { Section } from '../../components/Section.js';
import { useAction } from '../../components/use-action.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { StaffDirectoryEntryDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';

/**
 * 職員と権限 (admins): the directory with each person's unit, post, grade and programme roles, found
 * by any part of a name, UPN, unit or post; a person can be deactivated or reactivated and given or
 * relieved of the admin role (not one's own: the server refuses a self-lockout).
 */
export function StaffDirectorySection({ selfId }: { selfId: string | undefined }) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const directory = useLoad(() => programmeApi.staffDirectory(query), [query]);
  const { error, run } = useAction();
  const change = (person: StaffDirectoryEntryDto, access: { active?: boolean; admin?: boolean }) =>
    run(async () => {
      await programmeApi.updateStaffAccess(person.staffId, access);
      directory.reload();
    });
  return (
    <Section title={t('staffDirectory')} id="staff-directory">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(typed.trim());
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'end', marginBottom: 8 }}
      >
        <Field label={t('staffSearch')}>
          <Input value={typed} onChange={(_, data) => setTyped(data.value)} name="staff-q" />
        </Field>
        <Button type="submit">{t('search')}</Button>
      </form>
      <ErrorNotice error={error} />
      <LoadView load={directory} reload={directory.reload} isEmpty={(data) => data.staff.length === 0}>
        {(data) => (
          <>
            <Text block>{t('staffCount', { shown: data.staff.length, total: data.total })}</Text>
            <Table aria-label={t('staffDirectory')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('staffName')}</TableHeaderCell>
                  <TableHeaderCell>{t('staffUnitPost')}</TableHeaderCell>
                  <TableHeaderCell>{t('staffRoles')}</TableHeaderCell>
                  <TableHeaderCell>{t('actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.staff.map((person) => {
                  const admin = person.roles.includes('admin');
                  const self = person.staffId === selfId;
                  return (
                    <TableRow key={person.staffId} data-staff-id={person.staffId} data-active={person.active}>
                      <TableCell>
                        <Text block weight="semibold">
                          {person.displayName}
                        </Text>
                        <Text size={200}>{person.upn}</Text>
                      </TableCell>
                      <TableCell>
                        {[person.unitName, person.postTitle].filter(Boolean).join(' / ') || '—'}
                        <Text block size={200}>
                          {GRADE_LABELS[person.grade][locale]}
                        </Text>
                      </TableCell>
                      <TableCell>
                        {person.roles.map((role) => (
                          <Badge key={role} appearance="tint" style={{ marginInlineEnd: 4 }}>
                            {ROLE_GROUP_LABELS[role][locale]}
                          </Badge>
                        ))}
                        {!person.active && <Badge color="danger">{t('staffInactive')}</Badge>}
                        {!person.linked && <Text size={200}>{t('staffNotLinked')}</Text>}
                      </TableCell>
                      <TableCell>
                        {!self && (
                          <>
                            <Button size="small" onClick={() => void change(person, { active: !person.active })}>
                              {person.active ? t('staffDeactivate') : t('staffReactivate')}
                            </Button>{' '}
                            <Button size="small" onClick={() => void change(person, { admin: !admin })}>
                              {admin ? t('staffRevokeAdmin') : t('staffGrantAdmin')}
                            </Button>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </LoadView>
    </Section>
  );
}
