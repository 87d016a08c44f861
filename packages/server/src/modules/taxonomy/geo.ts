import type { FieldError } from '@ilteo/shared';
import { TaxonomyCode } from '@ilteo/shared';
import { fieldError } from '../../http/errors.js';
import { decodeText } from './csv.js';

type Position = [number, number];
type Ring = Position[];
/** A GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude. */
export type Geometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** A region read from a GeoJSON feature, checked, with its centroid. */
export interface RegionFeature {
  code: string;
  name: string;
  nameEn: string | null;
  geometry: Geometry;
  lon: number;
  lat: number;
  /** Planar area in square degrees: only to weigh centroids of several regions together. */
  area: number;
}

/**
 * The area-weighted centroid of a polygon or multipolygon (holes subtract), and its area.
 * Computed in the plane of longitude and latitude: over a district the difference from an
 * equal-area projection is far below a metre, and a uniform east-west scale does not move a
 * centroid. Coordinates are taken relative to the first vertex, so the shoelace sums do not lose
 * precision to the large longitudes.
 */
export function centroidOf(geometry: Geometry): { lon: number; lat: number; area: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const [x0, y0] = polygons[0]![0]![0]!;
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const r = ringMoments(ring, x0, y0);
      // The outer ring adds, holes subtract, whatever way each ring winds.
      const sign = index === 0 ? 1 : -1;
      area += sign * r.area;
      sx += sign * r.area * r.cx;
      sy += sign * r.area * r.cy;
    });
  }
  return { lon: x0 + sx / area, lat: y0 + sy / area, area };
}

/** A ring's unsigned area and centroid, relative to (x0, y0). */
function ringMoments(ring: Ring, x0: number, y0: number): { area: number; cx: number; cy: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = [ring[i]![0] - x0, ring[i]![1] - y0];
    const [bx, by] = [ring[i + 1]![0] - x0, ring[i + 1]![1] - y0];
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  const signed = twiceArea / 2;
  if (signed === 0) return { area: 0, cx: 0, cy: 0 };
  return { area: Math.abs(signed), cx: cx / (6 * signed), cy: cy / (6 * signed) };
}

/**
 * The centroid of several regions together (a district from its dongs): their centroids
 * weighted by their areas, which is exact for regions that do not overlap.
 */
export function combinedCentroid(parts: { lon: number; lat: number; area: number }[]): {
  lon: number;
  lat: number;
} {
  const area = parts.reduce((s, p) => s + p.area, 0);
  return {
    lon: parts.reduce((s, p) => s + p.lon * p.area, 0) / area,
    lat: parts.reduce((s, p) => s + p.lat * p.area, 0) / area,
  };
}

/**
 * Reads the regions of a GeoJSON FeatureCollection: each feature needs a code (`code` or
 * `adm_cd`), a name (`name` or `adm_nm`), optionally an English name (`name_eng` or `name_en`),
 * and a Polygon or MultiPolygon in longitude/latitude. Every problem is reported by feature.
 */
export function readRegionsGeoJson(bytes: Uint8Array): { features: RegionFeature[]; errors: FieldError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(bytes));
  } catch {
    return { features: [], errors: [fieldError('file', 'invalid_format')] };
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { features: [], errors: [fieldError('file', 'invalid_format')] };
  }
  if (collection.features.length === 0) return { features: [], errors: [fieldError('file', 'no_rows')] };
  const errors: FieldError[] = [];
  const features: RegionFeature[] = [];
  const seen = new Map<string, number>();
  collection.features.forEach((raw, index) => {
    const at = (field: string) => `features.${index}.${field}`;
    const feature = raw as { properties?: Record<string, unknown> | null; geometry?: unknown };
    const props = feature?.properties ?? {};
    const before = errors.length;
    const text = (...names: string[]) => {
      for (const name of names) {
        const value = props[name];
        if (typeof value === 'string' && value.trim()) return value.trim();
        if (typeof value === 'number') return String(value);
      }
      return '';
    };
    const code = text('code', 'adm_cd', 'ADM_CD');
    if (!code) errors.push(fieldError(at('code'), 'required'));
    else if (!TaxonomyCode.safeParse(code).success) errors.push(fieldError(at('code'), 'invalid_format'));
    else if (seen.has(code)) {
      errors.push(
        fieldError(at('code'), 'duplicate_code', { value: code, line: `features.${seen.get(code)}` }),
      );
    } else seen.set(code, index);
    const name = text('name', 'adm_nm', 'ADM_NM');
    if (!name) errors.push(fieldError(at('name'), 'required'));
    const nameEn = text('name_eng', 'name_en');
    const problem = geometryProblem(feature?.geometry);
    if (problem) errors.push(fieldError(at('geometry'), 'invalid_geometry', { value: problem }));
    if (errors.length === before) {
      const geometry = feature.geometry as Geometry;
      const { lon, lat, area } = centroidOf(geometry);
      features.push({ code, name, nameEn: nameEn || null, geometry, lon, lat, area });
    }
  });
  return { features, errors };
}

/** What is wrong with a geometry, in a few words, or null. */
export function geometryProblem(geometry: unknown): string | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
    return `type ${String(g?.type ?? 'missing')}`;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'no coordinates';
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon without rings';
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4) return 'a ring with fewer than 4 positions';
      for (const p of ring) {
        const ok =
          Array.isArray(p) &&
          p.length >= 2 &&
          Number.isFinite(p[0]) &&
          Number.isFinite(p[1]) &&
          Math.abs(p[0]) <= 180 &&
          Math.abs(p[1]) <= 90;
        if (!ok) return `position ${JSON.stringify(p)}`;
      }
      const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring that is not closed';
    }
  }
  const { area } = centroidOf(g as Geometry);
  if (!(area > 0)) return 'no area';
  return null;
}
