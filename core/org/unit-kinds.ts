// The kinds of unit in a municipal organisation, top to bottom (no dependencies: used by the browser too).
export const UNIT_KINDS = ['kommune', 'sektor', 'eining', 'avdeling', 'team'] as const;
export type TUnitKind = (typeof UNIT_KINDS)[number];
