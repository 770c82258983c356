import { fill, type Locale } from '../shared/i18n/locale.js';
import { formatIsoJst } from '../shared/time/jst.js';
import type { DataFolderInUse } from '../store/data-folder-lock.js';

const IN_USE = {
  ja: 'データフォルダ {folder} は別のプロセスが使用中です（pid {pid}、ホスト {host}、{since} から: {command}）。',
  en: 'The data folder {folder} is in use by another process (pid {pid} on {host}, since {since}: {command}).',
} as const;

const ADVICE = {
  server: {
    ja: '組み込みデータベース（PGlite）は1つのフォルダを1つのプロセスだけが開けます。そのプロセスを止めるか、別の DATA_DIR を指定してください。複数のインスタンスには DATABASE_URL で PostgreSQL を使います。',
    en: 'The embedded database (PGlite) opens one folder in one process only: stop that process or choose another DATA_DIR. Several instances need PostgreSQL (DATABASE_URL).',
  },
  cli: {
    ja: 'サーバーの起動中、管理コマンドはそのフォルダを開きません。取り込みはタブの「管理」ページで行うか、サーバーを止めてから実行してください。',
    en: 'While the server runs, admin commands do not open its folder: import from the tab’s Admin page, or stop the server and run the command again.',
  },
} as const;

/**
 * What a second opener of a PGlite folder is told: which folder, which process holds it and since
 * when (Japan time), and what to do — the server and the admin CLI advise differently.
 */
export function dataFolderInUseMessage(error: DataFolderInUse, locale: Locale, who: keyof typeof ADVICE = 'server'): string {
  const since = Date.parse(error.holder.since);
  const separator = locale === 'en' ? ' ' : '';
  return (
    fill(IN_USE[locale], {
      folder: error.folder,
      pid: error.holder.pid,
      host: error.holder.hostname,
      since: Number.isNaN(since) ? error.holder.since : formatIsoJst(new Date(since)),
      command: error.holder.command,
    }) +
    separator +
    ADVICE[who][locale]
  );
}
