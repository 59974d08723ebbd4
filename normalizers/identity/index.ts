// The identity layer (issue 15): stable identities for units, KF goals, indicators and a unit's own goals
// across plans, as pure functions over plain data. The store, views and CLI build on these; nothing here
// touches the database. See README.md for the overrides file.
export { linkGoals } from './goal-links.js';
export {
  compareIndicatorNames,
  type IndicatorItem,
  LINK_THRESHOLD,
  linkIndicators,
} from './indicators.js';
export { kfGoalFor } from './kf-goals.js';
export { normalizeName } from './names.js';
export { NO_OVERRIDES, Overrides, parseOverrides, readOverrides } from './overrides.js';
export { resolveUnits, UnitDoc, unitKey } from './units.js';
