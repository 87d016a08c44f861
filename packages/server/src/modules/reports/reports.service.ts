import { createHash } from 'node:crypto';
import type { Ctx } from '../../http/context.js';
import { requireUser } from '../auth/auth.policy.js';
import { unitsOf } from '../auth/organisation.repository.js';
import { getDashboard } from '../plan/monitoring.service.js';
import { visibleUnitIds } from '../plan/plan.policy.js';
import { findPlan } from '../plan/plan.repository.js';
import { getPlan, loadPlan } from '../plan/plan.service.js';
import { getPublicPlan } from '../plan/public.service.js';
import { CSV_TYPE, renderCsv } from './csv.js';
import { PDF_TYPE, renderPdf } from './pdf.js';
import { planReport, publicReport, type Report } from './report-model.js';
import { renderXlsx, XLSX_TYPE } from './xlsx.js';

export const REPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A rendered report file and the names to offer it under. */
export interface ReportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
  asciiFilename: string;
}

async function render(report: Report, format: ReportFormat): Promise<ReportFile> {
  const names = { filename: `${report.fileBase}.${format}`, asciiFilename: `${report.asciiBase}.${format}` };
  switch (format) {
    case 'xlsx':
      return { bytes: await renderXlsx(report), contentType: XLSX_TYPE, ...names };
    case 'pdf':
      return { bytes: await renderPdf(report), contentType: PDF_TYPE, ...names };
    case 'csv':
      return { bytes: renderCsv(report), contentType: CSV_TYPE, ...names };
  }
}

/**
 * The back-office export of a plan with its dashboard as of a date: the figures are the
 * dashboard's (approved results), and a reporter's file has their own units' programs only.
 */
export async function exportPlan(
  ctx: Ctx,
  planId: number,
  format: ReportFormat,
  asOf?: string,
): Promise<ReportFile> {
  const actor = requireUser(ctx.actor);
  const row = await loadPlan(ctx, planId);
  const [plan, dashboard, units] = await Promise.all([
    getPlan(ctx, planId),
    getDashboard(ctx, planId, asOf),
    unitsOf(ctx.db.kysely, row.organisation_id),
  ]);
  const scope = visibleUnitIds(actor);
  const report = planReport({
    plan,
    isDemo: row.is_demo === 1,
    dashboard,
    unitCodes: new Map(units.map((u) => [u.id, u.code])),
    scopeUnitNames: scope ? units.filter((u) => scope.includes(u.id)).map((u) => u.name) : null,
  });
  return render(report, format);
}

// Anyone may download the public report without signing in, and a PDF takes about half a second of
// CPU to draw. The same figures make the same file, so the last few files are kept, keyed by the
// figures themselves: a burst of downloads draws once, and any change of figures draws anew.
const PUBLIC_CACHE_SIZE = 12;
const publicCache = new Map<string, ReportFile>();

/** The citizens' report of a published plan: exactly the public plan (approved results only). */
export async function exportPublicPlan(ctx: Ctx, planId: number, format: ReportFormat): Promise<ReportFile> {
  const plan = await getPublicPlan(ctx, planId);
  const isDemo = (await findPlan(ctx.db.kysely, planId))?.is_demo === 1;
  const key = createHash('sha256')
    .update(JSON.stringify([format, isDemo, plan]))
    .digest('hex');
  const hit = publicCache.get(key);
  if (hit) {
    publicCache.delete(key);
    publicCache.set(key, hit);
    return hit;
  }
  const file = await render(publicReport(plan, isDemo), format);
  publicCache.set(key, file);
  if (publicCache.size > PUBLIC_CACHE_SIZE) publicCache.delete(publicCache.keys().next().value!);
  return file;
}
