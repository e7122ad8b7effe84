import { useTranslation } from 'react-i18next';
import { ReasonDialog } from './reason-dialog.tsx';

/** Archiving asks for a reason and names the version the user saw. */
export function ArchiveDialog<T>(props: {
  title: string;
  text: string;
  path: string;
  version: number;
  onClose: () => void;
  onDone: (updated: T) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonDialog<T>
      title={props.title}
      text={props.text}
      path={props.path}
      body={{ version: props.version }}
      reasonLabel={t('common.archiveReason')}
      submitLabel={t('common.archive')}
      onClose={props.onClose}
      onDone={props.onDone}
      onConflict={props.onConflict}
    />
  );
}
