/**
 * The message catalogue of each language: the part-1 file (`en.json`, `zh-CN.json`) plus one file
 * per area of part 2 (`areas/<area>.<lang>.json`, each holding one top-level key named after its
 * area), so pages can grow their messages without touching one shared file. Every language must
 * have the same keys (test/web/i18n.test.ts reads the same files).
 */
import en from './en.json';
import zh from './zh-CN.json';
import desiredEn from './areas/desired.en.json';
import desiredZh from './areas/desired.zh-CN.json';
import artifactsEn from './areas/artifacts.en.json';
import artifactsZh from './areas/artifacts.zh-CN.json';
import reportsEn from './areas/reports.en.json';
import reportsZh from './areas/reports.zh-CN.json';
import auditEn from './areas/audit.en.json';
import auditZh from './areas/audit.zh-CN.json';
import adminEn from './areas/admin.en.json';
import adminZh from './areas/admin.zh-CN.json';

export const CATALOGUES = {
  en: { ...en, ...desiredEn, ...artifactsEn, ...reportsEn, ...auditEn, ...adminEn },
  'zh-CN': { ...zh, ...desiredZh, ...artifactsZh, ...reportsZh, ...auditZh, ...adminZh },
} as const;
