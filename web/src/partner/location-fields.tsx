import { useEffect, useRef, useState } from "preact/hooks";
import { T, t, useLang } from "../i18n/i18n.js";
import { type LatLng, PinMap } from "../map/pin-map.js";
import type { FieldError } from "../ui/error-summary.js";
import { Field, fieldErrorsOf } from "../ui/field.js";
import type { ServiceForm } from "./service-form-model.js";

type LocationKeys = "locationName" | "postalCode" | "prefecture" | "city" | "line1" | "line2" | "lat" | "lng" | "transportation";

/**
 * Where the service happens: the address (GOV.UK address pattern, in Japanese order) and the
 * point on the map. The pin and the latitude / longitude fields are two views of one value.
 */
export function LocationFields(props: { form: ServiceForm; errors: FieldError[]; area?: LatLng; onChange(change: Partial<Pick<ServiceForm, LocationKeys>>): void }) {
  const { form, onChange } = props;
  const { error, describedBy } = fieldErrorsOf(props.errors);
  const text = (key: LocationKeys, id: string, autoComplete?: string, hint?: boolean) => (
    <input
      type="text"
      id={id}
      value={form[key]}
      autoComplete={autoComplete}
      aria-invalid={!!error(id)}
      aria-describedby={describedBy(id, hint)}
      onInput={(e) => onChange({ [key]: e.currentTarget.value })}
    />
  );
  return (
    <>
      <Field id="svc-location-name" label="svcLocationName" hint="svcLocationNameHint" error={error("svc-location-name")}>
        {text("locationName", "svc-location-name", undefined, true)}
      </Field>
      <Field id="svc-postal" label="svcPostalCode" error={error("svc-postal")}>
        <input type="text" id="svc-postal" class="input-short" inputMode="numeric" autoComplete="postal-code" value={form.postalCode} aria-invalid={!!error("svc-postal")} aria-describedby={describedBy("svc-postal")} onInput={(e) => onChange({ postalCode: e.currentTarget.value })} />
      </Field>
      <Field id="svc-prefecture" label="svcPrefecture" error={error("svc-prefecture")}>
        {text("prefecture", "svc-prefecture", "address-level1")}
      </Field>
      <Field id="svc-city" label="svcCity" error={error("svc-city")}>
        {text("city", "svc-city", "address-level2")}
      </Field>
      <Field id="svc-line1" label="svcLine1" hint="svcLine1Hint" error={error("svc-line1")}>
        {text("line1", "svc-line1", "address-line1", true)}
      </Field>
      <Field id="svc-line2" label="svcLine2" error={error("svc-line2")}>
        {text("line2", "svc-line2", "address-line2")}
      </Field>
      <PinPicker form={form} area={props.area} errors={props.errors} onChange={onChange} />
      <Field id="svc-transportation" label="svcTransportation" error={error("svc-transportation")}>
        {text("transportation", "svc-transportation")}
      </Field>
    </>
  );
}

function parse(form: Pick<ServiceForm, "lat" | "lng">): LatLng | undefined {
  const lat = Number(form.lat);
  const lng = Number(form.lng);
  return form.lat.trim() && form.lng.trim() && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : undefined;
}

function PinPicker(props: { form: ServiceForm; area?: LatLng; errors: FieldError[]; onChange(change: { lat: string; lng: string }): void }) {
  const lang = useLang();
  const { error, describedBy } = fieldErrorsOf(props.errors);
  const el = useRef<HTMLDivElement>(null);
  const pinMap = useRef<PinMap>(undefined);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const [announcement, setAnnouncement] = useState("");
  const pin = parse(props.form);

  useEffect(() => {
    const m = new PinMap(el.current!, {
      label: t(lang, "svcMapLabel"),
      pinLabel: t(lang, "svcPin"),
      onMove: (p) => {
        onChange.current({ lat: String(p.lat), lng: String(p.lng) });
        setAnnouncement(t(lang, "svcPinMoved", { lat: p.lat, lng: p.lng }));
      },
    });
    pinMap.current = m;
    if (pin) m.setPin(pin, { center: true });
    else m.showArea(props.area);
    return () => m.destroy();
  }, []);

  // Typed coordinates move the pin, and the map follows when the pin would be out of view.
  useEffect(() => {
    const m = pinMap.current;
    if (!m) return;
    m.setPin(pin);
    if (pin && !m.map.getBounds().contains([pin.lat, pin.lng])) m.map.setView([pin.lat, pin.lng], Math.max(m.map.getZoom(), 14), { animate: false });
  }, [pin?.lat, pin?.lng]);
  useEffect(() => {
    if (!pin && props.area) pinMap.current?.showArea(props.area);
  }, [props.area?.lat, props.area?.lng]);

  return (
    <fieldset class="field pin-picker">
      <legend>
        <T k="svcMapLegend" />
      </legend>
      <p class="hint" id="svc-map-hint">
        <T k="svcMapHint" />
      </p>
      <div ref={el} class="pin-map" />
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      <div class="coord-pair">
        {(["lat", "lng"] as const).map((key) => {
          const id = `svc-${key}`;
          return (
            <Field key={key} id={id} label={key === "lat" ? "svcLat" : "svcLng"} error={error(id)}>
              <input
                type="text"
                id={id}
                inputMode="decimal"
                value={props.form[key]}
                aria-invalid={!!error(id)}
                aria-describedby={describedBy(id)}
                onInput={(e) => props.onChange({ lat: props.form.lat, lng: props.form.lng, [key]: e.currentTarget.value })}
              />
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
