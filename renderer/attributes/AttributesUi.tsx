import { useT } from '../i18n/I18n';
import { useAttributes } from './AttributesContext';
import { AttributesDialog } from './AttributesDialog';

/** The toolbar's Attributes button and the dialog it opens (the document list opens it too). */
export function AttributesUi() {
  const t = useT();
  const { dialogOpen, setDialogOpen } = useAttributes();
  return (
    <>
      <button type="button" onClick={() => setDialogOpen(true)}>
        {t('attributes.open')}
      </button>
      {dialogOpen ? <AttributesDialog onClose={() => setDialogOpen(false)} /> : null}
    </>
  );
}
