// The competence plan's 4-year outlook as small multiples (server-rendered SVG): one small bar
// chart per competence area with a pair of bars per year — the units' needs (light with a dark
// outline, left) and what the plan sets aside (solid, right) — on one shared scale, so areas can
// be compared at a glance. A year with nothing planned shows a dash. Position and outline, not
// colour alone, tell the two bars apart; the table under it carries the same numbers as text.
import type { PlanOutlook } from '../../core/competence-plan/competence-plan.rules.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';

const W = 220;
const H = 132;
const TOP = 10;
const BOTTOM = 22;
const LEFT = 6;

export function PlanOutlookChart({ outlook }: { outlook: PlanOutlook }) {
  const t = useT();
  const language = useLanguage();
  const num = numberFormat(language, { maximumFractionDigits: 0 });
  const nok = (n: number) => `${num.format(n)} kr`;
  const max = Math.max(1, ...outlook.areas.flatMap((a) => a.cells.flatMap((c) => [c.needNok ?? 0, c.plannedNok ?? 0])));
  const plotH = H - TOP - BOTTOM;
  const groupW = (W - LEFT * 2) / outlook.years.length;
  const barW = outlook.withNeeds ? groupW / 2 - 6 : groupW - 16;
  const h = (n: number) => (n / max) * plotH;
  return (
    <figure className="stack cplan-outlook" aria-labelledby="cplan-outlook-caption">
      <figcaption id="cplan-outlook-caption" className="stack">
        <strong>{t('competencePlan.outlook.chart')}</strong>
        {outlook.withNeeds ? <span>{t('competencePlan.outlook.chartDesc')}</span> : null}
        <span className="cplan-outlook__legend" aria-hidden="true">
          {outlook.withNeeds ? (
            <span>
              <svg width="14" height="14" viewBox="0 0 14 14">
                <rect x="1" y="1" width="12" height="12" fill="#c7d7ec" stroke="#1e3a5f" strokeWidth="1.5" />
              </svg>{' '}
              {t('competencePlan.outlook.needs')}
            </span>
          ) : null}
          <span>
            <svg width="14" height="14" viewBox="0 0 14 14">
              <rect x="1" y="1" width="12" height="12" fill="#1e4f8a" />
            </svg>{' '}
            {t('competencePlan.outlook.planned')}
          </span>
        </span>
      </figcaption>
      <ul className="cplan-outlook__grid">
        {outlook.areas.map((area, ai) => {
          const desc = area.cells
            .map((c) => {
              const planned = c.plannedNok === null ? t('competencePlan.outlook.notDecided') : nok(c.plannedNok);
              return outlook.withNeeds ? `${c.year}: ${t('competencePlan.outlook.needs')} ${nok(c.needNok ?? 0)}, ${t('competencePlan.outlook.planned')} ${planned}` : `${c.year}: ${t('competencePlan.outlook.planned')} ${planned}`;
            })
            .join('; ');
          return (
            <li key={area.areaId}>
              <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`cplan-ol-${ai}-t cplan-ol-${ai}-d`} className="cplan-outlook__svg">
                <title id={`cplan-ol-${ai}-t`}>{area.areaName}</title>
                <desc id={`cplan-ol-${ai}-d`}>{desc}</desc>
                <line x1={LEFT} x2={W - LEFT} y1={TOP + plotH} y2={TOP + plotH} stroke="#4b5563" strokeWidth="1" />
                {area.cells.map((c, i) => {
                  const gx = LEFT + i * groupW;
                  const needX = gx + 4;
                  const plannedX = outlook.withNeeds ? gx + groupW / 2 + 2 : gx + 8;
                  return (
                    <g key={c.year}>
                      {outlook.withNeeds && (c.needNok ?? 0) > 0 ? <rect x={needX} y={TOP + plotH - h(c.needNok ?? 0)} width={barW} height={Math.max(1, h(c.needNok ?? 0))} fill="#c7d7ec" stroke="#1e3a5f" strokeWidth="1.5" /> : null}
                      {c.plannedNok === null ? (
                        <text x={plannedX + barW / 2} y={TOP + plotH - 4} textAnchor="middle" fontSize="12" fill="#374151">
                          –
                        </text>
                      ) : (
                        <rect x={plannedX} y={TOP + plotH - h(c.plannedNok)} width={barW} height={Math.max(1, h(c.plannedNok))} fill="#1e4f8a" />
                      )}
                      <text x={gx + groupW / 2} y={H - 6} textAnchor="middle" fontSize="12" fill="#111827">
                        {String(c.year)}
                      </text>
                    </g>
                  );
                })}
              </svg>
              <div className="cplan-outlook__name" aria-hidden="true">
                {area.areaName}
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
