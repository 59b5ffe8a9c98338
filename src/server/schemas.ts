import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox'

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
export const Span = Type.String({ pattern: '^\\d+(\\.\\d+)?[dmyDMY]$', description: 'a duration: 90d, 24m, 2y' })
export const ActorCode = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'actor code: RUS, PRK, NATO …' })

export const ErrorReply = Type.Object({
  code: Type.String({ description: 'bad_request, not_found, too_large, unsupported, rate_limited, internal' }),
  message: Type.String(),
}, { $id: 'Error' })

export const MAX_PAGE = 500

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}

/** A reply with a page of items. */
export const Page = (item: TSchema) => Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(item) })

/** An object whose listed fields are checked and whose other fields pass through. */
// (Typed as a closed object, so that interfaces without an index signature fit it.)
export const Open = <P extends TProperties>(props: P, description?: string): TObject<P> =>
  Type.Object(props, { additionalProperties: true, ...(description ? { description } : {}) }) as unknown as TObject<P>

export const errors = { 400: ErrorReply, 404: ErrorReply }
