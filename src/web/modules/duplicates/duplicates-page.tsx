import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_BANDS, DUPLICATE_PAIR_STATUSES, type DuplicateBand, type DuplicatePairStatus } from '../../../shared/duplicates.ts';
import { api } from '../../api/client.ts';
import type { DuplicatePair, Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { recall, remember } from '../../session/memory.ts';
import { can, useUser } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { Pagination } from '../../ui/table.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useLocationLabels } from '../locations/use-location-labels.ts';
import { branchOptions, useOrganisation } from '../organisation/organisation.ts';
import { DismissPairDialog } from './dismiss-pair-dialog.tsx';
import { PairCard } from './pair-card.tsx';
import { ScanPanel } from './scan-panel.tsx';
import './duplicates.css';

interface QueueQuery {
  status: DuplicatePairStatus;
  band: DuplicateBand | '';
  branchId: string;
  page: number;
}

const PAGE_SIZE = 20;
const MEMORY_KEY = 'duplicates-queue';
const START: QueueQuery = { status: 'open', band: '', branchId: '', page: 1 };

/**
 * The supervisors' duplicates review: the latest registry scan (start one,
 * follow its progress) and the queue of pairs it found, best first, each to
 * merge or to mark as two different people.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const org = useOrganisation();
  const [query, setQuery] = useState<QueueQuery>(() => recall(MEMORY_KEY, START));
  const [dismissing, setDismissing] = useState<DuplicatePair | null>(null);
  // The card whose button had focus leaves the list: focus goes to the queue's heading once it is reloaded.
  const [refocusAfter, setRefocusAfter] = useState<Page<DuplicatePair> | null>(null);
  const queueHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => remember(MEMORY_KEY, query), [query]);

  const queue = useResource(
    (signal) => {
      const params = new URLSearchParams({ status: query.status, page: String(query.page), pageSize: String(PAGE_SIZE) });
      if (query.band) params.set('band', query.band);
      if (query.branchId) params.set('branchId', query.branchId);
      return api.get<Page<DuplicatePair>>(`/api/duplicates/pairs?${params.toString()}`, { signal });
    },
    [query.status, query.band, query.branchId, query.page],
  );
  const pairs = queue.data?.items ?? [];
  const place = useLocationLabels(pairs.flatMap((p) => [p.personA, p.personB]));

  // A decision can empty the last page: step back rather than show an empty page of a non-empty queue.
  useEffect(() => {
    if (queue.data && queue.data.items.length === 0 && queue.data.total > 0 && query.page > 1) {
      setQuery((q) => ({ ...q, page: Math.max(1, Math.ceil(queue.data!.total / PAGE_SIZE)) }));
    }
  }, [queue.data, query.page]);

  useEffect(() => {
    if (refocusAfter && queue.data !== refocusAfter && !queue.loading) {
      queueHeading.current?.focus();
      setRefocusAfter(null);
    }
  }, [refocusAfter, queue.data, queue.loading]);

  const update = (patch: Partial<QueueQuery>) => setQuery((prev) => ({ ...prev, page: 1, ...patch }));

  return (
    <>
      <PageHeader title={t('review.title')} />
      <p className="review-intro">{t('review.intro')}</p>
      <ScanPanel onFinished={queue.reload} />

      <section aria-labelledby="review-queue-title">
        <h2 id="review-queue-title" ref={queueHeading} tabIndex={-1}>
          {t('review.queue.title')}
        </h2>
        <form className="filters review-filters" aria-label={t('review.queue.filters')} onSubmit={(e) => e.preventDefault()}>
          <Select
            id="review-status"
            label={t('review.queue.status')}
            value={query.status}
            options={DUPLICATE_PAIR_STATUSES.map((s) => ({ value: s, label: t(`review.queue.statuses.${s}`) }))}
            onChange={(status) => update({ status: status as DuplicatePairStatus })}
          />
          <Select
            id="review-band"
            label={t('review.queue.band')}
            value={query.band}
            emptyLabel={t('common.any')}
            options={DUPLICATE_BANDS.map((b) => ({ value: b, label: t(`duplicates.band.${b}`) }))}
            onChange={(band) => update({ band: band as DuplicateBand | '' })}
          />
          <Select
            id="review-branch"
            label={t('common.branch')}
            value={query.branchId}
            emptyLabel={t('common.allBranches')}
            options={branchOptions(org.data, locale)}
            onChange={(branchId) => update({ branchId })}
          />
        </form>
        {queue.error !== undefined && <ErrorSummary message={errorText(t, queue.error)} items={[]} />}
        {queue.loading && !queue.data && <Loading />}
        {queue.data && pairs.length === 0 && (
          <p className="review-empty">{query.status === 'open' ? t('review.queue.emptyOpen') : t('review.queue.emptyOther')}</p>
        )}
        {pairs.length > 0 && (
          <ul className="review-pairs" aria-busy={queue.loading || undefined}>
            {pairs.map((pair) => (
              <PairCard
                key={pair.id}
                pair={pair}
                place={place}
                canMerge={can(user, 'person.merge') && user.fieldView === 'full'}
                onDismiss={() => setDismissing(pair)}
              />
            ))}
          </ul>
        )}
        {queue.data && (
          <Pagination
            label={t('review.queue.pagination')}
            page={query.page}
            pageSize={PAGE_SIZE}
            total={queue.data.total}
            onPageChange={(page) => setQuery((prev) => ({ ...prev, page }))}
          />
        )}
      </section>

      {dismissing && (
        <DismissPairDialog
          pair={dismissing}
          onClose={() => setDismissing(null)}
          onDone={() => {
            setDismissing(null);
            toast.show(t('review.dismiss.done'));
            setRefocusAfter(queue.data ?? null);
            queue.reload();
          }}
          onStale={() => {
            setDismissing(null);
            setRefocusAfter(queue.data ?? null);
            queue.reload();
          }}
        />
      )}
    </>
  );
}
