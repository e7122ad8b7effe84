import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSession, useUser } from '../session/session.tsx';
import { errorText } from '../ui/errors.ts';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { Loading } from '../ui/loading.tsx';
import { useToast } from '../ui/toast.tsx';
import { GlobalSearch, GlobalSearchToggle } from './global-search.tsx';
import { mayUseGlobalSearch } from './global-search-model.ts';
import { visibleNavItems } from './nav-items.ts';

/**
 * The frame of every signed-in page: skip link, top bar (app name, sections,
 * user, language, sign-out) and the main region. Below 60rem the sections and
 * the user menu fold behind one menu button.
 */
export function AppShell() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const toast = useToast();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const searchable = mayUseGlobalSearch(user);
  const [signingOut, setSigningOut] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const items = visibleNavItems(user.permissions);

  // A new page is a new context: close the menu and move focus to the content, as a page load would.
  useEffect(() => {
    setMenuOpen(false);
    setSearchOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          {searchable && <GlobalSearchToggle open={searchOpen} onToggle={() => setSearchOpen((open) => !open)} />}
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('app.menu')}
          </button>
          {searchable && <GlobalSearch open={searchOpen} onClose={() => setSearchOpen(false)} />}
          <div id="site-menu" className={`site-menu ${menuOpen ? 'site-menu--open' : ''}`}>
            <nav className="main-nav" aria-label={t('app.mainNavigation')}>
              <ul>
                <li>
                  <NavLink to="/" end>
                    {t('nav.home')}
                  </NavLink>
                </li>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{t(item.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="user-area">
              <NavLink to="/account" className="user-name">
                <span className="visually-hidden">{t('app.signedInAs')} </span>
                {user.displayName}
              </NavLink>
              <LanguageSwitcher className="language-switcher--topbar" />
              <button
                type="button"
                className="button button--topbar"
                disabled={signingOut}
                onClick={() => {
                  setSigningOut(true);
                  signOut().catch((error: unknown) => {
                    toast.show(errorText(t, error), 'error');
                    setSigningOut(false);
                  });
                }}
              >
                {t('app.signOut')}
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <p>
          {user.organisation.name} · {t('app.footer')}
        </p>
      </footer>
    </div>
  );
}
