import { DomainError } from '../domain-error.js';

/** Attend, absent, or send a proxy (代理出席) named by the member. */
export type RsvpResponse = 'attend' | 'absent' | 'proxy';

export interface Rsvp {
  readonly meetingId: string;
  readonly staffId: string;
  readonly response: RsvpResponse;
  readonly proxyName?: string | undefined;
  readonly answeredAt: Date;
}

/** A proxy answer must name the proxy; other answers must not carry one. */
export function makeRsvp(input: Omit<Rsvp, 'proxyName'> & { proxyName?: string | undefined }): Rsvp {
  const proxyName = input.proxyName?.trim();
  if (input.response === 'proxy' && !proxyName) throw new DomainError('rsvp.proxyNameRequired', {}, 'proxyName');
  if (proxyName && proxyName.length > 100) throw new DomainError('rsvp.proxyNameTooLong', { max: 100 }, 'proxyName');
  return { ...input, proxyName: input.response === 'proxy' ? proxyName : undefined };
}
