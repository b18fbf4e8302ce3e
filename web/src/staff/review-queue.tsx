import { useState } from "preact/hooks";
import { apiGet, apiPost } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import { useFetch } from "../ui/use-fetch.js";

interface QueueItem {
  id: string;
  name: string;
  status: string;
  change: "new" | "revision";
}

interface ReviewQueue {
  organizations: QueueItem[];
  services: QueueItem[];
  reports: { id: string; problem: string }[];
}

type Entity = "organizations" | "services";

/**
 * The center's review queue (`GET /api/v1/review-queue`): new and edited organizations and
 * services from partners, approved or rejected with `POST /{entity}/{id}/review`.
 */
export function ReviewQueuePage() {
  const [queue, reload] = useFetch("queue", (signal) => apiGet<ReviewQueue>("/review-queue", {}, signal));
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">
        <T k="reviewQueue" />
      </h2>
      {queue.status === "loading" && (
        <p role="status">
          <T k="loading" />
        </p>
      )}
      {queue.status === "error" && (
        <p class="notice notice-error" role="alert">
          <T k="loadError" />
        </p>
      )}
      {queue.data && (
        <>
          <QueueTable entity="organizations" items={queue.data.organizations} onDone={reload} />
          <QueueTable entity="services" items={queue.data.services} onDone={reload} />
        </>
      )}
    </section>
  );
}

function QueueTable({ entity, items, onDone }: { entity: Entity; items: QueueItem[]; onDone(): void }) {
  return (
    <>
      <h3>
        <T k={entity === "organizations" ? "reviewOrganizations" : "reviewServices"} />
      </h3>
      {items.length === 0 ? (
        <p>
          <T k="reviewNothing" />
        </p>
      ) : (
        <ul class="queue">
          {items.map((item) => (
            <QueueRow key={item.id} entity={entity} item={item} onDone={onDone} />
          ))}
        </ul>
      )}
    </>
  );
}

function QueueRow({ entity, item, onDone }: { entity: Entity; item: QueueItem; onDone(): void }) {
  const lang = useLang();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const decide = async (decision: "approve" | "reject") => {
    if (decision === "reject" && !reason.trim()) return setError(t(lang, "reviewReasonNeeded"));
    try {
      await apiPost(`/${entity}/${item.id}/review`, decision === "reject" ? { decision, reason: reason.trim() } : { decision });
      onDone();
    } catch {
      setError(t(lang, "loadError"));
    }
  };
  const reasonId = `reason-${item.id}`;
  return (
    <li class="queue-item">
      <p class="queue-name">
        <strong>{item.name}</strong>{" "}
        <span class="tag">
          <T k={item.change === "new" ? "reviewNew" : "reviewRevision"} />
        </span>
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {rejecting && (
        <div class="field">
          <label for={reasonId}>
            <T k="reviewReason" />
          </label>
          <textarea id={reasonId} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
      )}
      <div class="button-row">
        {!rejecting && (
          <button type="button" class="button button-primary" onClick={() => decide("approve")} aria-label={`${t(lang, "reviewApprove")}: ${item.name}`}>
            <T k="reviewApprove" />
          </button>
        )}
        <button
          type="button"
          class="button"
          onClick={() => (rejecting ? decide("reject") : setRejecting(true))}
          aria-label={`${t(lang, rejecting ? "reviewRejectConfirm" : "reviewReject")}: ${item.name}`}
        >
          <T k={rejecting ? "reviewRejectConfirm" : "reviewReject"} />
        </button>
      </div>
    </li>
  );
}
