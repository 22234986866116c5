// Pure tree shaping for the unit tree, shared by core and the browser (no dependencies).

export interface FlatUnit {
  id: string;
  parentId: string | null;
  name: string;
}

export interface TreeNode<T extends FlatUnit> {
  unit: T;
  children: TreeNode<T>[];
}

/** Build a forest from flat rows; siblings sorted by name (Norwegian collation). Orphans become roots. */
export function buildTree<T extends FlatUnit>(units: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const collator = new Intl.Collator('nb');
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Depth-first order of a forest (for indented selects). */
export function flattenTree<T extends FlatUnit>(roots: readonly TreeNode<T>[]): T[] {
  const out: T[] = [];
  const walk = (list: readonly TreeNode<T>[]) => {
    for (const n of list) {
      out.push(n.unit);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/**
 * Units matching a name query, with every ancestor of a match (so the tree stays connected).
 * Returns the ids to show; an empty query shows everything.
 */
export function filterTreeIds<T extends FlatUnit>(units: readonly T[], query: string): Set<string> | null {
  const q = query.trim().toLocaleLowerCase('nb');
  if (!q) return null;
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<string>();
  for (const u of units) {
    if (!u.name.toLocaleLowerCase('nb').includes(q)) continue;
    let cursor: T | undefined = u;
    while (cursor && !keep.has(cursor.id)) {
      keep.add(cursor.id);
      cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
    }
  }
  return keep;
}

