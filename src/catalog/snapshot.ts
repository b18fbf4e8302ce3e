import type { Selectable } from "kysely";
import type { OrganizationRow, PhoneTable } from "../db/database.js";
import { WEEKDAYS, type Weekday, rruleDays, rruleWeeksOfMonth } from "../domain/schedule.js";
import type { ServiceAggregate } from "./aggregate.js";
import type { OrganizationDraft, ServiceDraft } from "./draft.js";

/**
 * Catalog rows → drafts: the current values of a record in the shape it is edited in. The edit
 * form, a PATCH (merged onto this) and the audit's before/after all use it, so the writer and
 * this reader must stay inverse to each other (tests/db/catalog-editing.test.ts round-trips them).
 */
const present = <T>(v: T | null | undefined): T | undefined => (v === null || v === undefined || v === "" ? undefined : v);

function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

export function serviceDraftOf(a: ServiceAggregate): ServiceDraft {
  const s = a.service;
  const site = a.locations[0];
  const l = site?.location;
  const addr = site?.addresses[0];
  const cost = a.costOptions[0];
  return compact({
    name: s.name,
    nameKana: present(s.name_kana),
    kind: s.kind as ServiceDraft["kind"],
    otherKinds: a.otherKinds.length ? (a.otherKinds as ServiceDraft["kind"][]) : undefined,
    description: present(s.description),
    status: s.status,
    url: present(s.url),
    email: present(s.email),
    phone: a.phones[0]?.number,
    location: compact({
      name: l?.name && l.name !== s.name ? l.name : undefined,
      address: !addr
        ? ""
        : addr.state_province && addr.city
          ? compact({
              postalCode: present(addr.postal_code),
              prefecture: addr.state_province,
              city: addr.city,
              line1: addr.address_1,
              line2: present(addr.address_2),
            })
          : [addr.address_1, addr.address_2].filter(Boolean).join(" "),
      lat: l?.latitude as number,
      lng: l?.longitude as number,
      municipalityCode: present(l?.municipality_code),
      transportation: present(l?.transportation),
      coordSource: l?.coord_source === "source" ? undefined : l?.coord_source,
    }),
    languages: a.languages.map((x) => x.code),
    ageMinMonths: present(s.age_min_months),
    ageMaxMonths: present(s.age_max_months),
    acceptsPrenatal: s.accepts_prenatal,
    acceptsPostnatal: s.accepts_postnatal,
    pregnancyMinWeeks: present(s.pregnancy_min_weeks),
    residenceRequired: s.residence_required,
    serviceAreaCodes: a.serviceAreas.length ? a.serviceAreas.map((x) => x.municipality_code) : undefined,
    certificateRequired: s.certificate_required,
    capacity: present(s.capacity),
    capacityAvailable: present(s.capacity_available),
    cost: compact({
      kind: s.cost_kind,
      amountYen: s.cost_kind !== "free" ? present(cost?.amount) : undefined,
      description: present(s.fees_description),
    }),
    // A slot needs both times: imported rows without them are not part of the editable schedule.
    schedule: sortSlots(
      a.schedules
        .filter((r) => r.opens_at && r.closes_at)
        .map((r) =>
          compact({
            days: rruleDays(r.byday) as [Weekday, ...Weekday[]],
            opensAt: r.opens_at!,
            closesAt: r.closes_at!,
            weeksOfMonth: r.freq === "MONTHLY" ? rruleWeeksOfMonth(r.byday) : undefined,
            description: present(r.description),
          }),
        ),
    ),
    applicationProcess: present(s.application_process),
    eligibilityDescription: present(s.eligibility_description),
    interpretationServices: present(s.interpretation_services),
  }) as ServiceDraft;
}

type Slot = NonNullable<ServiceDraft["schedule"]>[number];

/** Slots in week order (first day, then opening time): rows carry no order of their own. */
export function sortSlots(slots: Slot[]): Slot[] {
  const key = (s: Slot) => `${WEEKDAYS.indexOf(s.days[0]!)}${(s.weeksOfMonth ?? [0]).join(",")}${s.opensAt}`;
  return [...slots].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function organizationDraftOf(o: OrganizationRow, municipalityCodes: readonly string[], phones: readonly Selectable<PhoneTable>[]): OrganizationDraft {
  return compact({
    name: o.name,
    nameKana: present(o.name_kana),
    description: present(o.description),
    legalStatus: present(o.legal_status),
    email: present(o.email),
    website: present(o.website),
    phone: phones[0]?.number,
    corporateNumber: present(o.corporate_number),
    municipalityCodes: [...municipalityCodes],
  });
}
