/** The dictionary source format (dictionaries/FORMAT.md), validated with zod. */
import { z } from 'zod'

export const ENTITY_TYPES = ['person', 'place', 'organization', 'demonym', 'other'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

const nonEmpty = z.string().trim().min(1, 'must not be empty')

export const acronymSchema = z.union([
  nonEmpty,
  z.strictObject({ acronym: nonEmpty, expansion: nonEmpty.optional() }),
])

export const deprecatedSchema = z.union([
  nonEmpty,
  z.strictObject({
    spelling: nonEmpty,
    preferred: nonEmpty.optional(),
    reason: z.string().optional(),
    since: z.union([z.string(), z.number()]).optional(),
  }),
])

export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._:-]*$/, 'ids are lowercase ascii letters, digits, ".", "_", ":" and "-"'),
  type: z.enum(ENTITY_TYPES).optional(),
  name: nonEmpty.optional(),
  variants: z.array(nonEmpty).optional(),
  forms: z.array(nonEmpty).optional(),
  deprecated: z.array(deprecatedSchema).optional(),
  acronyms: z.array(acronymSchema).optional(),
  description: z.string().optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'country is an ISO 3166-1 alpha-2 code such as "UA"').optional(),
  wikidata: z.string().regex(/^Q[0-9]+$/, 'a Wikidata id looks like "Q312677"').optional(),
  native: z.array(nonEmpty).optional(),
  population: z.number().int().nonnegative().optional(),
  prior: z.number().min(0).max(1).optional(),
  disabled: z.boolean().optional(),
})

export const dictionarySchema = z.strictObject({
  meta: z
    .strictObject({
      name: z.string().optional(),
      source: z.string().optional(),
      license: z.string().optional(),
      version: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  entities: z.array(entitySchema),
})

export type EntitySource = z.infer<typeof entitySchema>
export type DictionarySource = z.infer<typeof dictionarySchema>
