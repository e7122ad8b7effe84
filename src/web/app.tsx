import { lazy, Suspense, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { SessionState } from './api/types.ts';
import { SessionProvider, useSession } from './session/session.tsx';
import { Loading } from './ui/loading.tsx';
import { ToastProvider } from './ui/toast.tsx';
import { appRoutes } from './routes.tsx';

const SignInPage = lazy(() => import('./modules/auth/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })));

export function App({ initial }: { initial: SessionState }) {
  return (
    <SessionProvider initial={initial}>
      <ToastProvider>
        <Root />
      </ToastProvider>
    </SessionProvider>
  );
}

/**
 * Until a session is active every address shows sign-in, and the address is
 * kept: after signing in (or again after a session ends) the user is back
 * where they were.
 */
function Root() {
  const { state } = useSession();
  const active = state.stage === 'active';
  // One router per signed-in session: signing out drops its pages and their data.
  const router = useMemo(() => (active ? createBrowserRouter(appRoutes) : null), [active]);
  if (!router) {
    return (
      <Suspense fallback={<Loading />}>
        <SignInPage />
      </Suspense>
    );
  }
  return <RouterProvider router={router} />;
}
