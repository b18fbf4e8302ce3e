/**
 * 地域子育て相談機関: a place close to families where they can ask anything, designated by the
 * center. The guideline names nurseries, certified centres, kindergartens and 地域子育て支援拠点;
 * consult-point services are already such places. (No imports: the web app's designation form
 * reads these too.)
 */
export const DESIGNATABLE_KINDS = ["daycare", "kindergarten-support", "hiroba", "consult-point", "jidokan"] as const;

/** How far around a point it serves families by default, in metres (about a 中学校区). */
export const DEFAULT_COVERAGE_METERS = 1_500;
