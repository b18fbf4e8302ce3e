import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { ConflictError, NotFoundError, ValidationError } from "../../src/domain/errors.js";
import { coverageGaps, designatePoint, endDesignation, findNearestPoints, listPoints } from "../../src/consultation-points/service.js";
import { loadDemo } from "../../seed/load.js";
import { createTestDb } from "../support/db.js";
import { demoActor } from "./support.js";

const staff1 = demoActor("staff1@example.jp");
const staff2 = demoActor("staff2@example.jp");
const partner1 = demoActor("partner1@example.jp");
const KAWAGUCHI = "112038";

describe("地域子育て相談機関 (consultation points)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
  });
  afterAll(() => h.close());

  async function publishedIn(municipality: string, kind: string) {
    return h.db
      .selectFrom("service as s")
      .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
      .innerJoin("location as l", "l.id", "sal.location_id")
      .leftJoin("consultation_point as cp", (j) => j.onRef("cp.location_id", "=", "l.id").on("cp.ended_at", "is", null))
      .select(["s.id", "l.latitude", "l.longitude"])
      .where("l.municipality_code", "=", municipality)
      .where("s.kind", "=", kind)
      .where("s.verification_status", "=", "published")
      .where("cp.id", "is", null)
      .orderBy("s.name")
      .executeTakeFirstOrThrow();
  }

  it("lets staff designate a nursery of their municipality, once", async () => {
    const nursery = await publishedIn(KAWAGUCHI, "daycare");
    const point = await designatePoint(h.db, staff1, { serviceId: nursery.id, coverageRadiusMeters: 800 });
    expect(point).toMatchObject({ serviceId: nursery.id, municipalityCode: KAWAGUCHI, coverageRadiusMeters: 800 });
    await expect(designatePoint(h.db, staff1, { serviceId: nursery.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(designatePoint(h.db, staff2, { serviceId: nursery.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(designatePoint(h.db, partner1, { serviceId: nursery.id })).rejects.toBeInstanceOf(NotFoundError);
    const audit = await h.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("entity_id", "=", point.id).execute();
    expect(audit).toEqual([{ action: "consultation_point.designate", actor_user_id: staff1.userId }]);

    const nearest = await findNearestPoints(h.db, { lat: nursery.latitude!, lng: nursery.longitude! }, 3);
    expect(nearest[0]).toMatchObject({ point: { id: point.id }, distanceMeters: 0, covered: true });

    await endDesignation(h.db, staff1, point.id);
    expect((await listPoints(h.db, KAWAGUCHI)).map((p) => p.id)).not.toContain(point.id);
    await expect(endDesignation(h.db, staff1, point.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses kinds that are not consultation points", async () => {
    const shokudo = await publishedIn(KAWAGUCHI, "kodomo-shokudo");
    const err = await designatePoint(h.db, staff1, { serviceId: shokudo.id }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues[0].path).toBe("serviceId");
  });

  it("shows staff the populated areas no point covers", async () => {
    const before = await coverageGaps(h.db, staff1, 1000);
    expect(before.points).toBeGreaterThan(0);
    expect(before.uncovered.length).toBeGreaterThan(0);
    expect(before.uncovered.length).toBeLessThan(before.cells);
    const worst = before.uncovered[0]!;
    expect(worst.nearest?.distanceMeters).toBeGreaterThan(0);
    // Designating a nursery with a wide coverage in the worst cell covers it.
    const nursery = await h.db
      .selectFrom("service as s")
      .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
      .innerJoin("location as l", "l.id", "sal.location_id")
      .select(["s.id", "l.id as location_id"])
      .where("l.municipality_code", "=", KAWAGUCHI)
      .where("s.kind", "in", ["daycare", "jidokan"])
      .where("s.verification_status", "=", "published")
      .orderBy(sql`power(l.latitude - ${worst.cell.lat}, 2) + power(l.longitude - ${worst.cell.lng}, 2)`)
      .executeTakeFirstOrThrow();
    await designatePoint(h.db, staff1, { serviceId: nursery.id, locationId: nursery.location_id, coverageRadiusMeters: 3000 });
    const after = await coverageGaps(h.db, staff1, 1000);
    expect(after.uncovered.length).toBeLessThan(before.uncovered.length);
  });
});
