import type { HardToFillReason, MismatchFigures, MismatchReport } from '@ilteo/shared';
import ExcelJS from 'exceljs';

const FONT = 'Malgun Gothic';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** The reasons as the workbook writes them. */
export const REASON_TEXT: Record<HardToFillReason, string> = {
  no_seeker_in_group: '해당 직종 구직자 없음',
  no_certificate_holder: '필수 자격 보유자 없음',
  beyond_commute: '통근 범위 밖',
  no_one_meets_all: '모든 조건을 갖춘 구직자 없음',
};

type Cell = string | number | null;
interface Col<T> {
  header: string;
  width: number;
  value: (row: T) => Cell;
  format?: string;
}

const FIGURE_COLUMNS: Col<MismatchFigures>[] = [
  { header: '구인공고', width: 10, value: (r) => r.openVacancies, format: '#,##0' },
  { header: '모집인원', width: 10, value: (r) => r.openings, format: '#,##0' },
  { header: '구직자', width: 10, value: (r) => r.seekers, format: '#,##0' },
  { header: '구인배수', width: 10, value: (r) => r.ratio, format: '0.00' },
  { header: '충원율', width: 10, value: (r) => r.fillRate, format: '0.0%' },
  { header: '충원 소요일(중앙값)', width: 14, value: (r) => r.medianDaysToFill, format: '0' },
  { header: '제시임금(중앙값, 월)', width: 16, value: (r) => r.offeredWage, format: '#,##0' },
  { header: '희망임금(중앙값, 월)', width: 16, value: (r) => r.desiredWage, format: '#,##0' },
  { header: '임금 격차', width: 12, value: (r) => r.wageGap, format: '#,##0' },
];

function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Col<T>[], rows: T[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { name: FONT, bold: true };
  header.fill = HEADER_FILL;
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => c.value(row)));
    added.font = { name: FONT };
    columns.forEach((c, i) => {
      if (c.format) added.getCell(i + 1).numFmt = c.format;
    });
  }
}

const labelled = (header: string): Col<{ code: string; label: string }>[] => [
  { header: '코드', width: 12, value: (r) => r.code },
  { header, width: 28, value: (r) => r.label },
];

/** The mismatch report as a workbook: one sheet per table of the screen. */
export async function mismatchWorkbook(report: MismatchReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ilteo';
  const period = report.month === null ? `${report.year}년` : `${report.year}년 ${report.month}월`;
  addSheet(
    workbook,
    '요약',
    [
      { header: '기간', width: 14, value: () => period },
      { header: '기준일', width: 12, value: () => report.asOf },
      { header: '직종 수준', width: 10, value: () => report.occupationLevel },
      ...(FIGURE_COLUMNS as Col<unknown>[]),
    ],
    [report.totals],
  );
  addSheet(workbook, '직종별', [...labelled('직종'), ...FIGURE_COLUMNS], report.groups);
  addSheet(workbook, '행정동별', [...labelled('행정동'), ...FIGURE_COLUMNS], report.dongs);
  addSheet(
    workbook,
    '월별',
    [{ header: '월', width: 6, value: (r: { month: number }) => r.month }, ...FIGURE_COLUMNS],
    report.months,
  );
  const groupName = new Map(report.groups.map((g) => [g.code, g.label]));
  const dongName = new Map(report.dongs.map((d) => [d.code, d.label]));
  addSheet(
    workbook,
    '직종×행정동',
    [
      { header: '직종', width: 24, value: (r) => groupName.get(r.group) ?? r.group },
      { header: '행정동', width: 14, value: (r) => dongName.get(r.dong) ?? r.dong },
      { header: '구인공고', width: 10, value: (r) => r.openVacancies },
      { header: '모집인원', width: 10, value: (r) => r.openings },
      { header: '구직자', width: 10, value: (r) => r.seekers },
      { header: '구인배수', width: 10, value: (r) => r.ratio, format: '0.00' },
    ],
    report.cells,
  );
  const missing = [
    ...report.missingCertificates.map((m) => ({ ...m, kind: '자격' })),
    ...report.missingSkills.map((m) => ({ ...m, kind: '기술' })),
  ];
  addSheet(
    workbook,
    '부족 자격·기술',
    [
      { header: '구분', width: 8, value: (r) => r.kind },
      ...labelled('항목'),
      { header: '해당 공고 수', width: 12, value: (r) => r.vacancies },
    ],
    missing,
  );
  addSheet(
    workbook,
    '구인난 공고',
    [
      { header: '공고번호', width: 10, value: (r) => r.vacancyId },
      { header: '공고명', width: 30, value: (r) => r.title },
      { header: '사업체', width: 20, value: (r) => r.employerName },
      { header: '직종', width: 20, value: (r) => r.groupLabel },
      { header: '행정동', width: 12, value: (r) => r.dongName },
      { header: '게시일', width: 12, value: (r) => r.opensOn },
      { header: '게시 일수', width: 10, value: (r) => r.openDays },
      { header: '같은 직종 구직자', width: 14, value: (r) => r.groupSeekers },
      { header: '사유', width: 36, value: (r) => r.reasons.map((x) => REASON_TEXT[x]).join(', ') },
    ],
    report.hardToFill,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
