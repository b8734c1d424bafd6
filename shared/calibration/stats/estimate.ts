/** Below either, an estimate is flagged insufficient (still computed, shown with a low-confidence mark). */
export const MIN_PAIRABLE_UNITS = 5;
export const MIN_PAIRABLE_VALUES = 10;
