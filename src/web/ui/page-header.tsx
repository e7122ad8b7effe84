import type { ReactNode } from 'react';
import { usePageTitle } from './page-title.ts';

export interface PageHeaderProps {
  /** The page's one `<h1>`, also used for the browser tab's title. */
  title: string;
  /** A short line under the heading (a reference number, a status). */
  subtitle?: ReactNode;
  /** Buttons or links for the page's main actions. */
  actions?: ReactNode;
  /** Tab title when it should differ from the heading (e.g. no personal name in the tab). */
  documentTitle?: string;
  /** The path above this page, e.g. People › Nilufar Kamalova. */
  breadcrumbs?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, documentTitle, breadcrumbs }: PageHeaderProps) {
  usePageTitle(documentTitle ?? title);
  return (
    <div className="page-header">
      {breadcrumbs}
      <div className="page-header-row">
        <div>
          <h1 className="page-title">{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </div>
  );
}
