// Navigation links without a React Router <NavLink> each: the header and sub-navigations render a
// dozen links on every page, and each NavLink resolves its path, reads the router state and
// builds its click handler per render. Here the current path and one click handler are read once
// per list; every link is a plain <a href> that the router follows without a page load (an
// ordinary left click; modified clicks open tabs as any link does), marked aria-current="page"
// when it is the page being shown — what NavLink did, at a fraction of the server render cost.
import { useCallback, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';

export type NavLinkProps = (to: string, options?: { end?: boolean }) => Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick' | 'aria-current'>;

/** True when `to` (its path; the query does not count) is the page at `pathname` (with `end`) or one of its ancestors (without). */
export function isCurrentLink(pathname: string, to: string, end = false): boolean {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p).toLowerCase();
  const here = trim(pathname);
  const target = trim(to.replace(/[?#].*$/, '') || '/');
  if (here === target) return true;
  return !end && target !== '/' && here.startsWith(`${target}/`);
}

export function useNavLinkProps(): NavLinkProps {
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  const here = pathname + search + hash;
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const href = event.currentTarget.getAttribute('href');
      if (!href || !href.startsWith('/') || href.startsWith('//')) return;
      event.preventDefault();
      // As <Link> does: following the link to the page already shown replaces its history entry.
      void navigate(href, { replace: href === here });
    },
    [navigate, here],
  );
  return (to, options) => ({ href: to, onClick, 'aria-current': isCurrentLink(pathname, to, options?.end) ? 'page' : undefined });
}
