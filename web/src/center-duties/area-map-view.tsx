import { useEffect, useRef } from "preact/hooks";
import { AreaMap, type AreaShape, type PointShape } from "./area-map.js";

/** An `AreaMap` as a component: made once, redrawn when its areas or points change. */
export function AreaMapView(props: { label: string; areas?: readonly AreaShape[]; points?: readonly PointShape[]; maxZoom?: number; class?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<AreaMap | undefined>(undefined);
  useEffect(() => {
    map.current = new AreaMap(el.current!, props.label);
    return () => map.current?.destroy();
  }, []);
  useEffect(() => map.current?.setAreas(props.areas ?? []), [props.areas]);
  useEffect(() => map.current?.setPoints(props.points ?? [], { zoom: props.maxZoom }), [props.points]);
  return <div ref={el} class={`area-map ${props.class ?? ""}`} />;
}
