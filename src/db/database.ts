import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The database, declared once. Table and column names follow HSDS 3 where HSDS has the concept
 * (organization, service, location, service_at_location, address, phone, schedule, language,
 * cost_option, service_area, required_document, taxonomy, taxonomy_term, attribute); the rest is
 * Tsunagu's own (center, app_user, audit_log, outbox). Every id is a UUID, as HSDS requires.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type VerificationStatus = "pending" | "published" | "rejected";
/** HSDS `service.status`. */
export type ServiceStatus = "active" | "inactive" | "defunct" | "temporarily closed";
export type CostKind = "free" | "fee" | "sliding";
/** How a location's coordinates were obtained; anything but `source`/`manual` needs a staff pin. */
export type CoordSource = "source" | "manual" | "geocoded" | "municipality_centroid" | "postal_centroid";
export type UserRole = "staff" | "center_admin" | "partner";

export interface CenterTable {
  id: Generated<string>;
  /** 全国地方公共団体コード, 6 digits including the check digit. */
  municipality_code: string;
  municipality_name: string;
  prefecture: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  created_at: CreatedAt;
}

export interface TaxonomyTable {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

export interface TaxonomyTermTable {
  id: string;
  taxonomy_id: string;
  code: string;
  /** Japanese label; HSDS `name`. */
  name: string;
  description: string;
  parent_id: string | null;
  language: string;
  label_en: string;
  label_easy_ja: string;
  easy_ja_ruby: string;
  description_en: string;
  synonyms: string[];
  public_listing: boolean;
  sort_order: number;
}

interface VerifiedColumns {
  verification_status: Generated<VerificationStatus>;
  verified_at: Date | null;
  verified_by: string | null;
  rejection_reason: string | null;
  /** Provenance of imported records: a source key (e.g. `opendata:112038`) and the row's id there. */
  source: string | null;
  source_id: string | null;
  /** Hash of the source's content at the last import; an unchanged row is not rewritten. */
  source_hash: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrganizationTable extends VerifiedColumns {
  id: Generated<string>;
  name: string;
  name_kana: string | null;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  legal_status: string | null;
  year_incorporated: number | null;
  /** 法人番号 (13 digits); exported as an HSDS organization_identifier. */
  corporate_number: string | null;
}

/** The municipalities an organization serves; decides which centers review it. */
export interface OrganizationMunicipalityTable {
  organization_id: string;
  municipality_code: string;
}

export interface ServiceTable extends VerifiedColumns {
  id: Generated<string>;
  organization_id: string;
  name: string;
  /** 名称カナ: the reading, full-width katakana. */
  name_kana: string | null;
  alternate_name: string | null;
  description: string;
  /** The primary resource kind (taxonomy_term.code); further kinds are `attribute` rows. */
  kind: string;
  url: string | null;
  email: string | null;
  status: Generated<ServiceStatus>;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  /** Age of the child the service is for, in months, inclusive. */
  age_min_months: number | null;
  age_max_months: number | null;
  /** Serves people during pregnancy (optionally only from `pregnancy_min_weeks`). */
  accepts_prenatal: Generated<boolean>;
  /** Serves parents after birth (産後). */
  accepts_postnatal: Generated<boolean>;
  pregnancy_min_weeks: number | null;
  /** Only residents of the service areas may use it. */
  residence_required: Generated<boolean>;
  /** A 受給者証 (disability services recipient certificate) is required. */
  certificate_required: Generated<boolean>;
  capacity: number | null;
  capacity_available: number | null;
  cost_kind: Generated<CostKind>;
}

export interface ServiceAreaTable {
  id: Generated<string>;
  service_id: string;
  municipality_code: string;
  name: string;
}

export interface LocationTable {
  id: Generated<string>;
  organization_id: string | null;
  name: string | null;
  name_kana: string | null;
  description: string | null;
  location_type: Generated<"physical" | "postal" | "virtual">;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  municipality_code: string | null;
  coord_source: Generated<CoordSource>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AddressTable {
  id: Generated<string>;
  location_id: string;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: string;
  postal_code: string;
  country: Generated<string>;
  address_type: Generated<"physical" | "postal" | "virtual">;
}

export interface ServiceAtLocationTable {
  id: Generated<string>;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface PhoneTable {
  id: Generated<string>;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  number: string;
  extension: number | null;
  type: string | null;
  description: string | null;
}

export interface ScheduleTable {
  id: Generated<string>;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  freq: "WEEKLY" | "MONTHLY";
  /** RFC 5545 BYDAY: `MO,TU` weekly, or `2WE,4WE` monthly. */
  byday: string;
  /** `HH:MM` local time (JST). */
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface LanguageTable {
  id: Generated<string>;
  service_id: string | null;
  location_id: string | null;
  /** ISO 639-1 (or 639-3 where no 639-1 code exists). */
  code: string;
  name: string;
  note: string | null;
}

export interface CostOptionTable {
  id: Generated<string>;
  service_id: string;
  option: string | null;
  currency: Generated<string>;
  amount: number | null;
  amount_description: string | null;
}

export interface RequiredDocumentTable {
  id: Generated<string>;
  service_id: string;
  document: string;
  uri: string | null;
}

/** HSDS `attribute`: links a taxonomy term to a record (here: further kinds of a service). */
export interface AttributeTable {
  id: Generated<string>;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
}

export interface AppUserTable {
  id: Generated<string>;
  /** Stored lower-case. */
  email: string;
  password_hash: string;
  role: UserRole;
  center_id: string | null;
  organization_id: string | null;
  display_name: string;
  /** e.g. 保健師 (public-health nurse), 子ども家庭支援員 (family support worker). */
  profession: string | null;
  created_at: CreatedAt;
  disabled_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  actor_role: string | null;
  center_id: string | null;
  organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export interface OutboxTable {
  /** bigserial: the order in which changes were committed. */
  id: Generated<string>;
  created_at: CreatedAt;
  topic: string;
  aggregate_id: string;
  payload: unknown;
  attempts: Generated<number>;
  available_at: Timestamp;
  last_error: string | null;
  processed_at: Date | null;
}

/** A group of words search treats as the same (staff-maintained; see search/synonyms.ts). */
export interface SearchSynonymTable {
  id: Generated<string>;
  terms: string[];
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface Database {
  center: CenterTable;
  taxonomy: TaxonomyTable;
  taxonomy_term: TaxonomyTermTable;
  organization: OrganizationTable;
  organization_municipality: OrganizationMunicipalityTable;
  service: ServiceTable;
  service_area: ServiceAreaTable;
  location: LocationTable;
  address: AddressTable;
  service_at_location: ServiceAtLocationTable;
  phone: PhoneTable;
  schedule: ScheduleTable;
  language: LanguageTable;
  cost_option: CostOptionTable;
  required_document: RequiredDocumentTable;
  attribute: AttributeTable;
  app_user: AppUserTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  session: SessionTable;
  throttle_event: ThrottleEventTable;
  catalog_revision: CatalogRevisionTable;
  service_report: ServiceReportTable;
  support_plan: SupportPlanTable;
  plan_need: PlanNeedTable;
  referral: ReferralTable;
  referral_event: ReferralEventTable;
  consultation_point: ConsultationPointTable;
  recommendation_sheet: RecommendationSheetTable;
  search_synonym: SearchSynonymTable;
}

export interface SessionTable {
  id: Generated<string>;
  user_id: string;
  /** sha256 of the bearer token (hex); the token itself is never stored. */
  token_hash: string;
  /** sha256 of the session cookie's value (hex). */
  cookie_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface ThrottleEventTable {
  id: Generated<string>;
  bucket: string;
  key_hash: string;
  at: Timestamp;
}

export type RevisionEntity = "service" | "organization";
export type RevisionStatus = "pending" | "approved" | "rejected";

/** A partner's proposed edit of a published record, waiting for review beside it. */
export interface CatalogRevisionTable {
  id: Generated<string>;
  entity_type: RevisionEntity;
  entity_id: string;
  organization_id: string;
  status: Generated<RevisionStatus>;
  /** The whole proposed draft (`ServiceDraft` or `OrganizationDraft`), written as a JSON string. */
  draft: ColumnType<unknown, string, string>;
  submitted_by: string | null;
  submitted_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  reason: string | null;
}

export type ReportProblem = "closed" | "wrong_hours" | "wrong_phone" | "wrong_address" | "other";
export type ReportStatus = "open" | "resolved" | "dismissed";

/** 「情報の誤りを報告」: anyone's report that a listing is wrong. Holds no data about the reporter. */
export interface ServiceReportTable {
  id: Generated<string>;
  service_id: string;
  organization_id: string;
  problem: ReportProblem;
  note: string | null;
  status: Generated<ReportStatus>;
  created_at: CreatedAt;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution_note: string | null;
}

export type PlanStatus = "open" | "closed";
export type NeedUrgency = "low" | "normal" | "high" | "urgent";

export interface NextStep {
  action: string;
  ownerUserId?: string;
  /** YYYY-MM-DD. */
  due?: string;
  done?: boolean;
}

export interface SupportPlanTable {
  id: Generated<string>;
  center_id: string;
  /** The center's own case reference: never a family name. */
  case_ref: string;
  status: Generated<PlanStatus>;
  lead_user_id: string | null;
  /** Approximate: where the family would travel from. */
  family_lat: number;
  family_lng: number;
  children_age_months: Generated<number[]>;
  pregnancy_weeks: number | null;
  languages: Generated<string[]>;
  public_assistance: boolean | null;
  disability_certificate: boolean | null;
  max_distance_meters: number | null;
  max_cost_yen: number | null;
  days: string[] | null;
  /** jsonb, written as a JSON string. */
  next_steps: ColumnType<NextStep[], string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlanNeedTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  kind: string;
  note: string | null;
  urgency: Generated<NeedUrgency>;
}

export type ReferralStatusColumn = "sent" | "accepted" | "declined" | "in_progress" | "completed" | "not_completed" | "withdrawn";
export type ContactPreference = "phone" | "email" | "via_center" | "do_not_contact";

export interface ReferralContact {
  name?: string;
  phone?: string;
  email?: string;
}

export interface ReferralTable {
  id: Generated<string>;
  /** Human reference such as `TSN-2026-000042`, quoted on the phone and in notifications. */
  reference: string;
  center_id: string;
  plan_id: string;
  service_id: string;
  location_id: string | null;
  /** The receiving organization. */
  organization_id: string;
  need_kind: string | null;
  status: ReferralStatusColumn;
  message: string | null;
  contact_preference: Generated<ContactPreference>;
  /** jsonb, written as a JSON string. */
  contact: ColumnType<ReferralContact | null, string | null, string | null>;
  consent_given: boolean;
  consent_privacy_notice_shared: boolean;
  consent_share_contact: boolean;
  consent_share_family_details: Generated<boolean>;
  consent_wording_version: string;
  consent_recorded_at: Timestamp;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  responded_at: Date | null;
  closed_at: Date | null;
}

export interface ReferralEventTable {
  id: Generated<string>;
  referral_id: string;
  status: ReferralStatusColumn;
  from_status: ReferralStatusColumn | null;
  note: string | null;
  reason: string | null;
  outcome: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  occurred_at: CreatedAt;
}

export interface ConsultationPointTable {
  id: Generated<string>;
  center_id: string;
  service_id: string;
  location_id: string;
  coverage_radius_meters: number;
  note: string | null;
  designated_by: string | null;
  designated_at: CreatedAt;
  ended_at: Date | null;
}

export type SheetLanguage = "ja" | "easy-ja" | "en";

export interface RecommendationSheetTable {
  id: Generated<string>;
  token: string;
  center_id: string;
  plan_id: string;
  service_ids: string[];
  language: SheetLanguage;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
}

export type ServiceRow = Selectable<ServiceTable>;
export type NewService = Insertable<ServiceTable>;
export type ServiceUpdate = Updateable<ServiceTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type LocationRow = Selectable<LocationTable>;
export type AddressRow = Selectable<AddressTable>;
export type ScheduleRow = Selectable<ScheduleTable>;
export type TaxonomyTermRow = Selectable<TaxonomyTermTable>;
export type CenterRow = Selectable<CenterTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<SessionTable>;
export type CatalogRevisionRow = Selectable<CatalogRevisionTable>;
export type ServiceReportRow = Selectable<ServiceReportTable>;
