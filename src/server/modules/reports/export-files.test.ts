import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralize, toCsv, toXlsx, type Table } from './export-files.ts';

const table: Table = {
  name: 'Ҳолатлар: 2025/1',
  columns: [
    { key: 'name', header: 'Оила' },
    { key: 'on', header: 'Сана', kind: 'date' },
    { key: 'cost', header: 'Қиймати, сўм', kind: 'money' },
    { key: 'n', header: 'Сони', kind: 'number' },
  ],
  rows: [
    { name: 'Gʻulomovlar, "Katta" oila', on: '2025-03-01', cost: '1500000.50', n: 3 },
    { name: '=1+2', on: null, cost: null, n: 0 },
    { name: 'Line\nbreak', on: '2025-12-31', cost: '0', n: null },
  ],
};

describe('CSV', () => {
  it('writes RFC 4180 with a byte-order mark, quoting what needs it', () => {
    const text = toCsv(table).toString('utf8');
    expect(text).toBe(
      '\uFEFFОила,Сана,"Қиймати, сўм",Сони\r\n'
      + '"Gʻulomovlar, ""Katta"" oila",2025-03-01,1500000.50,3\r\n'
      + "'=1+2,,,0\r\n"
      + '"Line\nbreak",2025-12-31,0,\r\n',
    );
  });

  it('keeps formulas, and only formulas, from running', () => {
    expect(['=A1', '+1', '-1', '@SUM(A1)', '\tx', 'Oila', '1-2'].map(neutralize)).toEqual(["'=A1", "'+1", "'-1", "'@SUM(A1)", "'\tx", 'Oila', '1-2']);
  });
});

describe('XLSX', () => {
  it('writes a sheet that reads back: headers, dates, sums and numbers as such, formulas as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Ҳолатлар  2025 1');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Оила', 'Сана', 'Қиймати, сўм', 'Сони']);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first).toEqual(['Gʻulomovlar, "Katta" oila', new Date('2025-03-01T00:00:00Z'), 1500000.5, 3]);
    expect(sheet.getRow(3).getCell(1).value).toBe("'=1+2");
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('dd.mm.yyyy');
  });
});
