import { useEffect, useState } from 'react';
import { useFormEditor } from './editorStore';
import { FormEditor, FormLoader } from './FormEditor';
import { FormsList } from './FormsList';
import './forms.css';

/** Review forms: the list, and the editor of one form (kept in its store across tab switches). */
export function FormsTab() {
  const session = useFormEditor((s) => s.session);
  const [opening, setOpening] = useState<{ formId: string | null } | null>(null);
  // Once the form is in the editor, closing it later goes back to the list, not to loading it again.
  useEffect(() => {
    if (session) setOpening(null);
  }, [session]);
  if (session) return <FormEditor session={session} />;
  if (opening) return <FormLoader formId={opening.formId} onCancel={() => setOpening(null)} />;
  return <FormsList onOpen={(formId) => setOpening({ formId })} />;
}
