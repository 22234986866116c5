// Swaps (vaktbyte) as a table: who swaps with whom on which day, what each had, the status;
// with approve/reject buttons for the leader when `decide` is given.
import { Form } from 'react-router';
import { Button } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { CsrfField } from './csrf-field.tsx';

export interface SwapItem {
  id: string;
  version?: number;
  date: string;
  requester: string;
  counterpart: string;
  requesterShift: string | null;
  counterpartShift: string | null;
  status: string;
  comment?: string | null;
}

export function SwapList({ swaps, decide = false }: { swaps: SwapItem[]; decide?: boolean }) {
  const t = useT();
  const off = t('roster.grid.off');
  return (
    <table className="roster-table" data-testid="swaps">
      <caption className="visually-hidden">{t('roster.swaps.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roster.wishes.date')}</th>
          <th scope="col">{t('roster.swaps.swap')}</th>
          <th scope="col">{t('roster.period.status')}</th>
          {decide ? <th scope="col">{t('roster.swaps.decision')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {swaps.map((s) => (
          <tr key={s.id}>
            <td>{s.date}</td>
            <td>
              {t('roster.swaps.describe', { requester: s.requester, mine: s.requesterShift ?? off, counterpart: s.counterpart, theirs: s.counterpartShift ?? off })}
              {s.comment ? <div className="roster-list__meta">{s.comment}</div> : null}
            </td>
            <td>{t(`roster.swaps.status.${s.status}`)}</td>
            {decide ? (
              <td>
                {s.status === 'proposed' ? (
                  <Form method="post" className="cluster">
                    <CsrfField />
                    <input type="hidden" name="swapId" value={s.id} />
                    <input type="hidden" name="swapVersion" value={s.version} />
                    <Button type="submit" name="intent" value="swapApprove" data-size="sm">
                      {t('roster.swaps.approve')}
                    </Button>
                    <Button type="submit" name="intent" value="swapReject" variant="secondary" data-size="sm">
                      {t('roster.swaps.reject')}
                    </Button>
                  </Form>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
