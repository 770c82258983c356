import { jstDateOf, jstDateTimeParts } from '../../../shared/time/jst.js';

/**
 * Date and time inputs are read as Japan wall-clock time whatever the browser's time zone, and sent
 * with an explicit `+09:00` offset.
 */
export function jstInstantOf(date: string, time: string): string {
  return `${date}T${time}:00+09:00`;
}

/** The `date` and `time` input values of an instant, in Japan. */
export function jstInputsOf(iso: string): { date: string; time: string } {
  const instant = new Date(iso);
  const { hour, minute } = jstDateTimeParts(instant);
  return { date: jstDateOf(instant), time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}
