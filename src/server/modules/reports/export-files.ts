import ExcelJS from 'exceljs';

/**
 * Tables written as files: CSV (RFC 4180, UTF-8 with a byte-order mark so
 * spreadsheet programs read Cyrillic and ʻ correctly) and XLSX. A cell that
 * would start a formula is prefixed with an apostrophe, so an exported name
 * like "=HYPERLINK(…)" stays text (CSV injection).
 */

export type Cell = string | number | null;

export interface Column {
  key: string;
  header: string;
  /** How an XLSX cell shows: a date (ISO string in, dd.mm.yyyy shown), a sum of money, a plain number, or text. */
  kind?: 'text' | 'date' | 'money' | 'number';
  width?: number;
}

export interface Table {
  name: string;
  columns: Column[];
  rows: Record<string, Cell>[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made safe for a spreadsheet: never read as a formula. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): Buffer {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row[c.key] ?? null)).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function xlsxValue(value: Cell, kind: Column['kind']): ExcelJS.CellValue {
  if (value === null) return null;
  switch (kind) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
    case 'money':
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'text':
    case undefined:
      return typeof value === 'string' ? neutralize(value) : value;
  }
}

export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Oila';
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.min(60, Math.max(12, c.header.length + 2)),
    style: c.kind === 'date' ? { numFmt: 'dd.mm.yyyy' } : c.kind === 'money' ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, xlsxValue(row[c.key] ?? null, c.kind)])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
