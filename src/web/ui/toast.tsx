import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ToastKind = 'success' | 'info' | 'error';

/** A button in the toast that acts on what was just done (e.g. "Undo"). */
export interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastItem {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction | undefined;
}

interface ToastApi {
  show: (message: string, kind?: ToastKind, action?: ToastAction) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });

/**
 * Short confirmations ("Saved") read out by screen readers through live
 * regions that exist before any message arrives (a region created together
 * with its text is often not announced). Errors are assertive, the rest polite.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (message: string, kind: ToastKind = 'success', action?: ToastAction) => {
      const id = next.current++;
      setItems((list) => [...list.slice(-3), { id, kind, message, action }]);
      // Errors stay until dismissed: people need time to read what went wrong. So does an
      // action: a keyboard or screen-reader user needs time to reach its button.
      if (kind !== 'error' && !action) window.setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);

  const render = (kinds: ToastKind[]) =>
    items
      .filter((x) => kinds.includes(x.kind))
      .map((x) => (
        <div key={x.id} className={`toast toast--${x.kind}`}>
          <span className="toast-kind">{t(`toast.${x.kind}`)}</span>
          <span className="toast-message">
            {x.message}
            {x.action && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--link toast-action"
                  onClick={() => {
                    dismiss(x.id);
                    x.action?.run();
                  }}
                >
                  {x.action.label}
                </button>
              </>
            )}
          </span>
          <button type="button" className="toast-close" onClick={() => dismiss(x.id)} aria-label={t('common.dismiss')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ));

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div role="status" aria-live="polite" aria-atomic="false">
          {render(['success', 'info'])}
        </div>
        <div role="alert" aria-live="assertive" aria-atomic="false">
          {render(['error'])}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
