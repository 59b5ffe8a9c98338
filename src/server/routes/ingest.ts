import { Type } from '@sinclair/typebox'
import { HttpError, notFound, type Api, type RouteContext } from '../app.ts'
import { errors, ErrorReply, Open } from '../schemas.ts'
import { UploadError } from '../../service/jobs.ts'

const Job = Open({ id: Type.String(), status: Type.String(), total: Type.Integer(), done: Type.Integer(), files: Type.Array(Type.String()), summary: Type.Union([Open({}), Type.Null()]), error: Type.Union([Type.String(), Type.Null()]) })

export function ingestRoutes(api: Api, { jobs }: RouteContext): void {
  api.post('/api/ingest', {
    schema: {
      tags: ['ingest'], summary: 'Upload files (multipart/form-data, field "files"): they are stored under the upload folder and ingested; follow the job for progress',
      consumes: ['multipart/form-data'],
      response: { 202: Job, 413: ErrorReply, 415: ErrorReply, ...errors },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new HttpError(415, 'unsupported', 'send the files as multipart/form-data')
    const files: { name: string; data: Buffer }[] = []
    for await (const part of req.files()) files.push({ name: part.filename, data: await part.toBuffer() })
    if (!files.length) throw new HttpError(400, 'bad_request', 'no files in the upload')
    try {
      return reply.code(202).send(jobs.start(files))
    } catch (err) {
      if (err instanceof UploadError) throw new HttpError(400, 'bad_request', err.message)
      throw err
    }
  })

  api.get('/api/ingest/:id', {
    schema: { tags: ['ingest'], summary: 'Progress and summary of an ingestion job', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: Job, ...errors } },
  }, async (req) => {
    const job = jobs.get(req.params.id)
    if (!job) throw notFound(`no ingestion job ${req.params.id}`)
    return job
  })
}
