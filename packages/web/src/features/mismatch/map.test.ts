import type { DongFeatures } from '@ilteo/shared';
import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, dongValue, drawableFeatures, shortName } from './map';

describe('the dong map', () => {
  it('splits values into five equal classes from zero, and leaves a dong without seekers uncoloured', () => {
    expect(classBreaks([0.3, 4.7, null], 'ratio')).toEqual([1, 2, 3, 4, 5]);
    expect(classBreaks([12, 409], 'openings')).toEqual([82, 164, 246, 328, 410]);
    const breaks = [1, 2, 3, 4, 5];
    expect(classOf(0.78, breaks)).toBe(0);
    expect(classOf(2, breaks)).toBe(1);
    expect(classOf(4.7, breaks)).toBe(4);
    expect(classOf(null, breaks)).toBeNull();
    expect(dongValue(undefined, 'ratio')).toBeNull();
    expect(dongValue(undefined, 'openings')).toBe(0);
  });

  it('turns counter-clockwise GeoJSON rings round so d3 draws the dong, not the rest of the globe', () => {
    // RFC 7946 order (counter-clockwise exterior).
    const square: [number, number][] = [
      [126.7, 37.5],
      [126.71, 37.5],
      [126.71, 37.51],
      [126.7, 37.51],
      [126.7, 37.5],
    ];
    const shapes: DongFeatures = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'A', name: '부평1동', nameEn: null },
          geometry: { type: 'Polygon', coordinates: [square] },
        },
        {
          type: 'Feature',
          properties: { code: 'B', name: '점', nameEn: null },
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
      ],
    };
    const drawn = drawableFeatures(shapes);
    expect(drawn.features.map((f) => f.properties.code)).toEqual(['A']);
    expect(geoArea(drawn.features[0]!)).toBeLessThan(0.001);
  });

  it('shortens romanised dong names for the map labels', () => {
    expect(shortName('Bupyeong 1(il)-dong')).toBe('Bupyeong 1');
    expect(shortName('부평1동')).toBe('부평1동');
  });
});
