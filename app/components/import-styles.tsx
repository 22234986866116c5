// Styles for the import pages (progress bar, mapping grid, preview tables), rendered once
// per page as an inline <style> (allowed by the CSP's style-src 'unsafe-inline').
const CSS = `
.import-links { display: flex; gap: 1.5rem; flex-wrap: wrap; list-style: none; padding: 0; margin: 0; }
.import-file-input { padding: 0.5rem; max-width: 40rem; }
.progress-bar { display: grid; gap: 0.25rem; max-width: 40rem; }
.progress-bar__label { font-weight: 500; }
.progress-bar__bar { width: 100%; height: 1.25rem; accent-color: var(--ds-color-accent-base-default); }
.import-mapping { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem 2rem; }
.import-counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.75rem; margin: 0; }
.import-counts div { border: 1px solid var(--ds-color-neutral-border-subtle); border-radius: 0.5rem; padding: 0.75rem; }
.import-counts dt { font-size: 0.9rem; color: var(--ds-color-neutral-text-subtle); }
.import-counts dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.import-tabs { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; margin: 0; }
.import-tabs a[aria-current='page'] { font-weight: 600; text-decoration-thickness: 3px; }
.import-pager { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.import-table-wrap { overflow-x: auto; }
`;

export function ImportStyles() {
  return <style href="rytme-import-styles" precedence="default">{CSS}</style>;
}
