// The identity layer (issue 15): stable identities for units, KF goals, indicators and a unit's own goals
// across plans, as pure functions over plain data. The store, views and CLI build on these; nothing here
// touches the database. See README.md for the overrides file.
export { type GoalInput, type GoalLink, type GoalLinkKind, linkGoals, REWORDED_MIN } from './goal-links.js';
export {
  type CanonicalIndicator,
  compareIndicatorNames,
  type IndicatorItem,
  type IndicatorLinks,
  LINK_THRESHOLD,
  type LinkDecision,
  type LinkOptions,
  linkIndicators,
  type PairDecision,
  QUALIFIER_MIN,
  REVIEW_FLOOR,
} from './indicators.js';
export { type KfGoalMatch, type KfGoalQuery, kfGoalFor, OTHER_PERIOD_MIN, TITLE_MIN } from './kf-goals.js';
export { normalizeName } from './names.js';
export { DEFAULT_OVERRIDES_FILE, NO_OVERRIDES, Overrides, parseOverrides, readOverrides } from './overrides.js';
export { type ResolvedUnits, resolveUnits, type Unit, type UnitAlias, type UnitConflict, UnitDoc, unitKey } from './units.js';
