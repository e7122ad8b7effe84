import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/i18n/locales.ts';
import { ACTION_STATUS_LABELS, PLAN_PDF_LABELS, PLAN_STATUS_LABELS, formatDate, renderPlanPdf } from './plan-pdf.ts';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oila-plan-'));
  try {
    writeFileSync(path.join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const input = {
  caseNumber: 'FS-2026-000042', familyName: 'Ёқубовлар', workerName: 'Шаҳноза Ғаниева', status: 'approved' as const, approvedOn: '2026-03-01', printedOn: '2026-03-02',
  goals: [{ domain: 'Соғлиқ', text: 'Бола мунтазам кўрикдан ўтади', actions: [{ text: 'Поликлиникага бориш', responsible: 'Она', dueOn: '2026-04-01', status: 'in_progress' as const }] }],
  lastReview: null,
};

describe('the plan PDF', () => {
  it('has every label in every language, with Uzbek letters in Uzbek', () => {
    for (const labels of [...Object.values(PLAN_PDF_LABELS), ...Object.values(PLAN_STATUS_LABELS), ...Object.values(ACTION_STATUS_LABELS)]) {
      for (const locale of LOCALES) expect(labels[locale].length).toBeGreaterThan(0);
      expect(labels['uz-Latn']).not.toMatch(/['’‘`]/);
      expect(labels['uz-Cyrl']).not.toMatch(/[a-z]/i);
    }
  });

  it('writes dates as dd.mm.yyyy', () => {
    expect(formatDate('2026-03-09')).toBe('09.03.2026');
  });

  it('is a PDF whose text is the plan in the family’s language', async () => {
    const pdf = await renderPlanPdf({ ...input, locale: 'uz-Cyrl' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPdftotext()) return;
    const text = textOf(pdf);
    for (const s of ['Оилани ривожлантириш режаси', 'Ёқубовлар', 'FS-2026-000042', 'Тасдиқланган', '01.03.2026', 'Бола мунтазам кўрикдан ўтади', 'Бажарилмоқда', 'Оила номидан (ота-она ёки васий)', 'Шаҳноза Ғаниева']) {
      expect(text).toContain(s);
    }
    const latin = textOf(await renderPlanPdf({ ...input, locale: 'uz-Latn', compress: false }));
    expect(latin).toContain('Masʼul: Она');
    expect(latin).toContain('Oila nomidan (ota-ona yoki vasiy)');
  });
});
