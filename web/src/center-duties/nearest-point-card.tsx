import { apiGet } from "../api/client.js";
import { formatDistance } from "../family/format.js";
import { T } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { useFetch } from "../ui/use-fetch.js";
import type { NearestPoint } from "./types.js";

/**
 * "Your nearest consultation point" (地域子育て相談機関) on the family map, for the point the
 * family chose (near me, or picked on the map): `GET /api/v1/consultation-points/nearest`.
 * Nothing shows when none is designated or the point is outside Japan.
 */
export function NearestPointCard({ point, serviceHref }: { point: { lat: number; lng: number }; serviceHref(serviceId: string, locationId: string): string }) {
  const [res] = useFetch(`${point.lat},${point.lng}`, (signal) => apiGet<NearestPoint[]>("/consultation-points/nearest", { lat: point.lat, lng: point.lng, limit: 1 }, signal));
  const nearest = res.status === "ok" ? res.data[0] : undefined;
  if (!nearest) return null;
  const p = nearest.point;
  return (
    <aside class="nearest-point" aria-labelledby="nearest-point-title">
      <h2 id="nearest-point-title">
        <T k="cpNearestTitle" />
      </h2>
      <p class="nearest-point-name">
        <Link href={serviceHref(p.serviceId, p.locationId)}>{p.name}</Link> <span class="result-distance">{formatDistance(nearest.distanceMeters)}</span>
      </p>
      {p.address && <p>{p.address}</p>}
      {p.phone && (
        <p>
          <T k="phone" />: <a href={`tel:${p.phone}`}>{p.phone}</a>
        </p>
      )}
      <p class="hint">
        <T k={nearest.covered ? "cpNearestCovered" : "cpNearestOutside"} />
      </p>
    </aside>
  );
}
