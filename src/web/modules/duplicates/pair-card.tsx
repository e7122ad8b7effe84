import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../shared/i18n/format.ts';
import type { DuplicatePair, PersonView } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { personNames } from '../people/person-model.ts';
import { personLabel, scriptLang } from './merge-model.ts';

export interface PairCardProps {
  pair: DuplicatePair;
  /** Names of places, from the page's one lookup for every pair shown. */
  place: (id: string | null | undefined) => string;
  canMerge: boolean;
  onDismiss: () => void;
}

/**
 * One possible duplicate: the two records side by side (one above the other
 * on a phone), how alike the scan found them and why, and what to do.
 */
export function PairCard({ pair, place, canMerge, onDismiss }: PairCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const first = personLabel(pair.personA, locale);
  const second = personLabel(pair.personB, locale);
  const agree = pair.reasons.filter((r) => r.effect === 'agree');
  const disagree = pair.reasons.filter((r) => r.effect === 'disagree');
  const titleId = `pair-${pair.id}`;

  return (
    <li className="card review-pair">
      <div className="review-pair-header">
        <h3 id={titleId} className="review-pair-title">
          {t('review.pair.title', { first, second })}
        </h3>
        <p className="review-pair-score">
          <span className={`badge ${pair.band === 'likely' ? 'badge--warning' : ''}`}>{t(`duplicates.band.${pair.band}`)}</span>
          <span className="review-score">{t('review.pair.score', { score: formatNumber(locale, Math.round(pair.score * 100)) })}</span>
        </p>
      </div>
      <div className="review-people">
        <PersonSummary person={pair.personA} label={t('review.pair.first')} place={place} />
        <PersonSummary person={pair.personB} label={t('review.pair.second')} place={place} />
      </div>
      <div className="review-reasons">
        {agree.length > 0 && <Reasons title={t('review.pair.agree')} mark="=" codes={agree.map((r) => r.code)} />}
        {disagree.length > 0 && <Reasons title={t('review.pair.disagree')} mark="≠" codes={disagree.map((r) => r.code)} />}
      </div>
      {pair.status === 'open' ? (
        <div className="review-actions">
          {canMerge && (
            <Link to={`/people/${pair.personA.id}/merge/${pair.personB.id}`} className="button button--primary">
              {t('review.pair.compare')}
              <span className="visually-hidden">: {t('review.pair.title', { first, second })}</span>
            </Link>
          )}
          <Button onClick={onDismiss}>
            {t('review.pair.dismiss')}
            <span className="visually-hidden">: {t('review.pair.title', { first, second })}</span>
          </Button>
        </div>
      ) : (
        <div className="review-decision">
          <p>{pair.status === 'dismissed' ? t('review.pair.dismissedOn', { date: formatDate(locale, pair.decidedAt) }) : t('review.pair.mergedOn', { date: formatDate(locale, pair.decidedAt) })}</p>
          {pair.decisionReason && <p>{t('review.pair.decisionReason', { reason: pair.decisionReason })}</p>}
        </div>
      )}
    </li>
  );
}

function PersonSummary({ person: p, label, place }: { person: PersonView; label: string; place: (id: string | null | undefined) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = personNames(p, locale);
  const where = [place(p.districtId), place(p.mahallaId)].filter(Boolean).join(', ');
  const facts: [string, string][] = [[t('review.pair.reference'), p.reference]];
  if (p.birthDate) facts.push([t('person.fields.birthDate'), p.birthDateEstimated ? t('review.merge.fields.estimatedDate', { date: formatDate(locale, p.birthDate) }) : formatDate(locale, p.birthDate)]);
  else if (p.ageBand) facts.push([t('people.columns.age'), t('people.ageBand', { band: p.ageBand })]);
  if (p.sex) facts.push([t('person.fields.sex'), t(`sex.${p.sex}`)]);
  if (where) facts.push([t('review.pair.place'), where]);

  return (
    <div className="review-person">
      <p className="review-person-label">{label}</p>
      <p className="review-person-name">
        <Link to={`/people/${p.id}`}>{names.primary || p.reference}</Link>
        {p.archivedAt && <span className="badge">{t('common.archived')}</span>}
      </p>
      {names.secondary && (
        <p className="cell-secondary" lang={scriptLang(names.secondary)}>
          {names.secondary}
        </p>
      )}
      <dl className="review-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Reasons({ title, mark, codes }: { title: string; mark: string; codes: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="review-reason-group">
      <p className="review-reason-title">{title}</p>
      <ul className="duplicate-reasons">
        {codes.map((code) => (
          <li key={code}>
            <span aria-hidden="true">{mark} </span>
            {t(`duplicates.reasons.${code}`, { defaultValue: code })}
          </li>
        ))}
      </ul>
    </div>
  );
}
