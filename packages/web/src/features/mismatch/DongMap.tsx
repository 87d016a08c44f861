import type { DongFeatures, MismatchReport } from '@ilteo/shared';
import { geoMercator, geoPath } from 'd3-geo';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import {
  CLASS_COLORS,
  classBreaks,
  classOf,
  dongValue,
  drawableFeatures,
  type Measure,
  NO_VALUE_COLOR,
  shortName,
} from './map';

const WIDTH = 640;

const HEIGHT = 520;

interface DongMapProps {
  shapes: DongFeatures;
  dongs: MismatchReport['dongs'];
  measure: Measure;
  measureLabel: string;
  format: (value: number | null) => string;
}

/**
 * Bupyeong's dongs as an SVG choropleth: each dong a focusable shape named with its value,
 * a legend of the five classes, and the focused or hovered dong spelt out under the map.
 */
export function DongMap({ shapes, dongs, measure, measureLabel, format }: DongMapProps) {
  const { locale, t } = useI18n();
  const [active, setActive] = useState<string | null>(null);
  const collection = useMemo(() => drawableFeatures(shapes), [shapes]);
  const path = useMemo(() => {
    const projection = geoMercator().fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      collection,
    );
    return geoPath(projection);
  }, [collection]);
  const byCode = new Map(dongs.map((d) => [d.code, d]));
  const values = collection.features.map((f) => dongValue(byCode.get(f.properties.code), measure));
  const breaks = classBreaks(values, measure);
  const nameOf = (p: { name: string; nameEn: string | null }) =>
    locale === 'en' && p.nameEn ? p.nameEn : p.name;
  const describe = (code: string, name: string) =>
    t('mismatch.map.dong', {
      name,
      measure: measureLabel,
      value: format(dongValue(byCode.get(code), measure)),
    });
  const activeFeature = collection.features.find((f) => f.properties.code === active);

  return (
    <div className="mm-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={t('mismatch.map.label', { measure: measureLabel })}
        data-testid="dong-map"
      >
        {collection.features.map((f, i) => {
          const cls = classOf(values[i] ?? null, breaks);
          const name = nameOf(f.properties);
          const label = describe(f.properties.code, name);
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a focusable dong is read as an image named with its value
            <path
              key={f.properties.code}
              d={path(f) ?? ''}
              className={active === f.properties.code ? 'mm-dong active' : 'mm-dong'}
              fill={cls === null ? NO_VALUE_COLOR : CLASS_COLORS[cls]}
              tabIndex={0}
              role="img"
              aria-label={label}
              data-dong={f.properties.code}
              onMouseEnter={() => setActive(f.properties.code)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(f.properties.code)}
              onBlur={() => setActive(null)}
            >
              <title>{label}</title>
            </path>
          );
        })}
        {collection.features.map((f) => {
          const [x, y] = path.centroid(f);
          if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
          return (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the label is not focusable; the dong's shape carries the name
            <text key={f.properties.code} x={x} y={y} className="mm-dong-label" aria-hidden="true">
              {shortName(nameOf(f.properties))}
            </text>
          );
        })}
      </svg>
      <p className="mm-map-active" aria-live="polite">
        {activeFeature ? describe(activeFeature.properties.code, nameOf(activeFeature.properties)) : '\u00a0'}
      </p>
      <div className="mm-legend">
        <span className="mm-legend-title">{t('mismatch.map.legend', { measure: measureLabel })}</span>
        <ul>
          {breaks.map((upper, i) => (
            <li key={upper}>
              <span className="mm-swatch" style={{ background: CLASS_COLORS[i] }} aria-hidden="true" />
              {i === 0 ? `≤ ${format(upper)}` : `${format(breaks[i - 1] ?? 0)} – ${format(upper)}`}
            </li>
          ))}
          <li>
            <span className="mm-swatch" style={{ background: NO_VALUE_COLOR }} aria-hidden="true" />
            {t('mismatch.map.noValue')}
          </li>
        </ul>
      </div>
    </div>
  );
}
