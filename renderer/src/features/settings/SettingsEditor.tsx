import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { CalendarSection } from './CalendarSection';
import { CsatSection, EffortAndFcrSection, NpsSection } from './CalculationSections';
import { ConfirmDialog } from './ConfirmDialog';
import { FieldErrorsContext } from './fieldErrors';
import type { LoadedSettings } from './SettingsPage';
import { SettingsBar } from './SettingsBar';
import { TargetsSection } from './TargetsSection';
import { useLeaveGuard } from './useLeaveGuard';
import { useSettingsForm } from './useSettingsForm';

/** The form: a draft of the settings, saved as a patch of what changed. */
export function SettingsEditor({ initial }: { initial: LoadedSettings }) {
  const f = useSettingsForm(initial);
  const guard = useLeaveGuard(f.dirty, 'settings');
  const [confirmReset, setConfirmReset] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // After a refused save, focus goes to the first field it names (its sentence is read with it).
  useEffect(() => {
    if (f.saveError) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [f.saveError]);

  return (
    <FieldErrorsContext.Provider value={f.fieldErrors}>
      <form
        ref={form}
        className="settings-page"
        aria-label="KPI settings"
        // Our sentences, not the browser's bubbles, say what is wrong.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void f.save(
            () => call('updateKpiSettings', f.patch),
            'Settings saved. Dashboards use them from now on.',
          );
        }}
      >
        <SettingsBar
          dirty={f.dirty}
          saving={f.saving}
          saveError={f.saveError}
          onDiscard={f.discard}
          onReset={() => setConfirmReset(true)}
        />
        <div className="settings-grid">
          <CsatSection draft={f.draft} update={f.update} changes={f.changes} />
          <NpsSection draft={f.draft} update={f.update} />
          <EffortAndFcrSection draft={f.draft} update={f.update} changes={f.changes} />
          <CalendarSection calendar={f.draft.calendar} onChange={(c) => f.update('calendar', c)} />
        </div>
        <TargetsSection
          kpis={f.kpis}
          draft={f.draft}
          teams={initial.teams}
          agents={initial.agents}
          onChange={f.setTarget}
        />
        <ConfirmDialog
          open={guard.leaving !== null}
          title="Leave without saving?"
          message="Your changes to the KPI settings are not saved yet. If you leave now, they are lost."
          confirmLabel="Leave without saving"
          cancelLabel="Stay on this page"
          onConfirm={guard.leave}
          onCancel={guard.stay}
        />
        <ConfirmDialog
          open={confirmReset}
          title="Reset to the defaults?"
          message="Every KPI setting and target goes back to its default, including targets set per team or agent."
          confirmLabel="Reset settings"
          cancelLabel="Cancel"
          onConfirm={() => {
            setConfirmReset(false);
            void f.save(() => call('resetKpiSettings', {}), 'Settings reset to the defaults.');
          }}
          onCancel={() => setConfirmReset(false)}
        />
      </form>
    </FieldErrorsContext.Provider>
  );
}
