import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { cumulativeChart, FONT_FAMILY, strategyChart } from './charts.js';
import type { CellFormat, CellValue, ProgramLine, Report } from './report-model.js';
import { PACE_LABELS } from './report-model.js';

export const PDF_TYPE = 'application/pdf';

// Noto Sans KR (SIL Open Font License 1.1) from the npm package @embedpdf/fonts-kr: a full Hangul
// set, embedded as a subset, so Korean stays text (searchable, copyable) in every viewer.
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-kr')),
  '..',
  'fonts',
);
const REGULAR = path.join(FONT_DIR, 'NotoSansKR-Regular.otf');
const BOLD = path.join(FONT_DIR, 'NotoSansKR-Bold.otf');

type Doc = PDFKit.PDFDocument;
const MARGIN = { top: 48, bottom: 60, left: 40, right: 40 };
const INK = '#1e2124';
const MUTED = '#58616a';
const LINE = '#cdd1d5';
const HEAD_BG = '#e8eef7';
const GROUP_BG = '#f4f5f6';
const BLUE = '#256ef4';

/** A figure as the report shows it: `10,562`, `71.3%`, or a dash when there is none. */
export function formatValue(value: CellValue, format: CellFormat): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  if (format === 'percent') return `${value.toFixed(1)}%`;
  if (format === 'text') return String(value);
  return value.toLocaleString('en-US');
}

interface PdfColumn {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
}
type TableRow = { cells: string[] } | { group: string };

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomOf = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** A new page in the same orientation as the current one. */
function newPage(doc: Doc): void {
  doc.addPage({
    size: 'A4',
    layout: doc.page.width > doc.page.height ? 'landscape' : 'portrait',
    margins: MARGIN,
  });
}

/** A section heading, kept on the same page as at least `keep` points of what follows it. */
function heading(doc: Doc, text: string, keep = 90, caption?: string): void {
  if (doc.y + keep > bottomOf(doc)) newPage(doc);
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor(INK).text(text, MARGIN.left, doc.y);
  if (caption) doc.font('regular').fontSize(7.5).fillColor(MUTED).text(caption);
  doc.moveDown(0.3);
}

/** Draws a table with a repeated header on every page it runs onto; group rows span the whole width. */
function table(doc: Doc, columns: PdfColumn[], rows: TableRow[], fontSize = 8): void {
  const pad = 3;
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  const left = MARGIN.left;
  const drawHeader = () => {
    doc.font('bold').fontSize(fontSize);
    const h =
      Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * pad }))) + 2 * pad;
    const y = doc.y;
    doc.rect(left, y, totalWidth, h).fill(HEAD_BG);
    let x = left;
    for (const c of columns) {
      doc.fillColor(INK).text(c.header, x + pad, y + pad, { width: c.width - 2 * pad, align: 'center' });
      x += c.width;
    }
    doc
      .moveTo(left, y + h)
      .lineTo(left + totalWidth, y + h)
      .lineWidth(0.6)
      .strokeColor(LINE)
      .stroke();
    doc.y = y + h;
  };
  if (doc.y + 40 > bottomOf(doc)) newPage(doc);
  drawHeader();
  for (const row of rows) {
    if ('group' in row) {
      doc.font('bold').fontSize(fontSize);
      const h = doc.heightOfString(row.group, { width: totalWidth - 2 * pad }) + 2 * pad;
      // A group heading is never the last line of a page.
      if (doc.y + 3 * h > bottomOf(doc)) {
        newPage(doc);
        drawHeader();
      }
      doc.font('bold').fontSize(fontSize);
      const y = doc.y;
      doc.rect(left, y, totalWidth, h).fill(GROUP_BG);
      doc.fillColor(INK).text(row.group, left + pad, y + pad, { width: totalWidth - 2 * pad });
      doc.y = y + h;
      continue;
    }
    doc.font('regular').fontSize(fontSize);
    const h =
      Math.max(
        ...row.cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 2 * pad })),
      ) +
      2 * pad;
    if (doc.y + h > bottomOf(doc)) {
      newPage(doc);
      drawHeader();
    }
    doc.font('regular').fontSize(fontSize);
    const y = doc.y;
    let x = left;
    row.cells.forEach((text, i) => {
      const c = columns[i]!;
      doc.fillColor(INK).text(text, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align });
      x += c.width;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + totalWidth, y + h)
      .lineWidth(0.3)
      .strokeColor(LINE)
      .stroke();
    doc.y = y + h;
  }
  doc.x = MARGIN.left;
}

/** Fits column widths (given as weights) to a total width. */
function fit(weights: [string, number, PdfColumn['align']][], width: number): PdfColumn[] {
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  return weights.map(([header, w, align]) => ({ header, width: (w / sum) * width, align }));
}

function titleBlock(doc: Doc, report: Report): void {
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${report.organisationName} · ${report.year}년`, MARGIN.left, MARGIN.top);
  doc.moveDown(0.2).font('bold').fontSize(18).fillColor(INK).text(report.title);
  const vision = report.summary.find((s) => s.label === '비전')?.value;
  const master = report.summary.find((s) => s.label === '종합계획')?.value;
  doc.moveDown(0.2).font('regular').fontSize(9).fillColor(MUTED);
  if (vision) doc.text(`비전: ${vision}`);
  if (master) doc.text(`종합계획: ${master}`);
  doc.fillColor(BLUE).text(report.asOfText);
  if (report.scopeNote) doc.fillColor(MUTED).text(report.scopeNote);
  doc.moveDown(0.6);
}

/** The headline figures as a grid of boxes, four to a row. */
function headline(doc: Doc, report: Report): void {
  const perRow = 4;
  const gap = 8;
  const w = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
  const h = 44;
  let y = doc.y;
  report.headline.forEach((item, i) => {
    if (i > 0 && i % perRow === 0) y += h + gap;
    const x = MARGIN.left + (i % perRow) * (w + gap);
    doc.roundedRect(x, y, w, h, 4).lineWidth(0.6).strokeColor(LINE).stroke();
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(item.label, x + 8, y + 6, { width: w - 16 });
    doc
      .font('bold')
      .fontSize(15)
      .fillColor(INK)
      .text(formatValue(item.value, item.format), x + 8, y + 19, { width: w - 16 });
  });
  doc.x = MARGIN.left;
  doc.y = y + h + gap;
}

function chart(doc: Doc, title: string, svg: string, height: number): void {
  heading(doc, title, height + 24);
  SVGtoPDF(doc, svg, MARGIN.left, doc.y, {
    width: contentWidth(doc),
    height,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
  });
  doc.x = MARGIN.left;
  doc.y += height;
}

function strategyTable(doc: Doc, report: Report): void {
  heading(doc, '전략별 현황');
  const columns = fit(
    report.strategyColumns.map((c) => [c.header, c.width, c.format === 'text' ? 'left' : 'right']),
    contentWidth(doc),
  );
  table(
    doc,
    columns,
    report.strategies.map((s) => ({
      cells: report.strategyColumns.map((c) => formatValue(c.value(s), c.format)),
    })),
    8.5,
  );
}

function programTable(doc: Doc, report: Report): void {
  const starred = report.programs.some((p) => p.illustrative);
  heading(doc, '사업별 현황', 90, starred ? '* 표시: 예시 수치' : undefined);
  const plan = report.kind === 'plan';
  const columns = fit(
    [
      ['사업명', 30, 'left'],
      ['담당부서', 17, 'left'],
      ['연간 목표', 9, 'right'],
      ['누계 실적', 9, 'right'],
      ['달성률', 8, 'right'],
      ...(plan
        ? ([
            ['진도', 7, 'center'],
            ['연말 전망', 9, 'right'],
          ] as [string, number, PdfColumn['align']][])
        : []),
    ],
    contentWidth(doc),
  );
  const rows: TableRow[] = [];
  for (const s of report.strategies) {
    rows.push({ group: s.name });
    for (const p of report.programs.filter((x) => x.strategyKey === s.key)) {
      rows.push({
        cells: [
          p.illustrative ? `${p.name} *` : p.name,
          p.unitName,
          formatValue(p.annualTarget, 'count'),
          formatValue(p.achieved, 'count'),
          formatValue(p.rate, 'percent'),
          ...(plan
            ? [p.paceStatus ? PACE_LABELS[p.paceStatus] : '–', formatValue(p.forecast ?? null, 'count')]
            : []),
        ],
      });
    }
  }
  table(doc, columns, rows);
}

/** Approved results month by month, one row per program, on landscape pages. */
function monthlyTable(doc: Doc, report: Report): void {
  doc.addPage({ layout: 'landscape', margins: MARGIN });
  heading(doc, '사업별 월별 실적(승인)');
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const columns = fit(
    [
      ['사업명', 120, 'left'],
      ...months.map((m): [string, number, PdfColumn['align']] => [`${m}월`, 26, 'right']),
      ['누계', 34, 'right'],
    ],
    contentWidth(doc),
  );
  const rows: TableRow[] = [];
  const row = (p: ProgramLine) => ({
    cells: [p.name, ...p.monthApproved.map((v) => formatValue(v, 'count')), formatValue(p.achieved, 'count')],
  });
  for (const s of report.strategies) {
    rows.push({ group: s.name });
    rows.push(...report.programs.filter((p) => p.strategyKey === s.key).map(row));
  }
  table(doc, columns, rows, 7.5);
}

/** Page numbers and the notes on every page, written once all pages exist. */
function footers(doc: Doc, report: Report): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    let y = doc.page.height - 44;
    doc
      .moveTo(MARGIN.left, y - 6)
      .lineTo(MARGIN.left + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(LINE)
      .stroke();
    doc.font('regular').fontSize(7.5).fillColor(MUTED);
    if (report.note) {
      doc.text(report.note, MARGIN.left, y, { width, lineBreak: false });
      y += 11;
    }
    doc.text(`${report.title} · ${report.asOfText} · ilteo`, MARGIN.left, y, {
      width: width - 60,
      lineBreak: false,
    });
    doc.text(`${i + 1} / ${range.count}`, MARGIN.left + width - 60, y, {
      width: 60,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The plan report as an A4 PDF: title and headline figures, two charts (cumulative results
 * against target by month; strategies), the strategy and program tables, the monthly results on
 * landscape pages, and page numbers and the illustrative-figures note on every page.
 */
export function renderPdf(report: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'ko-KR',
    displayTitle: true,
    info: {
      Title: report.title,
      Author: report.organisationName,
      Subject: report.asOfText,
      Creator: 'ilteo',
      Producer: 'ilteo',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.registerFont(FONT_FAMILY, REGULAR);

  titleBlock(doc, report);
  headline(doc, report);
  const width = contentWidth(doc);
  chart(doc, '월별 누계 실적', cumulativeChart(report, width, 200), 200);
  chart(doc, '전략별 목표와 실적', strategyChart(report, width, 190), 190);
  strategyTable(doc, report);
  programTable(doc, report);
  monthlyTable(doc, report);
  footers(doc, report);
  doc.end();
  return done;
}
