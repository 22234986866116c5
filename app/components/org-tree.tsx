// The unit tree as nested lists with disclosure buttons (WAI-ARIA disclosure pattern): each
// unit is a link to its page, with a kind badge, its head count and a bar showing its share of
// the parent's head count. The server renders the initial expansion, so the tree is readable
// without scripts; with scripts the buttons expand and collapse branches in place.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import { buildTree, filterTreeIds, type TreeNode } from '../../core/org/tree.ts';
import { UnitKindBadge } from './unit-kind-badge.tsx';

/** Compact wire form: [id, parentId, name, kind, headCount, fteYears]. */
export type TreeTuple = [string, string | null, string, string, number, number];

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  headCount: number;
  fteYears: number;
}

export interface OrgTreeProps {
  units: readonly TreeTuple[];
  query: string;
  expandAll: boolean;
}

export function OrgTree({ units, query, expandAll }: OrgTreeProps) {
  const t = useT();
  const language = useLanguage();
  const list = useMemo<Unit[]>(() => units.map(([id, parentId, name, kind, headCount, fteYears]) => ({ id, parentId, name, kind, headCount, fteYears })), [units]);
  const visible = useMemo(() => filterTreeIds(list, query), [list, query]);
  const roots = useMemo(() => buildTree(visible ? list.filter((u) => visible.has(u.id)) : list), [list, visible]);
  const initial = useMemo(() => {
    const open = new Set<string>();
    const walk = (nodes: TreeNode<Unit>[], depth: number) => {
      for (const n of nodes) {
        if (n.children.length && (expandAll || visible !== null || depth < 1)) open.add(n.unit.id);
        walk(n.children, depth + 1);
      }
    };
    walk(roots, 0);
    return open;
  }, [roots, expandAll, visible]);
  const [expanded, setExpanded] = useState<Set<string>>(initial);
  const [lastInitial, setLastInitial] = useState(initial);
  if (lastInitial !== initial) {
    setLastInitial(initial);
    setExpanded(initial);
  }
  const number = numberFormat(language, { maximumFractionDigits: 1 });

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderNodes = (nodes: TreeNode<Unit>[], parentCount: number, level: number) =>
    nodes.map((node) => {
      const u = node.unit;
      const open = expanded.has(u.id);
      const share = parentCount > 0 ? Math.max(2, Math.round((u.headCount / parentCount) * 100)) : 100;
      const childListId = `tree-children-${u.id}`;
      return (
        <li key={u.id} className="org-tree__item" data-level={level} data-unit-id={u.id} data-has-children={node.children.length ? 'true' : undefined}>
          <div className="org-tree__row">
            {node.children.length ? (
              <button
                type="button"
                className="org-tree__toggle"
                aria-expanded={open}
                aria-controls={childListId}
                onClick={() => toggle(u.id)}
                data-unit-toggle={u.id}
              >
                <span aria-hidden="true" className="org-tree__chevron" />
                <span className="visually-hidden">{t(open ? 'org.tree.collapse' : 'org.tree.expand', { name: u.name })}</span>
              </button>
            ) : (
              <span className="org-tree__leaf" aria-hidden="true" />
            )}
            <Link to={`/org/units/${u.id}`} className="org-tree__link">
              {visible && query ? <Highlight text={u.name} query={query} /> : u.name}
            </Link>
            <UnitKindBadge kind={u.kind} />
            <span className="org-tree__count">
              {t('org.tree.headCount', { count: number.format(u.headCount) })}
              <span className="org-tree__fte"> · {t('org.tree.fteYears', { fte: number.format(u.fteYears) })}</span>
            </span>
            <span className="org-tree__bar" aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </span>
          </div>
          {node.children.length ? (
            <ul id={childListId} className="org-tree__group" hidden={!open}>
              {open ? renderNodes(node.children, u.headCount, level + 1) : null}
            </ul>
          ) : null}
        </li>
      );
    });

  /**
   * Arrow keys on top of Tab: Up/Down move between visible units, Right opens a branch (or goes
   * to its first unit), Left closes it (or goes to the parent), Home/End jump to the ends.
   */
  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const item = target.closest<HTMLLIElement>('li.org-tree__item');
    if (!item || !['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(event.key)) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('.org-tree__link')];
    const own = item.querySelector<HTMLAnchorElement>(':scope > .org-tree__row .org-tree__link');
    const index = own ? links.indexOf(own) : -1;
    const id = item.dataset.unitId ?? '';
    const isOpen = expanded.has(id);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = links[index + 1];
    else if (event.key === 'ArrowUp') next = links[index - 1];
    else if (event.key === 'Home') next = links[0];
    else if (event.key === 'End') next = links[links.length - 1];
    else if (event.key === 'ArrowRight' && item.dataset.hasChildren) {
      if (!isOpen) toggle(id);
      else next = links[index + 1];
    } else if (event.key === 'ArrowLeft') {
      if (isOpen && item.dataset.hasChildren) toggle(id);
      else next = item.parentElement?.closest<HTMLLIElement>('li.org-tree__item')?.querySelector<HTMLAnchorElement>(':scope > .org-tree__row .org-tree__link') ?? undefined;
    }
    event.preventDefault();
    next?.focus();
  };

  if (roots.length === 0) return <p className="org-tree__empty">{query ? t('org.tree.noMatch', { query }) : t('org.tree.empty')}</p>;
  return (
    <div className="org-tree-wrap">
      <div className="cluster no-print org-tree__tools">
        <Link to={`?${new URLSearchParams({ ...(query ? { q: query } : {}), expand: 'all' })}`} className="ds-link" onClick={() => setExpanded(new Set(list.map((u) => u.id)))}>
          {t('org.tree.expandAll')}
        </Link>
        <Link to={query ? `?${new URLSearchParams({ q: query })}` : '?'} className="ds-link" onClick={() => setExpanded(new Set(roots.map((r) => r.unit.id)))}>
          {t('org.tree.collapseAll')}
        </Link>
      </div>
      <p className="visually-hidden" id="org-tree-help">
        {t('org.tree.keyboardHelp')}
      </p>
      <ul className="org-tree" aria-label={t('org.tree.label')} aria-describedby="org-tree-help" onKeyDown={onKeyDown}>
        {renderNodes(roots, roots.reduce((s, r) => s + r.unit.headCount, 0), 1)}
      </ul>
    </div>
  );
}

function Highlight({ text, query }: { text: string; query: string }) {
  const i = text.toLocaleLowerCase('nb').indexOf(query.trim().toLocaleLowerCase('nb'));
  if (i < 0) return <>{text}</>;
  const end = i + query.trim().length;
  return (
    <>
      {text.slice(0, i)}
      <mark>{text.slice(i, end)}</mark>
      {text.slice(end)}
    </>
  );
}
