// One validator issue as translated text (the rule named, with its numbers).
import { useT } from '../i18n/use-t.ts';
import type { RosterIssue } from '../../core/roster/roster.rules.ts';

export function IssueText({ issue }: { issue: Pick<RosterIssue, 'key' | 'params'> }) {
  const t = useT();
  return <>{t(issue.key, issue.params)}</>;
}

export function IssueList({ issues, limit = 50 }: { issues: readonly RosterIssue[]; limit?: number }) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <>
      <ul className="roster-issues">
        {issues.slice(0, limit).map((i, n) => (
          <li key={`${i.rule}-${i.personId}-${i.day}-${n}`}>
            <IssueText issue={i} />
          </li>
        ))}
      </ul>
      {issues.length > limit ? <p>{t('roster.issues.more', { count: issues.length - limit })}</p> : null}
    </>
  );
}
