// The rule set of a roster, written out (every rule visible to the people it applies to), and
// the form fields to edit one. Minutes are shown and entered as hours.
import { useT } from '../i18n/use-t.ts';
import type { RuleSet } from '../../core/roster/roster.rules.ts';
import { TextInput } from './form-field.tsx';
import { fieldError, type FormErrorPayload } from './form-errors.tsx';

export const HOUR_RULES = ['dailyRestMinutes', 'weeklyRestMinutes', 'maxDailyMinutes', 'maxWeeklyMinutes', 'fullTimeWeeklyMinutes'] as const;
export const COUNT_RULES = ['hoursTolerancePercent', 'weekendEvery', 'maxConsecutiveWorkDays'] as const;

export function hours(minutes: number): string {
  const h = minutes / 60;
  return Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0$/, '').replace('.', ',');
}

export function RuleList({ rules }: { rules: RuleSet }) {
  const t = useT();
  return (
    <dl className="facts">
      {HOUR_RULES.map((k) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{t(`roster.ruleSets.fields.${k}`)}</dt>
          <dd>{t('roster.ruleSets.hours', { hours: hours(rules[k]) })}</dd>
        </div>
      ))}
      {COUNT_RULES.map((k) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{t(`roster.ruleSets.fields.${k}`)}</dt>
          <dd>{rules[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RuleFields({ rules, prefix, error }: { rules: RuleSet; prefix: string; error: FormErrorPayload | null }) {
  const t = useT();
  return (
    <>
      {HOUR_RULES.map((k) => (
        <TextInput key={k} prefix={prefix} name={`rules.${k}`} label={t(`roster.ruleSets.fields.${k}`)} description={t(`roster.ruleSets.help.${k}`)} inputMode="decimal" required defaultValue={hours(rules[k])} error={fieldError(error, `rules.${k}`)} width="short" />
      ))}
      {COUNT_RULES.map((k) => (
        <TextInput key={k} prefix={prefix} name={`rules.${k}`} type="number" inputMode="numeric" label={t(`roster.ruleSets.fields.${k}`)} description={t(`roster.ruleSets.help.${k}`)} required defaultValue={rules[k]} error={fieldError(error, `rules.${k}`)} width="short" />
      ))}
    </>
  );
}

/** Read the rule fields of a form: hours → minutes (NaN stays NaN and fails validation). */
export function readRuleFields(form: FormData, toMinutes: (text: string) => number): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const k of HOUR_RULES) out[k] = toMinutes(String(form.get(`rules.${k}`) ?? ''));
  for (const k of COUNT_RULES) out[k] = String(form.get(`rules.${k}`) ?? '');
  return out;
}
