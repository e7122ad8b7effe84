import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ActionStatus, PlanStatus } from '../../../shared/casework/codes.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';

/**
 * The family development plan on paper, in the family's language, to be
 * signed by the family and the worker. DejaVu Sans covers Russian, Uzbek
 * Latin (oʻ, gʻ with U+02BB) and Uzbek Cyrillic (Ў Қ Ғ Ҳ).
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Text = Record<Locale, string>;
const L = (en: string, ru: string, latn: string, cyrl: string): Text => ({ en, ru, 'uz-Latn': latn, 'uz-Cyrl': cyrl });

/** Every label the document prints, in the four languages. */
export const PLAN_PDF_LABELS = {
  title: L('Family development plan', 'План развития семьи', 'Oilani rivojlantirish rejasi', 'Оилани ривожлантириш режаси'),
  caseNumber: L('Case number', 'Номер случая', 'Holat raqami', 'Ҳолат рақами'),
  family: L('Family', 'Семья', 'Oila', 'Оила'),
  worker: L('Social worker', 'Социальный работник', 'Ijtimoiy xodim', 'Ижтимоий ходим'),
  status: L('Plan status', 'Статус плана', 'Reja holati', 'Режа ҳолати'),
  approvedOn: L('Approved on', 'Дата утверждения', 'Tasdiqlangan sana', 'Тасдиқланган сана'),
  printedOn: L('Printed on', 'Дата печати', 'Chop etilgan sana', 'Чоп этилган сана'),
  goal: L('Goal', 'Цель', 'Maqsad', 'Мақсад'),
  domain: L('Area', 'Сфера', 'Soha', 'Соҳа'),
  responsible: L('Responsible', 'Ответственный', 'Masʼul', 'Масъул'),
  due: L('Due', 'Срок', 'Muddat', 'Муддат'),
  noActions: L('No actions yet.', 'Мероприятий пока нет.', 'Hozircha chora-tadbirlar yoʻq.', 'Ҳозирча чора-тадбирлар йўқ.'),
  lastReview: L('Last review', 'Последний пересмотр', 'Oxirgi koʻrib chiqish', 'Охирги кўриб чиқиш'),
  signatures: L('Signatures', 'Подписи', 'Imzolar', 'Имзолар'),
  agreement: L(
    'We have agreed on this plan together and will carry it out.',
    'Мы вместе согласовали этот план и будем его выполнять.',
    'Biz ushbu rejani birgalikda kelishib oldik va uni bajaramiz.',
    'Биз ушбу режани биргаликда келишиб олдик ва уни бажарамиз.',
  ),
  forFamily: L('For the family (parent or caregiver)', 'От семьи (родитель или опекун)', 'Oila nomidan (ota-ona yoki vasiy)', 'Оила номидан (ота-она ёки васий)'),
  fullName: L('Full name', 'Ф. И. О.', 'F. I. Sh.', 'Ф. И. Ш.'),
  signature: L('Signature', 'Подпись', 'Imzo', 'Имзо'),
  date: L('Date', 'Дата', 'Sana', 'Сана'),
} as const;

export const PLAN_STATUS_LABELS: Record<PlanStatus, Text> = {
  draft: L('Draft', 'Черновик', 'Qoralama', 'Қоралама'),
  submitted: L('Awaiting approval', 'На утверждении', 'Tasdiqlash kutilmoqda', 'Тасдиқлаш кутилмоқда'),
  approved: L('Approved', 'Утверждён', 'Tasdiqlangan', 'Тасдиқланган'),
  returned: L('Returned for changes', 'Возвращён на доработку', 'Qayta ishlashga qaytarilgan', 'Қайта ишлашга қайтарилган'),
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, Text> = {
  planned: L('Planned', 'Запланировано', 'Rejalashtirilgan', 'Режалаштирилган'),
  in_progress: L('In progress', 'Выполняется', 'Bajarilmoqda', 'Бажарилмоқда'),
  done: L('Done', 'Выполнено', 'Bajarildi', 'Бажарилди'),
  cancelled: L('Cancelled', 'Отменено', 'Bekor qilindi', 'Бекор қилинди'),
};

export interface PlanPdfInput {
  locale: Locale;
  caseNumber: string;
  familyName: string;
  workerName: string | null;
  status: PlanStatus;
  approvedOn: string | null;
  printedOn: string;
  goals: { domain: string; text: string; actions: { text: string; responsible: string; dueOn: string; status: ActionStatus }[] }[];
  lastReview: { reviewedOn: string; summary: string } | null;
  /** pdfkit compresses page content by default; tests may turn it off to read the text. */
  compress?: boolean;
}

/** dd.mm.yyyy, the date format of Uzbekistan. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** Renders the plan; resolves with the whole PDF file. */
export function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const t = (label: Text) => label[input.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: input.compress ?? true,
    info: { Title: `${t(PLAN_PDF_LABELS.title)} ${input.caseNumber}`, Creator: 'Oila' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  doc.font('bold').fontSize(18).text(t(PLAN_PDF_LABELS.title), { width });
  doc.moveDown(0.5);
  const field = (label: Text, value: string) => {
    doc.font('bold').fontSize(10).text(`${t(label)}: `, { continued: true }).font('regular').text(value);
  };
  field(PLAN_PDF_LABELS.family, input.familyName);
  field(PLAN_PDF_LABELS.caseNumber, input.caseNumber);
  if (input.workerName) field(PLAN_PDF_LABELS.worker, input.workerName);
  field(PLAN_PDF_LABELS.status, t(PLAN_STATUS_LABELS[input.status]));
  if (input.approvedOn) field(PLAN_PDF_LABELS.approvedOn, formatDate(input.approvedOn));
  field(PLAN_PDF_LABELS.printedOn, formatDate(input.printedOn));
  doc.moveDown();

  input.goals.forEach((goal, i) => {
    doc.font('bold').fontSize(12).text(`${t(PLAN_PDF_LABELS.goal)} ${i + 1}. ${goal.text}`, { width });
    doc.font('regular').fontSize(9).fillColor('#444444').text(`${t(PLAN_PDF_LABELS.domain)}: ${goal.domain}`, { width }).fillColor('black');
    doc.moveDown(0.3);
    if (!goal.actions.length) doc.font('regular').fontSize(10).text(t(PLAN_PDF_LABELS.noActions), { width, indent: 12 });
    for (const action of goal.actions) {
      doc.font('regular').fontSize(10).text(`• ${action.text}`, { width, indent: 12 });
      doc.fontSize(9).fillColor('#444444')
        .text(`${t(PLAN_PDF_LABELS.responsible)}: ${action.responsible} · ${t(PLAN_PDF_LABELS.due)}: ${formatDate(action.dueOn)} · ${t(ACTION_STATUS_LABELS[action.status])}`, { width, indent: 24 })
        .fillColor('black');
      doc.moveDown(0.2);
    }
    doc.moveDown(0.6);
  });

  if (input.lastReview) {
    doc.font('bold').fontSize(11).text(`${t(PLAN_PDF_LABELS.lastReview)} (${formatDate(input.lastReview.reviewedOn)})`, { width });
    doc.font('regular').fontSize(10).text(input.lastReview.summary, { width });
    doc.moveDown();
  }

  // The signature block stays on one page.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 230) doc.addPage();
  doc.font('bold').fontSize(12).text(t(PLAN_PDF_LABELS.signatures), { width });
  doc.font('regular').fontSize(10).text(t(PLAN_PDF_LABELS.agreement), { width });
  doc.moveDown();
  const signatureBlock = (heading: Text, name: string | null) => {
    doc.font('bold').fontSize(10).text(t(heading), left, doc.y, { width });
    doc.moveDown(0.4);
    for (const [label, value] of [[PLAN_PDF_LABELS.fullName, name], [PLAN_PDF_LABELS.signature, null], [PLAN_PDF_LABELS.date, null]] as const) {
      const y = doc.y + 14;
      doc.font('regular').fontSize(9).text(t(label), left, y - 10, { width: 110 });
      if (value) doc.fontSize(10).text(value, left + 120, y - 12, { width: width - 120 });
      doc.moveTo(left + 115, y + 2).lineTo(left + width, y + 2).lineWidth(0.5).stroke();
      doc.x = left;
      doc.y = y + 10;
    }
    doc.moveDown();
  };
  signatureBlock(PLAN_PDF_LABELS.forFamily, null);
  signatureBlock(PLAN_PDF_LABELS.worker, input.workerName);
  doc.end();
  return done;
}
