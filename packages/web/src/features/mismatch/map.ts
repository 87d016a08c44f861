import type { DongFeatures, MismatchReport } from '@ilteo/shared';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

/** What the map colours the dongs by. */
export const MEASURES = ['ratio', 'openings'] as const;
export type Measure = (typeof MEASURES)[number];

/** Five blues from KRDS's primary scale, lightest first. */
export const CLASS_COLORS = ['#eef2fe', '#c6d8fc', '#86aff9', '#4c87f6', '#083891'] as const;
/** A dong without a value (no seekers for the ratio). */
export const NO_VALUE_COLOR = '#e6e8ea';

/** A dong's value of the measure, or null. */
export function dongValue(
  dong: MismatchReport['dongs'][number] | undefined,
  measure: Measure,
): number | null {
  if (!dong) return measure === 'openings' ? 0 : null;
  return measure === 'openings' ? dong.openings : dong.ratio;
}

/** Upper bounds of the five classes: equal steps from 0 to the largest value (rounded up nicely). */
export function classBreaks(values: (number | null)[], measure: Measure): number[] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const step =
    measure === 'openings' ? Math.max(1, Math.ceil(max / 5)) : Math.max(0.1, Math.ceil((max / 5) * 10) / 10);
  return [1, 2, 3, 4, 5].map((i) => Math.round(step * i * 10) / 10);
}

/** The colour class of a value (0–4), or null for no value. */
export function classOf(value: number | null, breaks: number[]): number | null {
  if (value === null) return null;
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length - 1 : i;
}

function reverseRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon')
    return { ...geometry, coordinates: geometry.coordinates.map((r) => [...r].reverse()) };
  return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map((r) => [...r].reverse())) };
}

/**
 * The dongs as features d3 can draw. d3-geo reads rings clockwise (spherical), GeoJSON files
 * usually run them counter-clockwise (RFC 7946): a ring that would cover most of the globe is
 * turned round.
 */
export function drawableFeatures(
  shapes: DongFeatures,
): FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; nameEn: string | null }> {
  const features: Feature<Polygon | MultiPolygon, { code: string; name: string; nameEn: string | null }>[] =
    [];
  for (const f of shapes.features) {
    const geometry = f.geometry as Geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const feature = { type: 'Feature' as const, properties: f.properties, geometry };
    features.push(
      geoArea(feature) > 2 * Math.PI ? { ...feature, geometry: reverseRings(geometry) } : feature,
    );
  }
  return { type: 'FeatureCollection', features };
}

/** A dong's name short enough for the map: `Bupyeong 1(il)-dong` → `Bupyeong 1`; Korean names stay. */
export function shortName(name: string): string {
  return name.replace(/\([^)]*\)/g, '').replace(/-dong$/, '');
}
