import { Kysely, Migrator, sql, type Insertable, type MigrationProvider } from 'kysely'
import type { StorableDoc } from '../pipeline/document.ts'
import { PIPELINE_VERSION } from '../pipeline/pipeline.ts'
import type { ANNOTATION_COLUMNS, Database, EventsTable, PairEdgesTable, PairMonthsTable, PairStatesTable, ActorStatesTable } from './tables.ts'
import { migrations } from './migrations.ts'
import type { ActReport, DocumentSummary, EventFilter, ImportDocument, ImportOutcome, SaveOutcome, StoredArticle, SeriesFilter, SeriesRow, Stats, Store, StoredDocument, StoredEvent } from './store.ts'
import { IMPORT_CONSTANTS, IMPORT_ROW_COLUMNS, type GroupRow, type ImportChunk, type ImportRow } from '../import/chunks.ts'
import { SeriesGroups } from './series-groups.ts'
import { actReportQuery, eventCountQuery, eventQuery, toActReport, toStoredEvent } from './event-query.ts'
import { GROUP_COLUMNS, addGroupRows, addToSeries, markDirty, markPairsDirty, readSeries, seriesHorizon, seriesMonths, type SeriesMonth } from './series.ts'
import { pairStateTx, pairStatus, readMonthEdges, readPairs, readPairStates, type PairRecord, type PairStateQuery, type PairStateRecord, type PairStateTx, type PairStatus } from './pair-states.ts'

const CHUNK = 400
/** Imported events from which a file larger than the store is loaded without its indexes (see saveImport). */
const BULK_LOAD_MIN = 20_000

/** The events row of an imported event numbered in its file. */
export function importedEventRow(docId: string, r: ImportRow): EventsTable {
  const row: Record<string, unknown> = { id: `${docId}-${r[0]}`, doc_id: docId, ...IMPORT_CONSTANTS }
  IMPORT_ROW_COLUMNS.forEach((c, i) => { row[c] = r[i + 1] })
  return row as unknown as EventsTable
}

/** The acts of documents stored in a transaction, counted into the series' groups until they join the stored series. */
interface Added {
  groups: SeriesGroups
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Database[T][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute()
  }
}

/** The document a source produced last (null for a new source), and whether this content is stored already. */
async function versions(trx: Kysely<Database>, doc: { id: string; sourceKey: string }): Promise<{ previous: string | null; exists: boolean; analysis: string | null }> {
  const previous = await trx.selectFrom('sources').select('doc_id').where('source_key', '=', doc.sourceKey).executeTakeFirst()
  const stored = await trx.selectFrom('documents').select('analysis').where('id', '=', doc.id).executeTakeFirst()
  return { previous: previous?.doc_id ?? null, exists: stored !== undefined, analysis: stored?.analysis ?? null }
}

/** Takes a document's acts out of the relation series, then the document and its annotations (cascade). */
async function dropDocument(trx: Kysely<Database>, id: string): Promise<void> {
  await addToSeries(trx, id, -1)
  await markPairsDirty(trx, id)
  await trx.deleteFrom('documents').where('id', '=', id).execute()
}

/**
 * Points a source (a file, or file#item) at the document it now produces. The version it pointed
 * at before goes, unless another source still produces it.
 */
async function pointSource(trx: Kysely<Database>, doc: { id: string; sourceKey: string; file: string }, previous: string | null, existed: boolean, now: string): Promise<ImportOutcome> {
  if (previous !== null) {
    await trx.updateTable('sources').set({ doc_id: doc.id, file: doc.file, updated_at: now }).where('source_key', '=', doc.sourceKey).execute()
    const stillUsed = await trx.selectFrom('sources').select('source_key').where('doc_id', '=', previous).executeTakeFirst()
    if (!stillUsed) await dropDocument(trx, previous)
    return 'replaced'
  }
  await trx.insertInto('sources').values({ source_key: doc.sourceKey, doc_id: doc.id, file: doc.file, updated_at: now }).execute()
  return existed ? 'unchanged' : 'new'
}

/** Raises the store's version: what readers cached is stale. */
export async function bumpVersion(trx: Kysely<Database>): Promise<void> {
  await trx.updateTable('store_version').set((eb) => ({ n: eb('n', '+', 1) })).where('id', '=', 1).execute()
}

/** Brings a database to the latest schema; `where` names it in the error. */
export async function migrate(db: Kysely<Database>, where: string, options: { schema?: string } = {}): Promise<void> {
  const { error } = await new Migrator({ db, provider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) }).migrateToLatest()
  if (error) throw new Error(`${where}: database migration failed: ${error instanceof Error ? error.message : String(error)}`)
}

/** The store over any SQL dialect Kysely speaks; the subclasses only open the connection. */
export abstract class KyselyStore implements Store {
  protected constructor(readonly db: Kysely<Database>, readonly location: string) {}

  async sourceDoc(sourceKey: string): Promise<string | null> {
    const row = await this.db.selectFrom('sources').select('doc_id').where('source_key', '=', sourceKey).executeTakeFirst()
    return row?.doc_id ?? null
  }

  /**
   * Called first in every transaction that stores: writers that might touch the same documents or
   * series rows take turns. SQLite's write transactions already do (they begin immediate).
   */
  protected async lockForWrite(_trx: Kysely<Database>): Promise<void> {}

  /** The start of every transaction that writes: take turns with other writers, and tell readers something changed. */
  private async beginWrite(trx: Kysely<Database>): Promise<void> {
    await this.lockForWrite(trx)
    await bumpVersion(trx)
  }

  async storedSources(path: string, analysis: string): Promise<Map<string, string>> {
    // Source keys compare as bytes in both dialects (migration 0004): an item's or a part's keys lie
    // between the file's key and the next character after "#" or "@".
    const rows = await this.db.selectFrom('sources').innerJoin('documents', 'documents.id', 'sources.doc_id')
      .select(['sources.source_key', 'sources.doc_id'])
      .where('documents.analysis', '=', analysis)
      .where((eb) => eb.or([
        eb('sources.source_key', '=', path),
        eb.and([eb('sources.source_key', '>', `${path}#`), eb('sources.source_key', '<', `${path}$`)]),
        eb.and([eb('sources.source_key', '>', `${path}@`), eb('sources.source_key', '<', `${path}A`)]),
      ]))
      .execute()
    return new Map(rows.map((r) => [r.source_key, r.doc_id]))
  }

  /** Articles, imports aside, whose analysis is not `analysis` (or unknown). */
  private outdated(analysis: string) {
    return this.db.selectFrom('documents').where('lang_source', '<>', 'import')
      .where((eb) => eb.or([eb('analysis', 'is', null), eb('analysis', '<>', analysis)]))
  }

  async countOutdated(analysis: string): Promise<number> {
    return Number((await this.outdated(analysis).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  }

  async outdatedArticles(analysis: string, page: { after: string | null; limit: number }): Promise<StoredArticle[]> {
    let q = this.outdated(analysis)
    if (page.after !== null) q = q.where('id', '>', page.after)
    const rows = await q.selectAll()
      .select((eb) => eb.selectFrom('sources').whereRef('sources.doc_id', '=', 'documents.id').select((s) => s.fn.min('source_key').as('k')).as('source_key'))
      .orderBy('id').limit(page.limit).execute()
    return rows.map((r) => ({
      id: r.id, file: r.file, path: r.path, sourceKey: r.source_key ?? r.path, format: r.format, title: r.title, publisher: r.publisher, url: r.url,
      lang: r.lang, langSource: r.lang_source, text: r.text,
      date: r.date === null ? null : { value: r.date, source: r.date_source ?? 'text', rule: r.date_rule ?? '' },
    }))
  }

  async version(): Promise<number> {
    const row = await this.db.selectFrom('store_version').select('n').where('id', '=', 1).executeTakeFirst()
    return Number(row?.n ?? 0)
  }

  async saveDocument(doc: StorableDoc, path: string): Promise<SaveOutcome> {
    return (await this.saveDocuments([{ doc, path }]))[0]!
  }

  /** Documents in one transaction; the acts of those new to the store join the series together. */
  async saveDocuments(items: { doc: StorableDoc; path: string }[]): Promise<SaveOutcome[]> {
    return this.db.transaction().execute(async (trx) => {
      await this.beginWrite(trx)
      const outcomes: SaveOutcome[] = []
      const added = { groups: new SeriesGroups() }
      for (const { doc, path } of items) outcomes.push(await this.saveIn(trx, doc, path, added))
      await this.addedToSeries(trx, added)
      return outcomes
    })
  }

  /**
   * Adds the groups of acts counted for documents stored in this transaction to the series, puts
   * their pairs on the dirty list, and starts counting afresh. The groups are counted from the
   * documents as they are stored (SeriesGroups, as imports count theirs), not read back from the
   * events just written: reading them back was a tenth of storing an article (1.05 → 0.95 ms at
   * 20,000 generated articles).
   */
  private async addedToSeries(trx: Kysely<Database>, added: Added): Promise<void> {
    const { groups } = added
    added.groups = new SeriesGroups()
    const rows = groups.take()
    if (rows.length > 0) await this.bulkAddGroups(trx, rows.map((r) => GROUP_COLUMNS.map((c) => r[c])))
    const pairs = groups.pairList()
    if (pairs.length > 0) await markDirty(trx, pairs)
  }

  /** Stores a document and its annotations; the acts of one new to the store are counted into `added` for the series. */
  private async saveIn(trx: Kysely<Database>, doc: StorableDoc, path: string, added: Added): Promise<SaveOutcome> {
    const now = new Date().toISOString()
    const { previous, exists, analysis } = await versions(trx, doc)
    // Stored already, but understood by other rules: its annotations are made again from this analysis.
    const outdated = exists && doc.analysis !== undefined && analysis !== doc.analysis
    if (previous === doc.id && !outdated) return 'unchanged'
    if (outdated) await this.dropAnnotations(trx, doc, added)
    else if (!exists) {
      await trx.insertInto('documents').values({
        id: doc.id, file: doc.file, path, format: doc.format, title: doc.title, publisher: doc.publisher, url: doc.url,
        lang: doc.lang, lang_source: doc.langSource, date: doc.date?.value ?? null, date_source: doc.date?.source ?? null,
        date_rule: doc.date?.rule ?? null, text: doc.text, pipeline_version: PIPELINE_VERSION, ingested_at: now, time_mode: doc.timeMode ?? null,
        analysis: doc.analysis ?? null,
      }).execute()
    }
    if (outdated || !exists) {
      await this.bulkInsertRows(trx, 'sentences', doc.sentences.map((s) => ({ doc_id: doc.id, idx: s.index, start: s.start, end: s.end, rule: s.rule })))
      await this.bulkInsertRows(trx, 'mentions', doc.mentions.map((m) => ({ doc_id: doc.id, sentence: m.sentence, start: m.start, end: m.end, actor: m.actor, kind: m.kind, person: m.person ?? null, rule: m.rule, antecedent: m.antecedent ?? null })))
      await this.bulkInsertRows(trx, 'times', doc.times.map((t) => ({ doc_id: doc.id, sentence: t.sentence, start: t.start, end: t.end, text: t.text, value: t.value, date: t.date, precision: t.precision, end_value: t.endValue ?? null, mod: t.mod ?? null, rule: t.rule })))
      await this.bulkInsertEvents(trx, doc.events.map((e, n) => {
        const s = doc.sentences[e.sentence]!
        const id = `${doc.id}-${n + 1}`
        added.groups.add({ id, source: e.source, target: e.target, date: e.date, type: e.type, mode: e.mode, modality: e.modality, confidence: e.confidence, trace: e.trace })
        return {
          id, doc_id: doc.id, sentence: e.sentence, source: e.source, target: e.target, type: e.type, mode: e.mode,
          polarity: e.polarity, modality: e.modality, date: e.date, start: e.start, end: e.end,
          source_start: e.sourceMention.start, source_end: e.sourceMention.end, target_start: e.targetMention?.start ?? null, target_end: e.targetMention?.end ?? null,
          quantity: e.quantity, attribution: e.attribution, rule: e.rule, trace: JSON.stringify(e.trace), confidence: e.confidence,
          sentence_text: doc.text.slice(s.start, s.end), sentence_start: s.start,
        }
      }))
      added.groups.placeUndated(doc.date?.value ?? null)
    }
    // The version this one replaces leaves the series counted again from the other documents: those
    // stored before it must be in the series by then.
    if (previous !== null && previous !== doc.id) await this.addedToSeries(trx, added)
    if (previous === doc.id) return 'reanalysed'
    const outcome = await pointSource(trx, doc, previous, exists, now)
    return outdated && outcome === 'unchanged' ? 'reanalysed' : outcome
  }

  /**
   * Takes a stored document's acts out of the series and deletes its annotations, keeping the
   * document and its sources; the document row takes the new analysis's stamp.
   */
  private async dropAnnotations(trx: Kysely<Database>, doc: StorableDoc, added: Added): Promise<void> {
    // The series is counted again from the other documents: those stored before must be in it.
    await this.addedToSeries(trx, added)
    await addToSeries(trx, doc.id, -1)
    await markPairsDirty(trx, doc.id)
    for (const table of ['events', 'mentions', 'times', 'sentences'] as const) await trx.deleteFrom(table).where('doc_id', '=', doc.id).execute()
    await trx.updateTable('documents').set({ analysis: doc.analysis ?? null, pipeline_version: PIPELINE_VERSION, time_mode: doc.timeMode ?? null }).where('id', '=', doc.id).execute()
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await this.beginWrite(trx)
      if (!(await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst())) return false
      await trx.deleteFrom('sources').where('doc_id', '=', id).execute()
      await dropDocument(trx, id)
      return true
    })
  }

  /** Many pair states at once; a dialect may override it with its fastest bulk path. */
  protected async bulkInsertStates(trx: Kysely<Database>, rows: PairStatesTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('pair_states').values(rows.slice(i, i + 200)).execute()
  }

  /** Many actor states at once; a dialect may override it with its fastest bulk path. */
  protected async bulkInsertActorStates(trx: Kysely<Database>, rows: ActorStatesTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('actor_states').values(rows.slice(i, i + 200)).execute()
  }

  /** Many graph edges at once (`extend`: those already there stay); a dialect may override it. */
  protected async bulkInsertEdges(trx: Kysely<Database>, rows: PairEdgesTable[], extend = false): Promise<void> {
    for (let i = 0; i < rows.length; i += 400) {
      const q = trx.insertInto('pair_edges').values(rows.slice(i, i + 400))
      await (extend ? q.onConflict((c) => c.columns(['month', 'pair']).doNothing()) : q).execute()
    }
  }

  /** A document's rows of one table (sentences, mentions, times); a dialect may override it with its fastest path. */
  protected async bulkInsertRows<T extends keyof typeof ANNOTATION_COLUMNS>(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
    await insertChunked(trx, table, rows as Database[T][])
  }

  /** Series groups counted in memory added to the stored ones; a dialect may override it with its fastest path. */
  protected async bulkAddGroups(trx: Kysely<Database>, rows: GroupRow[]): Promise<void> {
    await addGroupRows(trx, rows.map((r) => Object.fromEntries(GROUP_COLUMNS.map((c, i) => [c, r[i]])) as unknown as PairMonthsTable))
  }

  /** An imported file's events (src/import/chunks.ts); a dialect may override it with its fastest bulk path. */
  protected async bulkInsertImport(trx: Kysely<Database>, docId: string, rows: ImportRow[]): Promise<void> {
    await this.bulkInsertEvents(trx, rows.map((r) => importedEventRow(docId, r)))
  }

  /** Many event rows at once; a dialect may override it with its fastest bulk path. */
  protected async bulkInsertEvents(trx: Kysely<Database>, rows: EventsTable[]): Promise<void> {
    await insertChunked(trx, 'events', rows)
  }

  /**
   * About how many rows a table holds, read in a moment (no count). Infinity (the default) keeps a
   * table's indexes through every write; a dialect that can rebuild them in the transaction says more.
   */
  protected async rowsEstimate(_trx: Kysely<Database>, _table: 'events' | 'pair_months'): Promise<number> {
    return Infinity
  }

  /** Drops a table's secondary indexes inside the transaction; the function returned builds them again. */
  protected async suspendIndexes(_trx: Kysely<Database>, _table: 'events' | 'pair_months'): Promise<() => Promise<void>> {
    return async () => {}
  }

  async saveImport(doc: ImportDocument, chunks: AsyncIterable<ImportChunk>): Promise<{ outcome: ImportOutcome; events: number }> {
    return this.db.transaction().execute(async (trx) => {
      await this.beginWrite(trx)
      const now = new Date().toISOString()
      const { previous, exists } = await versions(trx, doc)
      if (previous === doc.id) return { outcome: 'unchanged' as const, events: 0 }
      let count = 0
      if (!exists) {
        await trx.insertInto('documents').values({
          id: doc.id, file: doc.file, path: doc.path, format: doc.format, title: doc.title, publisher: null, url: null, lang: 'und', lang_source: 'import',
          date: null, date_source: null, date_rule: null, text: '', pipeline_version: PIPELINE_VERSION, ingested_at: now, time_mode: null,
        }).execute()
        // A file larger than the store goes in as a bulk load: once it has written more rows than the
        // table held, the table's secondary indexes are dropped and built again at the end, a sort of
        // all rows instead of a B-tree insert per row and index (in the same transaction, so a failed
        // import leaves them as they were). The file's acts come grouped for the series as they were
        // read (src/import/chunks.ts), not read back and sorted; the file is dated by its latest event.
        const eventsBefore = await this.rowsEstimate(trx, 'events')
        const groupsBefore = await this.rowsEstimate(trx, 'pair_months')
        let restoreEvents: (() => Promise<void>) | null = null
        let restoreGroups: (() => Promise<void>) | null = null
        let grouped = 0
        let end: Extract<ImportChunk, { kind: 'end' }> | null = null
        for await (const chunk of chunks) {
          if (chunk.kind === 'events') {
            if (!restoreEvents && count >= BULK_LOAD_MIN && count > eventsBefore) restoreEvents = await this.suspendIndexes(trx, 'events')
            await this.bulkInsertImport(trx, doc.id, chunk.rows)
            count += chunk.rows.length
          } else if (chunk.kind === 'groups') {
            grouped += chunk.rows.length
            if (!restoreGroups && grouped >= BULK_LOAD_MIN && grouped > groupsBefore) restoreGroups = await this.suspendIndexes(trx, 'pair_months')
            await this.bulkAddGroups(trx, chunk.rows)
          } else end = chunk
        }
        if (!end) throw new Error(`${doc.path}: the import ended before its last chunk`)
        await restoreEvents?.()
        await restoreGroups?.()
        await markDirty(trx, end.pairs)
        if (end.latest) await trx.updateTable('documents').set({ date: end.latest, date_source: 'import', date_rule: 'import.latest-event' }).where('id', '=', doc.id).execute()
      }
      return { outcome: await pointSource(trx, doc, previous, exists, now), events: count }
    })
  }

  async series(f: SeriesFilter): Promise<SeriesRow[]> {
    return this.readSeriesRows(this.db, f)
  }

  /** The relation series' rows a filter selects; a dialect may override it with its fastest read. */
  protected async readSeriesRows(db: Kysely<Database>, f: SeriesFilter): Promise<SeriesRow[]> {
    return readSeries(db, f)
  }

  async pairStateWork<T>(work: (tx: PairStateTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await this.beginWrite(trx)
      return work(pairStateTx(trx, { series: (f) => this.readSeriesRows(trx, f), states: (rows) => this.bulkInsertStates(trx, rows), actorStates: (rows) => this.bulkInsertActorStates(trx, rows), edges: (rows, extend) => this.bulkInsertEdges(trx, rows, extend) }))
    })
  }

  pairStates(q: PairStateQuery): Promise<PairStateRecord[]> {
    return readPairStates(this.db, q)
  }

  pairs(which?: string | [string, string][]): Promise<PairRecord[]> {
    return readPairs(this.db, which)
  }

  monthEdges(month: string): Promise<string | null> {
    return readMonthEdges(this.db, month)
  }

  pairStatus(actors?: string[]): Promise<PairStatus> {
    return pairStatus(this.db, actors)
  }

  seriesMonths(generic: string[]): Promise<SeriesMonth[]> {
    return seriesMonths(this.db, generic)
  }

  seriesHorizon(): Promise<string | null> {
    return seriesHorizon(this.db)
  }

  async events(filter: EventFilter): Promise<StoredEvent[]> {
    const rows = await eventQuery(this.db, filter).execute()
    return rows.map(toStoredEvent)
  }

  async actReports(filter: EventFilter): Promise<ActReport[]> {
    return (await actReportQuery(this.db, filter).execute()).map(toActReport)
  }

  async countEvents(filter: EventFilter): Promise<number> {
    return Number((await eventCountQuery(this.db, filter).executeTakeFirstOrThrow()).n)
  }

  async documents(page: { limit: number; offset: number; lang?: string }): Promise<{ total: number; items: DocumentSummary[] }> {
    let base = this.db.selectFrom('documents')
    if (page.lang) base = base.where('lang', '=', page.lang)
    const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const rows = await base.select(['id', 'file', 'title', 'publisher', 'lang', 'date', 'date_source'])
      .select((eb) => eb.selectFrom('events').whereRef('events.doc_id', '=', 'documents.id').select((e) => e.fn.countAll().as('n')).as('events'))
      .orderBy('date', (ob) => ob.desc().nullsLast()).orderBy('file').limit(page.limit).offset(page.offset).execute()
    return { total, items: rows.map((r) => ({ id: r.id, file: r.file, title: r.title, publisher: r.publisher, lang: r.lang, date: r.date, dateSource: r.date_source, events: Number(r.events ?? 0) })) }
  }

  async event(id: string): Promise<StoredEvent | null> {
    return (await this.events({ id }))[0] ?? null
  }

  async document(idOrFile: string): Promise<StoredDocument | null> {
    const doc = await this.db.selectFrom('documents').selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrFile), eb('file', '=', idOrFile), eb('path', '=', idOrFile)]))
      .orderBy('ingested_at', 'desc').executeTakeFirst()
    if (!doc) return null
    const [sentences, mentions, times, events] = await Promise.all([
      this.db.selectFrom('sentences').select(['idx', 'start', 'end']).where('doc_id', '=', doc.id).orderBy('idx').execute(),
      this.db.selectFrom('mentions').select(['sentence', 'start', 'end', 'actor', 'kind', 'rule', 'antecedent']).where('doc_id', '=', doc.id).orderBy('start').execute(),
      this.db.selectFrom('times').select(['sentence', 'start', 'end', 'text', 'value', 'rule']).where('doc_id', '=', doc.id).orderBy('start').execute(),
      this.events({ docId: doc.id }),
    ])
    return {
      id: doc.id, file: doc.file, path: doc.path, format: doc.format, title: doc.title, publisher: doc.publisher, url: doc.url,
      lang: doc.lang, date: doc.date, dateSource: doc.date_source, timeMode: doc.time_mode === 'narrative' ? 'narrative' : 'news', text: doc.text, sentences, mentions, times, events,
    }
  }

  async stats(): Promise<Stats> {
    const count = async (table: keyof Database) =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const actors = await sql<{ n: number | string }>`select count(*) as n from (select source as a from events union select target from events where target is not null) as actors`.execute(this.db)
    const range = await this.db.selectFrom('events').select((eb) => [eb.fn.min('date').as('from'), eb.fn.max('date').as('to')]).executeTakeFirstOrThrow()
    return {
      documents: await count('documents'), sentences: await count('sentences'), mentions: await count('mentions'), events: await count('events'),
      actors: Number(actors.rows[0]?.n ?? 0), dateRange: { from: range.from ?? null, to: range.to ?? null },
    }
  }

  async close(): Promise<void> {
    await this.db.destroy()
  }
}
