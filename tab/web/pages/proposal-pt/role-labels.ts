import type { TeamRole } from '../../models/api-contract.js';

export const ROLE_LABELS: Readonly<Record<TeamRole, { ja: string; en: string }>> = {
  pm: { ja: 'プロジェクトマネージャー（PM）', en: 'Project manager (PM)' },
  pl: { ja: 'プロジェクトリーダー（PL）', en: 'Project leader (PL)' },
  member: { ja: 'メンバー', en: 'Member' },
};
