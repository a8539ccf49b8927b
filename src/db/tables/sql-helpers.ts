import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/pg-core';

/** A CHECK expression keeping a text column inside a closed vocabulary from the domain layer. */
export const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * The per-item limits of a host module (g, mW, mm, °C), as a module declares them and as a call
 * offers them. Each use gets fresh column builders (drizzle binds a builder to one table).
 */
export const itemLimitColumns = () => ({
  itemMaxMassG: integer('item_max_mass_g'),
  itemMaxAvgPowerMw: integer('item_max_avg_power_mw'),
  itemMaxPeakPowerMw: integer('item_max_peak_power_mw'),
  itemMaxLengthMm: integer('item_max_length_mm'),
  itemMaxWidthMm: integer('item_max_width_mm'),
  itemMaxHeightMm: integer('item_max_height_mm'),
  itemMinTempC: integer('item_min_temp_c'),
  itemMaxTempC: integer('item_max_temp_c'),
  mounting: text('mounting').notNull().default('either'),
});
