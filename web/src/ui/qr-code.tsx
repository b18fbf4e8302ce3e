import { useMemo } from "preact/hooks";
import { encode } from "uqr";

/**
 * A QR code drawn as one SVG path, generated in the browser (nothing is sent anywhere). Error
 * correction M survives a crumpled printout; the quiet zone is the 4 modules the standard asks for.
 */
export function QrCode({ value, label, size = 160 }: { value: string; label: string; size?: number }) {
  const { path, n } = useMemo(() => {
    const qr = encode(value, { ecc: "M", border: 4 });
    let d = "";
    qr.data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
    return { path: d, n: qr.size };
  }, [value]);
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${n} ${n}`} width={size} height={size} shape-rendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
