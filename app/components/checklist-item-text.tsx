// A checklist item's text: the tenant's own wording, or the seed item's translated text.
import { useT } from '../i18n/use-t.ts';

export function useChecklistItemText(): (item: { seedKey: string | null; text: string | null }) => string {
  const t = useT();
  return (item) => item.text ?? (item.seedKey ? t(`maturity.checklist.items.${item.seedKey}`) : '');
}
