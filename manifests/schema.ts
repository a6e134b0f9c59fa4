/**
 * zod schemas of the manifest documents (`apiVersion: ioms/v1`): `Profile` and
 * `Host`. Objects are strict: an unknown field is an error, so a typo never
 * silently drops a setting. The generated `manifests/schema.json` comes from
 * these schemas (see `write-json-schema.ts`).
 */
import { z } from 'zod';
import { hostNameProblem, hostPatternProblem } from './host-pattern.js';
import { MAX_LABELS, labelKeyProblem, labelValueProblem } from './labels.js';
import { parseSelector } from './selector.js';
import { SelectorError } from './selector-error.js';
import { checkedString, cronEntrySchema, evenWithFieldErrors, fileSchema, filePathSchema, processSchema } from './spec-schema.js';
import { filePathKey } from './path-rules.js';

export const API_VERSION = 'ioms/v1';
export const MANIFEST_KINDS = ['Profile', 'Host'] as const;
export type ManifestKind = (typeof MANIFEST_KINDS)[number];

const apiVersionSchema = z.literal(API_VERSION, { error: `apiVersion must be ${API_VERSION}` });

/** Labels map: keys and values follow the Kubernetes label rules. */
export const labelsSchema = z
  .record(checkedString(labelKeyProblem, 'label key'), checkedString(labelValueProblem, 'label value (quote it)'))
  .refine((labels) => Object.keys(labels).length <= MAX_LABELS, `at most ${MAX_LABELS} labels`);

const PROFILE_NAME_RE = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;

export const profileSelectorSchema = z
  .strictObject({
    matchLabels: labelsSchema.optional().describe('Every label must have this value'),
    match: checkedString((text) => {
      try {
        parseSelector(text);
        return undefined;
      } catch (error) {
        if (error instanceof SelectorError) return `selector: ${error.message}`;
        throw error;
      }
    }, 'match')
      .optional()
      .describe('Selector expression, e.g. "env!=prod,os in (linux,windows),!legacy"'),
    hosts: z
      .array(checkedString(hostPatternProblem, 'host pattern'))
      .max(10_000)
      .optional()
      .describe('Host names or globs (web-*, db-0?); one must match'),
  })
  .refine((s) => s.matchLabels !== undefined || s.match !== undefined || (s.hosts?.length ?? 0) > 0, {
    message: 'selector must give matchLabels, match or hosts (use hosts: ["*"] for every host)',
    ...evenWithFieldErrors,
  })
  .describe('Which hosts get this profile: all given conditions must hold');

/** Indexes of items whose `field` repeats an earlier item's (read defensively: input may be invalid). */
function duplicates(items: unknown, field: string, keyOf: (value: string) => string = (v) => v): number[] {
  if (!Array.isArray(items)) return [];
  const seen = new Set<string>();
  const dups: number[] = [];
  for (const [i, item] of (items as unknown[]).entries()) {
    const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
    if (typeof value !== 'string') continue;
    const key = keyOf(value);
    if (seen.has(key)) dups.push(i);
    seen.add(key);
  }
  return dups;
}

export const profileSpecSchema = z
  .strictObject({
    selector: profileSelectorSchema,
    processes: z.array(processSchema).max(1000).default([]).describe('Guarded processes'),
    crontab: z.array(cronEntrySchema).max(1000).default([]).describe('Scheduled entries'),
    files: z.array(fileSchema).max(10_000).default([]).describe('Files from the artifact store'),
  })
  .superRefine((spec, ctx) => {
    for (const i of duplicates(spec.processes, 'name')) {
      ctx.addIssue({ code: 'custom', message: 'process name is used twice in this profile', path: ['processes', i, 'name'] });
    }
    for (const i of duplicates(spec.crontab, 'name')) {
      ctx.addIssue({ code: 'custom', message: 'crontab entry name is used twice in this profile', path: ['crontab', i, 'name'] });
    }
    for (const i of duplicates(spec.files, 'path', filePathKey)) {
      ctx.addIssue({ code: 'custom', message: 'file path is used twice in this profile', path: ['files', i, 'path'] });
    }
  }, evenWithFieldErrors);

export const profileSchema = z.strictObject({
  apiVersion: apiVersionSchema,
  kind: z.literal('Profile'),
  metadata: z.strictObject({
    name: z
      .string({ error: 'metadata.name must be a string' })
      .regex(PROFILE_NAME_RE, 'profile name must be lowercase letters, digits, . and - (at most 253)'),
  }),
  spec: profileSpecSchema,
});

export const hostSchema = z.strictObject({
  apiVersion: apiVersionSchema,
  kind: z.literal('Host'),
  metadata: z.strictObject({
    name: checkedString(hostNameProblem, 'metadata.name').describe('The host name the agent registers with'),
  }),
  spec: z
    .strictObject({
      labels: labelsSchema.default({}).describe('Labels merged over the labels the server holds for this host'),
    })
    .prefault({}),
});

/** One manifest document of any kind, discriminated by `kind`. */
export const manifestSchema = z
  .discriminatedUnion('kind', [profileSchema, hostSchema], { error: `kind must be one of ${MANIFEST_KINDS.join(', ')}` })
  .describe('An IOMS manifest document (apiVersion ioms/v1)');

export type ProfileManifest = z.output<typeof profileSchema>;
export type HostManifest = z.output<typeof hostSchema>;
export type Manifest = z.output<typeof manifestSchema>;
export type ProfileSelector = z.output<typeof profileSelectorSchema>;

export { filePathSchema };
