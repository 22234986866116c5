// An area's sub-navigation (wheel, mapping, catalogue, maturity …): a labelled list of links,
// each shown only to those who may use it, the current page marked aria-current (nav-link-props.ts).
import { useNavLinkProps } from './nav-link-props.ts';

export interface SubNavLink {
  to: string;
  label: string;
  /** Shown only when true (default: shown). */
  shown?: boolean;
}

export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  const link = useNavLinkProps();
  return (
    <nav aria-label={label} className="wheel-nav no-print">
      <ul>
        {links
          .filter((l) => l.shown !== false)
          .map((l) => (
            <li key={l.to}>
              <a {...link(l.to, { end: true })}>{l.label}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
