// A labelled progress bar (native <progress>, which assistive technology announces) with the
// numbers written out beside it.
import { useId } from 'react';
import { useT } from '../i18n/use-t.ts';

/** `text` replaces the default "n of m steps" beside the bar (e.g. a solver's live objective). */
export function ProgressBar({ done, total, label, text }: { done: number; total: number; label: string; text?: string }) {
  const t = useT();
  const id = useId();
  const max = Math.max(1, total);
  const value = Math.min(done, max);
  return (
    <div className="progress-bar">
      <label htmlFor={id} className="progress-bar__label">
        {label}
      </label>
      <progress id={id} max={max} value={value} className="progress-bar__bar">
        {Math.round((value / max) * 100)}%
      </progress>
      <span className="progress-bar__text" aria-hidden="true">
        {text ?? t('import.progress.steps', { done: value, total: max })} ({Math.round((value / max) * 100)} %)
      </span>
    </div>
  );
}
