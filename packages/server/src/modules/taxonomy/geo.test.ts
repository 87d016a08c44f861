import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceDataPath } from '../../reference-data.js';
import { centroidOf, combinedCentroid, type Geometry, geometryProblem, readRegionsGeoJson } from './geo.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const rectangle = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('centroids', () => {
  it('of a rectangle is its centre, whichever way the ring winds', () => {
    const ring = rectangle(126.7, 37.4, 126.72, 37.41);
    for (const coordinates of [[ring], [[...ring].reverse()]]) {
      const c = centroidOf({ type: 'Polygon', coordinates });
      expect(c.lon).toBeCloseTo(126.71, 10);
      expect(c.lat).toBeCloseTo(37.405, 10);
      expect(c.area).toBeCloseTo(0.0002, 12);
    }
  });

  it('weigh parts by area and subtract holes', () => {
    const geometry: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[rectangle(0, 0, 1, 1)], [rectangle(2, 0, 5, 3), rectangle(2.5, 0.5, 3.5, 1.5)]],
    };
    // Square (1, centre 0.5/0.5) + big square (9, centre 3.5/1.5) − hole (1, centre 3/1).
    const c = centroidOf(geometry);
    expect(c.area).toBeCloseTo(9, 10);
    expect(c.lon).toBeCloseTo((1 * 0.5 + 9 * 3.5 - 1 * 3) / 9, 10);
    expect(c.lat).toBeCloseTo((1 * 0.5 + 9 * 1.5 - 1 * 1) / 9, 10);
  });

  it('of several regions together is their area-weighted mean', () => {
    expect(
      combinedCentroid([
        { lon: 0, lat: 0, area: 1 },
        { lon: 4, lat: 8, area: 3 },
      ]),
    ).toEqual({ lon: 3, lat: 6 });
  });

  it("of every Bupyeong dong lies inside the dong's bounding box", () => {
    const { features, errors } = readRegionsGeoJson(
      fs.readFileSync(referenceDataPath('geo/bupyeong_dong.geojson')),
    );
    expect(errors).toEqual([]);
    expect(features).toHaveLength(22);
    for (const f of features) {
      const points = (f.geometry.coordinates as [number, number][][][]).flat(2);
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      expect(f.lon).toBeGreaterThan(Math.min(...lons));
      expect(f.lon).toBeLessThan(Math.max(...lons));
      expect(f.lat).toBeGreaterThan(Math.min(...lats));
      expect(f.lat).toBeLessThan(Math.max(...lats));
    }
  });
});

describe('reading GeoJSON regions', () => {
  it('takes code, name and English name (or SGIS adm_cd and adm_nm) with the geometry', () => {
    const { features, errors } = readRegionsGeoJson(fixture('two-areas.geojson'));
    expect(errors).toEqual([]);
    expect(features.map((f) => [f.code, f.name, f.nameEn])).toEqual([
      ['9990001', '가상1동', 'Gasang 1-dong'],
      ['9990002', '가상2동', null],
    ]);
  });

  it('reports every bad feature: no code, an open ring, a position out of range, not a polygon', () => {
    const { features, errors } = readRegionsGeoJson(fixture('bad-areas.geojson'));
    expect(features).toEqual([]);
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'features.0.code required',
      'features.1.geometry invalid_geometry',
      'features.2.geometry invalid_geometry',
      'features.3.geometry invalid_geometry',
    ]);
    expect(errors[1]!.message.en).toContain('a ring that is not closed');
    expect(errors[2]!.message.en).toContain('position [326.8,37.4]');
    expect(errors[3]!.message.en).toContain('type Point');
  });

  it('refuses what is not a FeatureCollection', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(readRegionsGeoJson(bytes('{"type":"Feature"}')).errors[0]).toMatchObject({
      field: 'file',
      code: 'invalid_format',
    });
    expect(readRegionsGeoJson(bytes('not json')).errors[0]).toMatchObject({
      field: 'file',
      code: 'invalid_format',
    });
    expect(readRegionsGeoJson(bytes('{"type":"FeatureCollection","features":[]}')).errors[0]).toMatchObject({
      code: 'no_rows',
    });
  });

  it('finds a polygon without area', () => {
    expect(geometryProblem({ type: 'Polygon', coordinates: [rectangle(1, 1, 1, 2)] })).toBe('no area');
  });
});
