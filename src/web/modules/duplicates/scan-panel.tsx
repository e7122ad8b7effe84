import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format.ts';
import { api, isAbort } from '../../api/client.ts';
import type { DuplicateScan } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { isScanActive, SCAN_POLL_MS, scanAnnouncement, scanPercent } from './scan-model.ts';

/**
 * The latest registry scan: start one, and while it runs follow it every two
 * seconds (phase, records done, pairs found so far). The scan itself runs on
 * the server, so leaving the page does not stop it. When a scan this page
 * watched finishes, `onFinished` refreshes the queue.
 */
export function ScanPanel({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [scan, setScan] = useState<DuplicateScan | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [starting, setStarting] = useState(false);
  const [joined, setJoined] = useState(false);
  // Only a scan seen running here has its end announced: opening the page is not news.
  const [watched, setWatched] = useState(false);
  // Bumped to (re)start the polling loop, e.g. right after a scan is started.
  const [generation, setGeneration] = useState(0);
  const wasActive = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const answer = await api.get<{ scan: DuplicateScan | null }>('/api/duplicates/scans/current', { signal: controller.signal });
        setScan(answer.scan);
        setError(undefined);
        const active = isScanActive(answer.scan);
        if (wasActive.current && !active) finished.current();
        if (active) setWatched(true);
        wasActive.current = active;
        if (active) timer = window.setTimeout(() => void poll(), SCAN_POLL_MS);
      } catch (e) {
        if (isAbort(e)) return;
        setError(e);
        // A dropped connection should not end the watch over a running scan: try again, less often.
        if (wasActive.current) timer = window.setTimeout(() => void poll(), SCAN_POLL_MS * 5);
      }
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [generation]);

  async function start() {
    setStarting(true);
    setError(undefined);
    try {
      const answer = await api.post<{ scan: DuplicateScan; started: boolean }>('/api/duplicates/scans', {});
      setScan(answer.scan);
      setJoined(!answer.started);
      setWatched(true);
      wasActive.current = true;
      setGeneration((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  }

  const active = isScanActive(scan);
  const announcement = scanAnnouncement(scan);
  const announce =
    announcement?.kind === 'running' && scan
      ? t('review.scan.announceRunning', { phase: t(`review.scan.phase.${scan.phase}`), percent: formatNumber(locale, announcement.percent) })
      : announcement?.kind === 'done' && scan && watched
        ? t('review.scan.announceDone', { count: scan.pairsFound })
        : announcement?.kind === 'failed' && watched
          ? t('review.scan.announceFailed')
          : '';

  return (
    <section className="card review-scan" aria-labelledby="review-scan-title">
      <div className="section-header">
        <h2 id="review-scan-title">{t('review.scan.title')}</h2>
        <Button variant="primary" onClick={() => void start()} busy={starting} disabled={active || scan === undefined}>
          {t('review.scan.start')}
        </Button>
      </div>
      {error !== undefined && <ErrorSummary message={errorText(t, error)} items={[]} />}
      {scan === null && <p>{t('review.scan.never')}</p>}
      {scan && scan.status === 'pending' && <p>{t('review.scan.pending')}</p>}
      {scan && scan.status === 'running' && <ScanProgress scan={scan} />}
      {scan && active && (
        <p className="muted">
          {joined && `${t('review.scan.alreadyRunning')} `}
          {t('review.scan.background')}
        </p>
      )}
      {scan && scan.status === 'done' && (
        <p>{t('review.scan.done', { when: formatDateTime(locale, scan.finishedAt), count: scan.pairsFound })}</p>
      )}
      {scan && scan.status === 'failed' && <p className="notice notice--error">{t('review.scan.failed')}</p>}
      {/* Said once per phase change or ten percent, not at every poll. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </section>
  );
}

function ScanProgress({ scan }: { scan: DuplicateScan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = scanPercent(scan);
  return (
    <div className="review-progress">
      <p className="review-progress-phase">
        <strong>{t('review.scan.running')}</strong> — {t(`review.scan.phase.${scan.phase}`)}
      </p>
      <label className="visually-hidden" htmlFor="review-scan-progress">
        {t('review.scan.progressLabel')}
      </label>
      <progress id="review-scan-progress" className="review-progress-bar" max={100} value={percent}>
        {formatNumber(locale, percent)}%
      </progress>
      <p>
        {t('review.scan.progress', { processed: formatNumber(locale, scan.processed), total: formatNumber(locale, scan.total), percent: formatNumber(locale, percent) })}
        {' '}
        {t('review.scan.pairsSoFar', { count: scan.pairsFound })}
      </p>
    </div>
  );
}
