/** What the agent observes about its host: inventory, its fingerprint, and metrics samples. */
export { collectInventory, InventoryError, type CollectInventoryOptions } from './inventory.js';
export { inventoryFingerprint, VOLATILE_INVENTORY_FIELDS } from '../../protocol/inventory-fingerprint.js';
export { createMetricsCollector, networkRates, type MetricsCollector, type MetricsCollectorOptions, type NetworkCounters } from './metrics.js';
export { classifyIp } from './ip-scope.js';
export { readCodePage } from './code-page.js';
export { PROBE_TIMEOUT_MS, type InventoryProbes, type MetricsProbes, type HostOs } from './probes.js';
