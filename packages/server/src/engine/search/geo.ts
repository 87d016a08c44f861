/** A point in WGS84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RADIANS;
  const dLon = (lon2 - lon1) * RADIANS;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Degrees of latitude and longitude that surely contain every point within `km` of a centre: a
 * cheap box test before the haversine.
 */
export function boxAround(centre: LatLon, km: number): { dLat: number; dLon: number } {
  const dLat = (km / EARTH_RADIUS_KM / RADIANS) * 1.01;
  const cos = Math.cos(Math.min(89, Math.abs(centre.lat) + dLat) * RADIANS);
  return { dLat, dLon: Math.min(360, dLat / Math.max(cos, 1e-6)) };
}
