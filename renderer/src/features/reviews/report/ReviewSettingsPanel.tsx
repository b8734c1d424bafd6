import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReviewSettings } from '../../../../../shared/reviews/settings';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { useQaReport } from './store';

interface Draft {
  perAgent: string;
  period: 'week' | 'month';
  minReviews: string;
  passScore: string;
}

const toDraft = (s: ReviewSettings): Draft => ({
  perAgent: String(s.quota.perAgent),
  period: s.quota.period,
  minReviews: String(s.minReviews),
  passScore: String(s.passScore),
});

/** Checks the draft in the words the lead needs, before the backend sees it. */
export function draftProblem(d: Draft): string | null {
  const whole = (v: string) => /^\d+$/.test(v.trim());
  if (!whole(d.perAgent) || Number(d.perAgent) > 500)
    return 'The quota is a whole number from 0 to 500 reviews.';
  if (!whole(d.minReviews) || Number(d.minReviews) < 1 || Number(d.minReviews) > 500)
    return 'The minimum is a whole number from 1 to 500 reviews.';
  const pass = Number(d.passScore);
  if (d.passScore.trim() === '' || !Number.isFinite(pass) || pass < 0 || pass > 100)
    return 'The pass line is a score from 0 to 100.';
  return null;
}

/** Quota, minimum reviews before a score is judged, and the pass line: one row of settings for QA. */
export function ReviewSettingsPanel() {
  const version = useQaReport((s) => s.version);
  const invalidate = useQaReport((s) => s.invalidate);
  const loaded = useLoad(`review-settings:${version}`, () => call('getReviewSettings', {}));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  useEffect(() => {
    if (loaded.data) setDraft(toDraft(loaded.data));
  }, [loaded.data]);

  if (loaded.error) return <p className="error">Could not load the review settings: {loaded.error}</p>;
  if (!draft) return <p className="muted">Loading…</p>;

  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setMessage(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const problem = draftProblem(draft);
    if (problem) return setMessage({ error: true, text: problem });
    setSaving(true);
    try {
      await call('saveReviewSettings', {
        quota: { perAgent: Number(draft.perAgent), period: draft.period },
        minReviews: Number(draft.minReviews),
        passScore: Number(draft.passScore),
      });
      setMessage({ error: false, text: 'Saved. The report now uses these settings.' });
      invalidate();
    } catch (e) {
      setMessage({ error: true, text: `Could not save: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="qa-settings" onSubmit={(e) => void save(e)} aria-describedby={`${id}-msg`}>
      <label>
        <span>Review quota per agent</span>
        <input
          type="number"
          min={0}
          max={500}
          value={draft.perAgent}
          onChange={(e) => set({ perAgent: e.target.value })}
        />
      </label>
      <label>
        <span>per</span>
        <select value={draft.period} onChange={(e) => set({ period: e.target.value as Draft['period'] })}>
          <option value="week">week</option>
          <option value="month">month</option>
        </select>
      </label>
      <label>
        <span>Minimum reviews to judge a score</span>
        <input
          type="number"
          min={1}
          max={500}
          value={draft.minReviews}
          onChange={(e) => set({ minReviews: e.target.value })}
        />
      </label>
      <label>
        <span>Pass line (score 0–100)</span>
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          value={draft.passScore}
          onChange={(e) => set({ passScore: e.target.value })}
        />
      </label>
      <button type="submit" className="button" disabled={saving}>
        Save review settings
      </button>
      <p
        id={`${id}-msg`}
        className={message?.error ? 'error' : 'muted'}
        role={message?.error ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </form>
  );
}
