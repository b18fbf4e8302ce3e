import { useEffect, useRef } from "preact/hooks";
import { apiGet } from "../../api/client.js";
import { T, t, useLang } from "../../i18n/i18n.js";
import { PointPicker } from "../../map/staff-maps.js";
import { fetchCurrentUser } from "../session.js";

interface Center {
  id: string;
  lat: number | null;
  lng: number | null;
}

const parse = (s: string) => {
  const v = Number(s.normalize("NFKC").trim());
  return s.trim() === "" || Number.isNaN(v) ? undefined : v;
};

/**
 * A click on the map fills the latitude and longitude inputs above it. It opens on the family's
 * point when there is one, else on the staff member's own center.
 */
export function LocationPicker({ lat, lng, onPick }: { lat: string; lng: string; onPick(p: { lat: number; lng: number }): void }) {
  const lang = useLang();
  const el = useRef<HTMLDivElement>(null);
  const picker = useRef<PointPicker>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const point = () => {
    const [a, b] = [parse(lat), parse(lng)];
    return a !== undefined && b !== undefined ? { lat: a, lng: b } : undefined;
  };

  useEffect(() => {
    let live = true;
    const p = new PointPicker(el.current!, { label: t(lang, "planMapLabel"), pointLabel: t(lang, "familyPoint"), onPick: (x) => pick.current(x) });
    picker.current = p;
    const start = point();
    if (start) p.setPoint(start, { center: true });
    else
      void Promise.all([fetchCurrentUser(), apiGet<Center[]>("/centers")]).then(([me, centers]) => {
        const own = centers.find((c) => c.id === me.centerId);
        if (live && own?.lat != null && own.lng != null) p.view({ lat: own.lat, lng: own.lng }, 13);
      }, () => undefined);
    return () => {
      live = false;
      picker.current?.destroy();
    };
  }, []);

  useEffect(() => picker.current?.setPoint(point()), [lat, lng]);

  return (
    <div class="picker">
      <p class="hint" id="plan-map-hint">
        <T k="planMapHint" />
      </p>
      <div ref={el} class="map map-picker" aria-describedby="plan-map-hint" />
    </div>
  );
}
