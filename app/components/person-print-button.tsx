// "Print" for profile and unit pages; shown only once scripts run (printing needs them).
import { useEffect, useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';

export function PersonPrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <Button type="button" variant="tertiary" data-size="sm" onClick={() => window.print()}>
      {t('common.actions.print')}
    </Button>
  );
}
