import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.ts';
import { formatNumber } from '../../shared/i18n/format.ts';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Server sort values for this column, ascending and descending. */
  sort?: { asc: string; desc: string };
  /** Row headers name the row for screen readers (usually the name or reference column). */
  rowHeader?: boolean;
  className?: string;
}

export interface TableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort?: string;
  onSortChange?: (sort: string) => void;
  loading?: boolean;
  emptyText: string;
  /** Visually hide the caption when the page heading already says what the table is. */
  captionHidden?: boolean;
}

/**
 * A data table. Sortable headers are buttons inside the header cell, which
 * carries `aria-sort`. On narrow screens each row becomes a card whose cells
 * are labelled with their column (CSS uses `data-label`).
 */
export function Table<Row>(props: TableProps<Row>) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={props.loading || undefined}>
        <caption className={props.captionHidden ? 'visually-hidden' : 'table-caption'}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((col) => {
              const direction = col.sort && props.sort === col.sort.asc ? 'ascending' : col.sort && props.sort === col.sort.desc ? 'descending' : undefined;
              return (
                <th key={col.key} scope="col" aria-sort={col.sort ? (direction ?? 'none') : undefined} className={col.className}>
                  {col.sort && props.onSortChange ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => props.onSortChange?.(direction === 'ascending' ? col.sort!.desc : col.sort!.asc)}
                    >
                      {col.header}
                      <span aria-hidden="true" className="sort-indicator">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                      <span className="visually-hidden">
                        {direction === 'ascending' ? t('table.sortedAscending') : direction === 'descending' ? t('table.sortedDescending') : t('table.sortable')}
                      </span>
                    </button>
                  ) : (
                    col.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && !props.loading && (
            <tr>
              <td colSpan={props.columns.length} className="table-empty">
                {props.emptyText}
              </td>
            </tr>
          )}
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((col) =>
                col.rowHeader ? (
                  <th key={col.key} scope="row" data-label={col.header} className={col.className}>
                    {col.render(row)}
                  </th>
                ) : (
                  <td key={col.key} data-label={col.header} className={col.className}>
                    {col.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A column heading of a RowsTable; `num` for a column of numbers (aligned right). */
export type RowsTableColumn = string | { label: string; num: true };

/**
 * A table whose rows the caller writes out (cells of several lines, links,
 * buttons), under its column headings, with a caption only screen readers
 * read (the section's heading shows what it is). `actions` adds a last column
 * for buttons, its heading also for screen readers only.
 */
export function RowsTable(props: { caption: string; columns: readonly RowsTableColumn[]; actions?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={i} scope="col">
                  {c}
                </th>
              ) : (
                <th key={i} scope="col" className="num">
                  {c.label}
                </th>
              ),
            )}
            {props.actions && (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label: string;
}

/** Previous / next with the position in words, e.g. "21–40 of 312". */
export function Pagination({ page, pageSize, total, onPageChange, label }: PaginationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  // Nothing to page through: the table's own empty text says enough.
  if (total === 0) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <p className="pagination-status" aria-live="polite">
        {t('table.range', { from: formatNumber(locale, from), to: formatNumber(locale, to), total: formatNumber(locale, total), count: total })}
      </p>
      {pages > 1 && (
        <div className="pagination-buttons">
          <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            <span aria-hidden="true">← </span>
            {t('table.previous')}
          </button>
          <span className="pagination-page">{t('table.pageOf', { page: formatNumber(locale, page), pages: formatNumber(locale, pages) })}</span>
          <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
            {t('table.next')}
            <span aria-hidden="true"> →</span>
          </button>
        </div>
      )}
    </nav>
  );
}
