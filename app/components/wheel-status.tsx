// A milestone or unit status shown with colour, shape and text, so it never relies on colour
// alone (WCAG 1.4.1): done ✓ circle, in progress half circle, not started ring, overdue square.
import { Tag } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';

export type ShownStatus = 'not_started' | 'in_progress' | 'done' | 'overdue';

export const STATUS_STYLE: Record<ShownStatus, { color: string; tag: 'neutral' | 'info' | 'success' | 'danger' }> = {
  not_started: { color: '#4b5563', tag: 'neutral' },
  in_progress: { color: '#0062ba', tag: 'info' },
  done: { color: '#0f7a36', tag: 'success' },
  overdue: { color: '#b3261e', tag: 'danger' },
};

/** The marker shape of a status, centred on (x, y), radius r; used in the wheel and the legend. */
export function StatusShape({ status, x, y, r }: { status: ShownStatus; x: number; y: number; r: number }) {
  const color = STATUS_STYLE[status].color;
  switch (status) {
    case 'done':
      return (
        <g>
          <circle cx={x} cy={y} r={r} fill={color} />
          <path d={`M ${x - r * 0.5} ${y} L ${x - r * 0.1} ${y + r * 0.45} L ${x + r * 0.55} ${y - r * 0.4}`} stroke="#fff" strokeWidth={r * 0.28} fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </g>
      );
    case 'in_progress':
      return (
        <g>
          <circle cx={x} cy={y} r={r} fill="#fff" stroke={color} strokeWidth={r * 0.3} />
          <path d={`M ${x} ${y - r} A ${r} ${r} 0 0 1 ${x} ${y + r} Z`} fill={color} />
        </g>
      );
    case 'overdue':
      return (
        <g>
          <rect x={x - r} y={y - r} width={r * 2} height={r * 2} fill={color} rx={r * 0.2} />
          <path d={`M ${x} ${y - r * 0.55} L ${x} ${y + r * 0.15}`} stroke="#fff" strokeWidth={r * 0.3} strokeLinecap="round" />
          <circle cx={x} cy={y + r * 0.55} r={r * 0.16} fill="#fff" />
        </g>
      );
    default:
      return <circle cx={x} cy={y} r={r * 0.85} fill="#fff" stroke={color} strokeWidth={r * 0.3} />;
  }
}

export function StatusIcon({ status }: { status: ShownStatus }) {
  return (
    <svg width="16" height="16" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false" className="status-icon">
      <StatusShape status={status} x={0} y={0} r={8} />
    </svg>
  );
}

export function StatusBadge({ status }: { status: ShownStatus }) {
  const t = useT();
  return (
    <Tag data-color={STATUS_STYLE[status].tag} data-size="sm" className="status-badge">
      <StatusIcon status={status} /> {t(`wheel.status.${status}`)}
    </Tag>
  );
}
