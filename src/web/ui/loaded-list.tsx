import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './error-summary.tsx';
import { errorText } from './errors.ts';
import { Loading } from './loading.tsx';

/**
 * A list loaded for a section of a page: why loading failed, then "loading"
 * until the first answer, the empty text when there is nothing, or the list.
 */
export function LoadedList(props: { resource: { data: unknown; error: unknown; loading: boolean }; count: number; emptyText: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { resource } = props;
  return (
    <>
      {resource.error !== undefined && <ErrorSummary message={errorText(t, resource.error)} items={[]} />}
      {resource.loading && !resource.data ? <Loading /> : props.count === 0 ? <p className="muted">{props.emptyText}</p> : props.children}
    </>
  );
}
