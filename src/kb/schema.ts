import { z } from 'zod'

const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'), z.date().transform((d) => d.toISOString().slice(0, 10))])
const actorId = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected an upper-case actor id')

export const stateSchema = z.object({
  id: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
  status: z.enum(['member', 'observer', 'other', 'historical']),
  /** A display name where the ISO short name is not the one in common use. */
  name: z.string().optional(),
  capital: z.string().optional(),
  /** The state lies on islands only: "die Insel", "the island nation" may stand for it. */
  island: z.boolean().optional(),
  /** A kingdom, emirate or sultanate: "das Königreich", "das Emirat" may stand for it. */
  monarchy: z.boolean().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  successor: actorId.optional(),
}).strict()

export const organisationSchema = z.object({
  id: actorId,
  kind: z.literal('igo'),
  name: z.string(),
  /** A grouping of states the press calls a bloc or alliance ("das Bündnis"): not an organ, court, agency or mission. */
  grouping: z.boolean().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).strict()

export const groupSchema = z.object({
  id: actorId,
  kind: z.enum(['armed_group', 'pmc']),
  name: z.string(),
  parent: actorId.optional(),
  becomes: z.array(z.object({ from: isoDate, actor: actorId }).strict()).optional(),
}).strict()

/** Generic parties that are not states or organisations ("police", "rebels", "protesters"). */
export const sectorSchema = z.object({
  id: actorId,
  kind: z.literal('sector'),
  name: z.string(),
}).strict()

export const roleIds = ['head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister', 'leader', 'envoy', 'spokesperson', 'other_minister', 'institution'] as const
export type RoleId = (typeof roleIds)[number]

export const personSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id'),
  names: z.array(z.string().min(2)).min(1),
  roles: z.array(z.object({
    actor: actorId,
    role: z.enum(roleIds),
    from: isoDate.optional(),
    to: isoDate.optional(),
  }).strict()).min(1),
}).strict()

export const langActorSchema = z.object({
  names: z.array(z.string()).default([]),
  forms: z.array(z.string()).nullish().transform((v) => v ?? []),
  adjectives: z.array(z.string()).nullish().transform((v) => v ?? []),
  metonyms: z.array(z.string()).nullish().transform((v) => v ?? []),
  /**
   * Seats of government too ambiguous to stand alone (a city of courts, a given name): they name the
   * government only after an organ and a link ("die Regierung in Den Haag", "the government in Sofia").
   */
  seats: z.array(z.string()).nullish().transform((v) => v ?? []),
  /** Nouns for a country's people, every form ("Russen", "Ukrainer"): they stand for the country's side. */
  inhabitants: z.array(z.string()).nullish().transform((v) => v ?? []),
  /** Common nouns that name the actor in lower case too (generic sectors: "police", "rebels"). */
  nouns: z.array(z.string()).nullish().transform((v) => v ?? []),
}).strict()

export const membershipsFile = z.array(z.object({
  org: actorId,
  /** defence: mutual-defence alliance; union: political or economic union. */
  tie: z.enum(['defence', 'union']),
  led_by: actorId.optional(),
  members: z.array(z.object({ actor: actorId, from: isoDate, to: isoDate.optional(), suspended: isoDate.optional() }).strict()).min(1),
}).strict())
export type Sector = z.output<typeof sectorSchema>
export type Bloc = z.output<typeof membershipsFile>[number]

export const notActorsSchema = z.array(z.string().min(1))
export const ambiguitySchema = z.record(z.string(), z.object({ prefer: actorId, why: z.string() }).strict())

export const statesFile = z.array(stateSchema)
export const organisationsFile = z.array(organisationSchema)
export const groupsFile = z.array(groupSchema)
export const sectorsFile = z.array(sectorSchema)
export const peopleFile = z.array(personSchema)
export const langActorsFile = z.record(actorId, langActorSchema)

export type State = z.output<typeof stateSchema>
export type Organisation = z.output<typeof organisationSchema>
export type Group = z.output<typeof groupSchema>
export type Person = z.output<typeof personSchema>
export type LangActor = z.output<typeof langActorSchema>
