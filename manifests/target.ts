/**
 * Targets: which hosts a command or a Profile applies to.
 *
 * Rule (the same everywhere):
 * - a host matches when it matches the `selector` (if given) AND, when `hosts`
 *   is non-empty, its name matches at least one host pattern;
 * - a target with neither a `selector` nor any `hosts` matches **nothing**, so a
 *   forgotten selector never reaches the whole fleet. To mean "every host", say so:
 *   `selector: ""` (the empty selector) or `hosts: ["*"]`.
 */
import { type Labels } from './labels.js';
import { matchesHostPattern } from './host-pattern.js';
import { type Selector, matchesSelector, parseSelector } from './selector.js';

export interface Target {
  /** Selector text, e.g. `role=web,env!=prod`; `""` selects every host. */
  readonly selector?: string;
  /** Host names or globs (`web-*`); any one may match. */
  readonly hosts?: readonly string[];
}

/** What a target is matched against. */
export interface HostIdentity {
  readonly name: string;
  readonly labels: Labels;
}

/** A target with its selector parsed once, for matching many hosts. */
export type HostMatcher = (host: HostIdentity) => boolean;

/**
 * Compiles a target into a matcher (parse once, match many).
 *
 * @throws {SelectorError} when `target.selector` does not parse.
 */
export function compileTarget(target: Target): HostMatcher {
  const hosts = target.hosts ?? [];
  if (target.selector === undefined && hosts.length === 0) return () => false;
  const selector: Selector | undefined = target.selector === undefined ? undefined : parseSelector(target.selector);
  return (host) =>
    (selector === undefined || matchesSelector(selector, host.labels)) &&
    (hosts.length === 0 || hosts.some((pattern) => matchesHostPattern(pattern, host.name)));
}

/**
 * True when `host` is targeted by `target` (see the module comment for the rule).
 *
 * @throws {SelectorError} when `target.selector` does not parse.
 */
export function matchesTarget(target: Target, host: HostIdentity): boolean {
  return compileTarget(target)(host);
}
