// A small coloured tag naming a unit's kind (kommune, sektor, eining, avdeling, team).
import { Tag } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';

const COLOR: Record<string, 'brand1' | 'brand2' | 'brand3' | 'accent' | 'neutral'> = {
  kommune: 'brand1',
  sektor: 'brand2',
  eining: 'accent',
  avdeling: 'brand3',
  team: 'neutral',
};

export function UnitKindBadge({ kind }: { kind: string }) {
  const t = useT();
  return (
    <Tag data-color={COLOR[kind] ?? 'neutral'} data-size="sm" className="unit-kind">
      {t(`org.kind.${kind}`)}
    </Tag>
  );
}
