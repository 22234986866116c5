// The mix of a catalogue's measures as one stacked bar (server-rendered SVG): courses on the
// left (solid), learning at work on the right (hatched), so colour is never the only cue. The
// numbers are also written out beside it.
import { useT } from '../i18n/use-t.ts';

export function MeasureMixBar({ course, work }: { course: number; work: number }) {
  const t = useT();
  const total = course + work;
  const width = 400;
  const courseWidth = total === 0 ? 0 : Math.round((course / total) * width);
  const percent = total === 0 ? 0 : Math.round((work / total) * 100);
  const desc = t('catalogue.mix.desc', { course, work, percent });
  return (
    <figure className="mix-bar">
      <svg viewBox={`0 0 ${width} 32`} width="100%" role="img" aria-labelledby="mix-title mix-desc" xmlns="http://www.w3.org/2000/svg" className="mix-bar__svg">
        <title id="mix-title">{t('catalogue.mix.title')}</title>
        <desc id="mix-desc">{desc}</desc>
        <defs>
          <pattern id="mix-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#d6efe4" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#0b6b43" strokeWidth="3" />
          </pattern>
        </defs>
        <rect x="0" y="0" width={width} height="32" fill="#f2f2f2" stroke="#595959" />
        {courseWidth > 0 ? <rect x="0" y="0" width={courseWidth} height="32" fill="#1e4f8a" /> : null}
        {courseWidth < width && total > 0 ? <rect x={courseWidth} y="0" width={width - courseWidth} height="32" fill="url(#mix-hatch)" /> : null}
      </svg>
      <figcaption>
        <ul className="mix-bar__legend">
          <li>
            <span className="mix-bar__swatch mix-bar__swatch--course" aria-hidden="true" /> {t('measures.class.course')}: {course}
          </li>
          <li>
            <span className="mix-bar__swatch mix-bar__swatch--work" aria-hidden="true" /> {t('measures.class.work')}: {work}
          </li>
          <li>{t('measures.mix.share', { percent })}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
