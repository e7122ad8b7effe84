import type { ExitReason } from '../../../shared/cases/case-codes.ts';
import type { AssistanceKind, ServiceType } from '../../../shared/casework/codes.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';

/** The words of exported files (CSV, XLSX), in the caller's language. */

export type Text = Record<Locale, string>;
const L = (en: string, ru: string, latn: string, cyrl: string): Text => ({ en, ru, 'uz-Latn': latn, 'uz-Cyrl': cyrl });

export const SERVICE_TYPE_LABELS: Record<ServiceType, Text> = {
  educational: L('Educational', 'Образовательные', 'Taʼlimiy', 'Таълимий'),
  medical: L('Medical', 'Медицинские', 'Tibbiy', 'Тиббий'),
  psychological: L('Psychological', 'Психологические', 'Psixologik', 'Психологик'),
  social: L('Social', 'Социальные', 'Ijtimoiy', 'Ижтимоий'),
  legal: L('Legal', 'Юридические', 'Huquqiy', 'Ҳуқуқий'),
  parenting_skills: L('Parenting skills', 'Родительские навыки', 'Ota-onalik koʻnikmalari', 'Ота-оналик кўникмалари'),
  economic_vocational_training: L('Vocational training', 'Профессиональное обучение', 'Kasbga oʻqitish', 'Касбга ўқитиш'),
  economic_job_placement: L('Job placement', 'Трудоустройство', 'Ishga joylashtirish', 'Ишга жойлаштириш'),
  economic_small_business: L('Small business start-up', 'Открытие малого бизнеса', 'Kichik biznesni boshlash', 'Кичик бизнесни бошлаш'),
  day_care: L('Day care', 'Дневной уход', 'Kunduzgi parvarish', 'Кундузги парвариш'),
};

export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, Text> = {
  cash: L('Cash', 'Деньги', 'Naqd pul', 'Нақд пул'),
  in_kind: L('In kind', 'Натуральная помощь', 'Moddiy yordam', 'Моддий ёрдам'),
};

export const EXIT_REASON_LABELS: Record<ExitReason, Text> = {
  self_reliant: L('Self-reliant, goals achieved', 'Самостоятельность, цели достигнуты', 'Oʻzini oʻzi taʼminlaydi, maqsadlarga erishildi', 'Ўзини ўзи таъминлайди, мақсадларга эришилди'),
  moved_away: L('Moved away', 'Переезд', 'Koʻchib ketgan', 'Кўчиб кетган'),
  declined: L('Declined further support', 'Отказ семьи', 'Oila rad etgan', 'Оила рад этган'),
  no_longer_eligible: L('No longer eligible', 'Больше не соответствует критериям', 'Endi mezonlarga mos emas', 'Энди мезонларга мос эмас'),
  transferred: L('Transferred', 'Передан в другую организацию', 'Boshqa tashkilotga oʻtkazilgan', 'Бошқа ташкилотга ўтказилган'),
  entered_alternative_care: L('A child entered alternative care', 'Ребёнок помещён в альтернативный уход', 'Bola muqobil parvarishga joylashtirilgan', 'Бола муқобил парваришга жойлаштирилган'),
  lost_contact: L('Lost contact', 'Связь потеряна', 'Aloqa uzilgan', 'Алоқа узилган'),
  death: L('Death', 'Смерть', 'Vafot', 'Вафот'),
  other: L('Other', 'Другое', 'Boshqa', 'Бошқа'),
};

export const REPORT_LABELS = {
  sheet: L('Family strengthening', 'Укрепление семьи', 'Oilani mustahkamlash', 'Оилани мустаҳкамлаш'),
  casesSheet: L('Cases', 'Случаи', 'Holatlar', 'Ҳолатлар'),
  section: L('Section', 'Раздел', 'Boʻlim', 'Бўлим'),
  indicator: L('Indicator', 'Показатель', 'Koʻrsatkich', 'Кўрсаткич'),
  measure: L('Measure', 'Мера', 'Oʻlchov', 'Ўлчов'),
  value: L('Value', 'Значение', 'Qiymat', 'Қиймат'),
  period: L('Period', 'Период', 'Davr', 'Давр'),
  from: L('From', 'С', 'Boshlanishi', 'Бошланиши'),
  to: L('To', 'По', 'Tugashi', 'Тугаши'),
  branch: L('Branch', 'Филиал', 'Filial', 'Филиал'),
  allBranches: L('All branches in reach', 'Все доступные филиалы', 'Barcha ruxsat etilgan filiallar', 'Барча рухсат этилган филиаллар'),
  families: L('Families', 'Семьи', 'Oilalar', 'Оилалар'),
  familiesSupported: L('Families supported', 'Семей получили поддержку', 'Qoʻllab-quvvatlangan oilalar', 'Қўллаб-қувватланган оилалар'),
  casesSupported: L('Cases active in the period', 'Случаев в работе за период', 'Davr ichida faol holatlar', 'Давр ичида фаол ҳолатлар'),
  children: L('Children', 'Дети', 'Bolalar', 'Болалар'),
  childrenTotal: L('Children under 18 in these families', 'Детей до 18 лет в этих семьях', 'Bu oilalardagi 18 yoshgacha bolalar', 'Бу оилалардаги 18 ёшгача болалар'),
  girls: L('Girls', 'Девочки', 'Qizlar', 'Қизлар'),
  boys: L('Boys', 'Мальчики', 'Oʻgʻil bolalar', 'Ўғил болалар'),
  services: L('Services', 'Услуги', 'Xizmatlar', 'Хизматлар'),
  allServices: L('All services', 'Все услуги', 'Barcha xizmatlar', 'Барча хизматлар'),
  count: L('Number', 'Количество', 'Soni', 'Сони'),
  units: L('Units', 'Единицы', 'Birliklar', 'Бирликлар'),
  costUzs: L('Cost, UZS', 'Стоимость, сум', 'Qiymati, soʻm', 'Қиймати, сўм'),
  valueUzs: L('Value, UZS', 'Сумма, сум', 'Qiymati, soʻm', 'Қиймати, сўм'),
  assistance: L('One-time assistance', 'Единовременная помощь', 'Bir martalik yordam', 'Бир марталик ёрдам'),
  allAssistance: L('All assistance', 'Вся помощь', 'Barcha yordam', 'Барча ёрдам'),
  referrals: L('Referrals', 'Направления', 'Yoʻllanmalar', 'Йўлланмалар'),
  referralsSent: L('Sent', 'Отправлено', 'Yuborilgan', 'Юборилган'),
  referralsAccepted: L('Accepted', 'Принято', 'Qabul qilingan', 'Қабул қилинган'),
  referralsCompleted: L('Completed', 'Завершено', 'Yakunlangan', 'Якунланган'),
  exits: L('Exits', 'Выход из программы', 'Dasturdan chiqish', 'Дастурдан чиқиш'),
  exitsTotal: L('Families exited', 'Семей вышло из программы', 'Dasturdan chiqqan oilalar', 'Дастурдан чиққан оилалар'),
  selfReliantShare: L('Share exited as self-reliant, %', 'Доля вышедших самостоятельными, %', 'Mustaqil boʻlib chiqqanlar ulushi, %', 'Мустақил бўлиб чиққанлар улуши, %'),
  averageDays: L('Average days from enrolment to exit', 'Среднее число дней от зачисления до выхода', 'Qabul qilishdan chiqishgacha oʻrtacha kunlar', 'Қабул қилишдан чиқишгача ўртача кунлар'),
} as const;

/** Columns of the case list export; which of them a caller gets follows the case field view. */
export const CASE_COLUMN_LABELS = {
  caseNumber: L('Case number', 'Номер случая', 'Holat raqami', 'Ҳолат рақами'),
  householdReference: L('Household code', 'Код семьи', 'Oila kodi', 'Оила коди'),
  householdName: L('Family', 'Семья', 'Oila', 'Оила'),
  branch: L('Branch', 'Филиал', 'Filial', 'Филиал'),
  team: L('Mahalla team', 'Команда махалли', 'Mahalla jamoasi', 'Маҳалла жамоаси'),
  assignedWorkerName: L('Social worker', 'Социальный работник', 'Ijtimoiy xodim', 'Ижтимоий ходим'),
  status: L('Status', 'Статус', 'Holati', 'Ҳолати'),
  riskLevel: L('Risk level', 'Уровень риска', 'Xavf darajasi', 'Хавф даражаси'),
  referralSource: L('Referred by', 'Источник направления', 'Kim yoʻllagan', 'Ким йўллаган'),
  referralDate: L('Referral date', 'Дата направления', 'Yoʻllanma sanasi', 'Йўлланма санаси'),
  openedOn: L('Opened', 'Открыт', 'Ochilgan', 'Очилган'),
  enrolledOn: L('Enrolled', 'Зачислен', 'Qabul qilingan', 'Қабул қилинган'),
  planApprovedOn: L('Plan approved', 'План утверждён', 'Reja tasdiqlangan', 'Режа тасдиқланган'),
  nextReviewOn: L('Next review', 'Следующий пересмотр', 'Keyingi koʻrib chiqish', 'Кейинги кўриб чиқиш'),
  exitedOn: L('Exited', 'Дата выхода', 'Chiqqan sana', 'Чиққан сана'),
  exitReason: L('Exit reason', 'Причина выхода', 'Chiqish sababi', 'Чиқиш сабаби'),
  members: L('Household members', 'Членов семьи', 'Oila aʼzolari', 'Оила аъзолари'),
  children: L('Children under 18', 'Детей до 18 лет', '18 yoshgacha bolalar', '18 ёшгача болалар'),
} as const;
