/** Run in a child process under different TZ values; prints the meeting time ranges the time module writes. */
import { formatTimeRange } from '../../../shared/time/index.js';

const jst = (local: string) => new Date(`${local}+09:00`);
const ranges = [
  [jst('2026-12-09T15:00:00'), jst('2026-12-09T16:30:00')],
  [jst('2026-12-09T08:00:00'), jst('2026-12-09T10:00:00')],
  [jst('2026-12-09T23:00:00'), jst('2026-12-10T01:00:00')],
] as const;
process.stdout.write(JSON.stringify(ranges.flatMap(([start, end]) => [formatTimeRange(start, end, 'ja'), formatTimeRange(start, end, 'en')])));
