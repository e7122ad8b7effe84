import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { personLabel } from './merge-model.ts';

/**
 * "Not the same person": asks why (kept with the decision and in the audit
 * log) and sends the pair's version. If someone decided the pair or it
 * changed meanwhile, the queue is reloaded instead of guessing.
 */
export function DismissPairDialog(props: { pair: DuplicatePair; onClose: () => void; onDone: (pair: DuplicatePair) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { pair } = props;
  return (
    <ReasonDialog<DuplicatePair>
      title={t('review.dismiss.title')}
      text={t('review.dismiss.text')}
      path={`/api/duplicates/pairs/${pair.id}/dismiss`}
      body={{ version: pair.version }}
      reasonLabel={t('review.dismiss.reason')}
      reasonHint={t('review.dismiss.reasonHint')}
      submitLabel={t('review.dismiss.submit')}
      submitVariant="primary"
      onClose={props.onClose}
      onDone={props.onDone}
      onConflict={props.onStale}
      conflictCodes={['version_conflict', 'conflict', 'not_found_or_no_access']}
      conflictMessage={t('review.dismiss.decided')}
    >
      <p>
        <strong>{t('review.pair.title', { first: personLabel(pair.personA, locale), second: personLabel(pair.personB, locale) })}</strong>
      </p>
    </ReasonDialog>
  );
}
