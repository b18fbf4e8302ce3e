import { useEffect, useRef, useState } from "preact/hooks";
import { T, t, useLang } from "../i18n/i18n.js";
import { QrCode } from "../ui/qr-code.js";

/** The current page's address as a QR code and a copyable link, in a modal `<dialog>`. */
export function ShareDialog({ url, open, onClose }: { url: string; open: boolean; onClose(): void }) {
  const lang = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    setCopied(false);
  }, [open]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <dialog ref={ref} class="share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">
        <T k="qrTitle" />
      </h2>
      {open && <QrCode value={url} label={t(lang, "qrTitle")} size={200} />}
      <p>
        <T k="qrHint" />
      </p>
      <p class="share-url">
        <input type="text" readOnly value={url} aria-label="URL" onFocus={(e) => e.currentTarget.select()} />
      </p>
      <div class="button-row">
        <button type="button" class="button" onClick={copy}>
          <T k="copyLink" />
        </button>
        <button type="button" class="button button-primary" onClick={onClose}>
          <T k="close" />
        </button>
      </div>
      <p role="status" class="share-status">
        {copied && <T k="copied" />}
      </p>
    </dialog>
  );
}
