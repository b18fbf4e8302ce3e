import { describe, expect, it } from "vitest";
import { useDemoApi } from "./demo-api.js";
import { logMailer } from "../../src/notifications/mailer.js";
import { createReferralNotifier } from "../../src/notifications/referral-notifier.js";
import { loadConfig } from "../../src/config.js";
import { TEST_DB } from "../support/db.js";
import { capturingLogger } from "../support/log.js";
import { call, expectCallProblem } from "../support/auth.js";
import { consent, demoActor, publishedServiceOf } from "./support.js";

/** The closed loop through the HTTP API: plan → matches → referral → partner's answer → outcome. */
describe(`plans and referrals through the API on ${TEST_DB}`, () => {
  const api = useDemoApi(["staff1@example.jp", "staff2@example.jp", "partner1@example.jp", "partner2@example.jp"]);


  it("runs a plan from matches to a completed referral, and keeps it from everyone else", async () => {
    const created = await call(api.app, "/api/v1/plans", api.as("staff1@example.jp", "POST", {
      caseRef: "API-0001",
      family: { lat: 35.8037, lng: 139.7229, children: [{ ageMonths: 84 }], languages: ["ja", "zh"], flags: { publicAssistance: true } },
      needs: [{ kind: "kodomo-shokudo", urgency: "high", note: "平日の夕食" }, { kind: "home-help" }],
      constraints: { maxDistanceMeters: 3000 },
    }));
    expect(created.res.status, JSON.stringify(created.body)).toBe(201);
    const planId = created.body.id;
    expect(created.body).toMatchObject({ caseRef: "API-0001", status: "open", needs: [{ kind: "kodomo-shokudo", urgency: "high" }, { kind: "home-help" }] });

    const matches = await call(api.app, `/api/v1/plans/${planId}/matches`, api.as("staff1@example.jp"));
    expect(matches.res.status).toBe(200);
    const shokudo = matches.body.needs.find((n: any) => n.kind === "kodomo-shokudo");
    expect(shokudo.matches.length).toBeGreaterThan(0);
    expect(shokudo.matches[0]).toMatchObject({ serviceId: expect.any(String), locationId: expect.any(String), name: expect.any(String), score: expect.any(Number), distanceMeters: expect.any(Number) });
    expect(shokudo.matches[0].reasons[0]).toMatchObject({ criterion: expect.any(String), status: expect.stringMatching(/^(pass|fail|unknown)$/), detail: expect.any(String) });
    expect(matches.body.suggestion.picks.length).toBe(2);

    const service = await publishedServiceOf(api.h.db, demoActor("partner1@example.jp").organizationId!);
    const sent = await call(api.app, "/api/v1/referrals", {
      ...api.as("staff1@example.jp", "POST", { planId, serviceId: service.id, message: "平日夕方の利用を希望", consent: consent(), contactPreference: "via_center" }),
      headers: { authorization: `Bearer ${api.tokens["staff1@example.jp"]}`, "content-type": "application/json", "idempotency-key": "api-0001-ref-1" },
    });
    expect(sent.res.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ status: "sent", reference: expect.stringMatching(/^TSN-/) });
    const id = sent.body.id;

    const inbox = await call(api.app, "/api/v1/referrals?status=sent", api.as("partner1@example.jp"));
    expect(inbox.body.map((r: any) => r.id)).toContain(id);
    expect(inbox.body.find((r: any) => r.id === id)).not.toHaveProperty("caseRef");

    expectCallProblem(await call(api.app, `/api/v1/referrals/${id}/events`, api.as("partner1@example.jp", "POST", { status: "completed", outcome: "got_help" })), 409);
    expectCallProblem(await call(api.app, `/api/v1/referrals/${id}/events`, api.as("partner1@example.jp", "POST", { status: "declined" })), 400, "reason");
    for (const event of [{ status: "accepted", note: "来週ご案内します" }, { status: "in_progress" }, { status: "completed", outcome: "got_help" }]) {
      const r = await call(api.app, `/api/v1/referrals/${id}/events`, api.as("partner1@example.jp", "POST", event));
      expect(r.res.status, JSON.stringify(r.body)).toBe(200);
    }

    const outcome = await call(api.app, `/api/v1/referrals/${id}`, api.as("staff1@example.jp"));
    expect(outcome.body).toMatchObject({ status: "completed", planId, events: [{ status: "sent" }, { status: "accepted" }, { status: "in_progress" }, { status: "completed", outcome: "got_help" }] });
    const byPlan = await call(api.app, `/api/v1/referrals?planId=${planId}`, api.as("staff1@example.jp"));
    expect(byPlan.body.map((r: any) => r.id)).toEqual([id]);

    for (const path of [`/api/v1/plans/${planId}`, `/api/v1/plans/${planId}/matches`, `/api/v1/referrals/${id}`]) {
      expectCallProblem(await call(api.app, path, api.as("staff2@example.jp")), 404);
    }
    expectCallProblem(await call(api.app, `/api/v1/referrals/${id}`, api.as("partner2@example.jp")), 404);
    expectCallProblem(await call(api.app, `/api/v1/referrals/${id}/events`, api.as("staff2@example.jp", "POST", { status: "withdrawn" })), 404);
    expectCallProblem(await call(api.app, `/api/v1/plans/${planId}`, api.as("staff2@example.jp", "PATCH", { status: "closed" })), 404);
    expectCallProblem(await call(api.app, "/api/v1/referrals", api.as("staff2@example.jp", "POST", { planId, serviceId: service.id, consent: consent() })), 404);
    expectCallProblem(await call(api.app, `/api/v1/plans/${planId}`, {}), 401);

    // The notices the outbox carries name the reference and the service, never the family.
    const lines: string[] = [];
    await createReferralNotifier(api.h.db, loadConfig({ TSUNAGU_SEED: "none" }), logMailer(capturingLogger(lines)))([id]);
    const text = lines.join("\n");
    expect(text).toContain(sent.body.reference);
    expect(text).toContain(service.name);
    expect(text).not.toContain("API-0001");
  });

  it("answers a create repeated while the first is still running as its replay: one referral, never a 5xx", async () => {
    const plan = await call(api.app, "/api/v1/plans", api.as("staff1@example.jp", "POST", { caseRef: "API-0002", family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "kodomo-shokudo" }] }));
    const service = await publishedServiceOf(api.h.db, demoActor("partner1@example.jp").organizationId!);
    const send = (body: object) =>
      call(api.app, "/api/v1/referrals", {
        ...api.as("staff1@example.jp", "POST", body),
        headers: { authorization: `Bearer ${api.tokens["staff1@example.jp"]}`, "content-type": "application/json", "idempotency-key": "api-0002-ref-1" },
      });
    const body = { planId: plan.body.id, serviceId: service.id, consent: consent() };
    // All at once: each passes the "key seen before?" check before any of them has committed.
    const sent = await Promise.all(Array.from({ length: 4 }, () => send(body)));
    expect(sent.map((r) => r.res.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(sent.map((r) => r.body.id)).size).toBe(1);
    expect(sent.filter((r) => r.res.headers.get("idempotent-replayed") === "true")).toHaveLength(3);
    const rows = await api.h.db.selectFrom("referral").select("id").where("plan_id", "=", plan.body.id).execute();
    expect(rows).toHaveLength(1);
    expectCallProblem(await send({ ...body, message: "別の内容" }), 409);
  });

  it("validates plans strictly, naming the field", async () => {
    const bad = [
      [{ caseRef: "山田花子", family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "daycare" }] }, "caseRef"],
      [{ caseRef: "X-1", family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "sushi" }] }, "needs.0.kind"],
      [{ caseRef: "X-1", family: { lat: 95, lng: 139.7 }, needs: [{ kind: "daycare" }] }, "family.lat"],
      [{ caseRef: "X-1", family: { lat: 35.8, lng: 139.7 }, needs: [] }, "needs"],
      [{ caseRef: "X-1", family: { lat: 35.8, lng: 139.7, children: [{ ageMonths: -1 }] }, needs: [{ kind: "daycare" }] }, "family.children.0.ageMonths"],
      [{ caseRef: "X-1", family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "daycare" }], constraints: { days: ["someday"] } }, "constraints.days.0"],
      [{ caseRef: "X-1", family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "daycare" }], name: "山田" }, "name"],
    ] as const;
    const before = (await api.h.db.selectFrom("support_plan").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n;
    for (const [body, field] of bad) expectCallProblem(await call(api.app, "/api/v1/plans", api.as("staff1@example.jp", "POST", body)), 400, field);
    const valid = { caseRef: "X-2", family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "daycare" }] };
    expectCallProblem(await call(api.app, "/api/v1/plans", api.as("partner1@example.jp", "POST", valid)), 404);
    const after = (await api.h.db.selectFrom("support_plan").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n;
    expect(after).toBe(before);
  });
});
