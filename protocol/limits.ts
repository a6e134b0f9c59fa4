/**
 * Size limits for everything an agent sends. The server checks the byte size of a report
 * before parsing it, then the schemas enforce the per-field bounds below, so one hostile or
 * broken agent cannot make the server allocate without bound.
 *
 * Invariant (tested): a report that satisfies its schema with plain ASCII strings fits in
 * {@link MAX_REPORT_BYTES}, so an honest agent never trips the byte cap.
 */

/** Largest accepted report, in UTF-8 bytes of its JSON text. */
export const MAX_REPORT_BYTES = 512 * 1024;

/** Longest hostname (a DNS name is at most 253 characters). */
export const MAX_HOSTNAME_LENGTH = 255;
/** Longest short label: OS name, release, arch, time zone, locale, version and the like. */
export const MAX_LABEL_LENGTH = 128;
/** Longest free-text field (CPU model, OS distro). */
export const MAX_TEXT_LENGTH = 256;
/** Longest device name or mount path. */
export const MAX_PATH_LENGTH = 512;
/** Longest network interface name. */
export const MAX_INTERFACE_NAME_LENGTH = 64;

/** Most disks (mounted file systems) in one report. */
export const MAX_DISKS = 128;
/** Most network interfaces in one inventory. */
export const MAX_INTERFACES = 128;
/** Most addresses of one family on one interface. */
export const MAX_ADDRESSES_PER_INTERFACE = 16;
/** Most entries in the flat `ips` list of an inventory. */
export const MAX_IPS = 256;
/** Most entries in the flat `macs` list of an inventory. */
export const MAX_MACS = MAX_INTERFACES;
/** Most validation issues carried by one {@link AgentReportError}. */
export const MAX_REPORTED_ISSUES = 20;
