import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely'
import { addToSeries } from './series.ts'

/** Versioned schema changes, applied in name order; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('publisher', 'text')
        .addColumn('url', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('lang_source', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('date_source', 'text')
        .addColumn('date_rule', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('pipeline_version', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createTable('sources')
        .addColumn('source_key', 'text', (c) => c.primaryKey())
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id'))
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createTable('sentences')
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sentences_pk', ['doc_id', 'idx'])
        .execute()
      await db.schema.createTable('mentions')
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('person', 'text')
        .addColumn('rule', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createTable('times')
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('precision', 'text', (c) => c.notNull())
        .addColumn('end_value', 'text')
        .addColumn('mod', 'text')
        .addColumn('rule', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('polarity', 'text', (c) => c.notNull())
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('source_start', 'integer', (c) => c.notNull())
        .addColumn('source_end', 'integer', (c) => c.notNull())
        .addColumn('target_start', 'integer', (c) => c.notNull())
        .addColumn('target_end', 'integer', (c) => c.notNull())
        .addColumn('quantity', 'text')
        .addColumn('attribution', 'text')
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('trace', 'text', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('sentence_text', 'text', (c) => c.notNull())
        .addColumn('sentence_start', 'integer', (c) => c.notNull())
        .execute()
      for (const [table, col] of [['events', 'source'], ['events', 'target'], ['events', 'type'], ['events', 'date'], ['events', 'doc_id'], ['mentions', 'doc_id'], ['mentions', 'actor'], ['times', 'doc_id'], ['sources', 'doc_id']] as const) {
        await db.schema.createIndex(`${table}_${col}_idx`).on(table).column(col).execute()
      }
    },
  },
  '0002-mention-antecedent': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('mentions').addColumn('antecedent', 'integer').execute()
    },
  },
  // One-sided acts ("Georgia's president resigned") have no target. SQLite cannot drop a NOT NULL
  // constraint, so the table is rebuilt with the same columns and its rows copied over.
  '0003-one-sided-events': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('events_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('polarity', 'text', (c) => c.notNull())
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('source_start', 'integer', (c) => c.notNull())
        .addColumn('source_end', 'integer', (c) => c.notNull())
        .addColumn('target_start', 'integer')
        .addColumn('target_end', 'integer')
        .addColumn('quantity', 'text')
        .addColumn('attribution', 'text')
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('trace', 'text', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('sentence_text', 'text', (c) => c.notNull())
        .addColumn('sentence_start', 'integer', (c) => c.notNull())
        .execute()
      await sql`INSERT INTO events_new SELECT id, doc_id, sentence, source, target, type, mode, polarity, modality, date, start, "end", source_start, source_end, target_start, target_end, quantity, attribution, rule, trace, confidence, sentence_text, sentence_start FROM events`.execute(db)
      await db.schema.dropTable('events').execute()
      await db.schema.alterTable('events_new').renameTo('events').execute()
      for (const col of ['source', 'target', 'type', 'date', 'doc_id']) {
        await db.schema.createIndex(`events_${col}_idx`).on('events').column(col).execute()
      }
    },
  },
  // Dates, ids and file names are compared and sorted as strings ("2024" < "2024-06" < "2024-06~").
  // SQLite compares bytes; PostgreSQL follows the database's locale unless a column says otherwise.
  '0004-byte-order-text': {
    async up(db: Kysely<any>) {
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
      const columns = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and data_type = 'text'
          and table_name in ('documents', 'sources', 'sentences', 'mentions', 'times', 'events')`.execute(db)
      for (const c of columns.rows) {
        await sql`alter table ${sql.table(c.table_name)} alter column ${sql.ref(c.column_name)} type text collate "C"`.execute(db)
      }
    },
  },
  // The relation series (src/store/series.ts), filled from the events already stored.
  '0005-relation-series': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('pair_months')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('hosted', 'integer', (c) => c.notNull())
        .addColumn('acts', 'integer', (c) => c.notNull())
        .addColumn('strength', 'real', (c) => c.notNull())
        .addColumn('stated', 'integer', (c) => c.notNull())
        .addColumn('last_day', 'text', (c) => c.notNull())
        .addColumn('best_event', 'text')
        .addColumn('best_confidence', 'real', (c) => c.notNull())
        .addPrimaryKeyConstraint('pair_months_pk', ['source', 'target', 'month', 'type', 'mode', 'modality', 'hosted'])
        .execute()
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        for (const c of ['source', 'target', 'month', 'type', 'mode', 'modality', 'last_day', 'best_event']) {
          await sql`alter table pair_months alter column ${sql.ref(c)} type text collate "C"`.execute(db)
        }
      }
      await db.schema.createIndex('pair_months_target_idx').on('pair_months').columns(['target', 'month']).execute()
      await db.schema.createIndex('pair_months_month_idx').on('pair_months').column('month').execute()
      const docs = await db.selectFrom('documents').select('id').execute()
      for (const d of docs) await addToSeries(db, d.id as string, 1)
    },
  },
  '0006-store-version': {
    // A counter every write transaction raises: readers (the server's answer cache) learn in one
    // tiny query whether anything changed, whichever process wrote.
    async up(db: Kysely<any>) {
      await db.schema.createTable('store_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('n', 'integer', (c) => c.notNull())
        .execute()
      await db.insertInto('store_version').values({ id: 1, n: 0 }).execute()
    },
  },
  '0007-hosting-step': {
    // Until now a deployment was hosted when its trace held one of these steps; the extractor now
    // adds the step "target:hosting" from each pack's hostingPrepositions. Stored traces get the
    // step, and the series is rebuilt so that its hosted flag reads the step. (A record of the
    // stored trace format of versions before 0007, not language knowledge the extractor uses.)
    async up(db: Kysely<any>) {
      const legacy = ['target:prep:in', 'target:prep:nach', 'target:prep:im']
      let changed = 0
      for (const step of legacy) {
        const quoted = JSON.stringify(step)
        const r = await sql`update events set trace = replace(trace, ${quoted}, ${`${quoted},"target:hosting"`})
          where type = 'MOBILIZE' and trace like ${`%${quoted}%`} and trace not like '%"target:hosting"%'`.execute(db)
        changed += Number(r.numAffectedRows ?? 0)
      }
      if (!changed) return
      await db.deleteFrom('pair_months').execute()
      const docs = await db.selectFrom('documents').select('id').execute()
      for (const d of docs) await addToSeries(db, d.id as string, 1)
    },
  },
  // Pair states (src/service/pair-states.ts): each pair's standing at the end of every month it had
  // acts, so that a question reads one row per counterpart. Derived from the series; `pair_dirty`
  // lists the pairs whose series changed since, and a changed model (`pair_model`) rebuilds them all.
  '0008-pair-states': {
    async up(db: Kysely<any>) {
      const pg = db.getExecutor().adapter instanceof PostgresAdapter
      const text = pg ? sql`text collate "C"` : sql`text`
      await db.schema.createTable('pair_states')
        .addColumn('a', text, (c) => c.notNull())
        .addColumn('b', text, (c) => c.notNull())
        .addColumn('month', text, (c) => c.notNull())
        .addColumn('ab', 'double precision', (c) => c.notNull())
        .addColumn('ba', 'double precision', (c) => c.notNull())
        .addColumn('military', 'double precision', (c) => c.notNull())
        .addColumn('diplomatic', 'double precision', (c) => c.notNull())
        .addColumn('economic', 'double precision', (c) => c.notNull())
        .addColumn('acts', 'integer', (c) => c.notNull())
        .addColumn('firm', 'integer', (c) => c.notNull())
        .addColumn('state', text, (c) => c.notNull())
        .addColumn('since', text, (c) => c.notNull())
        .addColumn('recent', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('flows', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pair_states_pk', ['a', 'b', 'month'])
        .execute()
      await db.schema.createIndex('pair_states_b_idx').on('pair_states').columns(['b', 'a', 'month']).execute()
      await db.schema.createTable('pairs')
        .addColumn('a', text, (c) => c.notNull())
        .addColumn('b', text, (c) => c.notNull())
        .addColumn('first_day', text, (c) => c.notNull())
        .addColumn('last_month', text, (c) => c.notNull())
        .addColumn('acts', 'integer', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pairs_pk', ['a', 'b'])
        .execute()
      await db.schema.createIndex('pairs_b_idx').on('pairs').column('b').execute()
      await db.schema.createTable('pair_dirty')
        .addColumn('a', text, (c) => c.notNull())
        .addColumn('b', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('pair_dirty_pk', ['a', 'b'])
        .execute()
      await db.schema.createTable('pair_model')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('model', 'text', (c) => c.notNull())
        .execute()
      // Membership retreats ("froze its participation in the CSTO") end bloc facts of every pair.
      await db.schema.createIndex('pair_months_type_idx').on('pair_months').columns(['type', 'mode']).execute()
      // An actor's groups of one month (questions read the month they ask about from the series).
      await db.schema.createIndex('pair_months_source_idx').on('pair_months').columns(['source', 'month']).execute()
    },
  },
  // Graph edges per month (src/service/pair-edges.ts): a graph on a month's last day reads one
  // contiguous range instead of one state per pair. Month first, without SQLite's rowid, so that a
  // month's rows lie together in pair order; `pairs.edges_to` says how far each pair's edges reach.
  // States computed before this migration have no edges: forgetting the model computes them all again.
  '0009-pair-edges': {
    async up(db: Kysely<any>) {
      const pg = db.getExecutor().adapter instanceof PostgresAdapter
      const text = pg ? sql`text collate "C"` : sql`text`
      await db.schema.createTable('pair_edges')
        .addColumn('month', text, (c) => c.notNull())
        .addColumn('pair', text, (c) => c.notNull())
        .addColumn('edge', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pair_edges_pk', ['month', 'pair'])
        .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
        .execute()
      await db.schema.createIndex('pair_edges_pair_idx').on('pair_edges').column('pair').execute()
      await db.schema.alterTable('pairs').addColumn('edges_to', text, (c) => c.notNull().defaultTo('')).execute()
      await db.schema.createIndex('pairs_edges_to_idx').on('pairs').column('edges_to').execute()
      await db.deleteFrom('pair_model').execute()
    },
  },
  // How a document's time expressions were anchored (src/time/mode.ts): 'news' to its publication
  // date, 'narrative' to the last date the text named. Documents stored before are news (null).
  '0010-time-mode': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('documents').addColumn('time_mode', 'text').execute()
    },
  },
  // A month's graph edges as one value (src/relations/edge-columns.ts), kept when the pair states
  // are brought up to date. With SQLite's rowid (unlike pair_edges): the key's own index then lists
  // the kept months without reading the megabytes of their values.
  '0011-month-edges': {
    async up(db: Kysely<any>) {
      const pg = db.getExecutor().adapter instanceof PostgresAdapter
      await db.schema.createTable('month_edges')
        .addColumn('month', pg ? sql`text collate "C"` : 'text', (c) => c.primaryKey())
        .addColumn('edges', 'text', (c) => c.notNull())
        .execute()
    },
  },
  // A pair's reports (read when a pair has fewer acts than the series answers for, and searched by
  // pair) seek the pair instead of walking every event of one side: at ten million events that took
  // a second. The index on source alone is a prefix of the new one, so the events keep as many
  // indexes as before and imports write as many (with the date in the key, inserts fell in random
  // places and a million GDELT records were imported at half the speed).
  '0012-events-by-pair': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('events_pair_idx').ifNotExists().on('events').columns(['source', 'target']).execute()
      await db.schema.dropIndex('events_source_idx').ifExists().execute()
    },
  },
  // An actor's groups of one month (a question on a day inside a month reads that month from the
  // series, an `allies` without a date its latest month) from the index alone: the groups of a busy
  // actor's month lie in thousands of pages of the table, and the index's copy of them in a few
  // dozen. At ten million events, reading a month of the ten busiest actors went from 15 to 6 ms.
  // The indexes replace those on (source, month) and (target, month).
  '0013-series-by-actor': {
    async up(db: Kysely<any>) {
      const rest = ['type', 'mode', 'modality', 'hosted', 'acts', 'strength', 'stated', 'last_day', 'best_event', 'best_confidence']
      // Partial, so that only a read that asks for groups with acts uses them: SQLite otherwise took
      // them for a pair's groups as well (one side only, every month), over the pair's own key.
      await db.schema.createIndex('pair_months_source_cover').ifNotExists().on('pair_months').columns(['source', 'month', 'target', ...rest]).where(sql.ref('acts'), '>', 0).execute()
      await db.schema.createIndex('pair_months_target_cover').ifNotExists().on('pair_months').columns(['target', 'month', 'source', ...rest]).where(sql.ref('acts'), '>', 0).execute()
      await db.schema.dropIndex('pair_months_source_idx').ifExists().execute()
      await db.schema.dropIndex('pair_months_target_idx').ifExists().execute()
    },
  },
  // Every read of a pair's states names both sides, so the index on (b, a, month) served none but
  // the search for a pair's latest month, where SQLite took it over the key: its leaf and then the
  // key's leaf, two pages read where one does. At ten million events a first `allies` read 500–980
  // pages; without it about a quarter fewer, and every state written updates one index less.
  '0014-pair-states-by-key': {
    async up(db: Kysely<any>) {
      await db.schema.dropIndex('pair_states_b_idx').ifExists().execute()
    },
  },
  // Pair states under each of their actors (tables.ts ActorStatesTable). At ten million events a
  // first `allies` read about 1,000 pages, each a disk read; an actor's states of a month now lie in
  // a few neighbouring ones. The states are computed again (src/service/pair-states.ts
  // STATES_VERSION 3), which fills the table: the first ingest, import or question after the upgrade does it.
  '0015-actor-states': {
    async up(db: Kysely<any>) {
      const pg = db.getExecutor().adapter instanceof PostgresAdapter
      const text = pg ? sql`text collate "C"` : sql`text`
      let table = db.schema.createTable('actor_states').addColumn('actor', text, (c) => c.notNull())
        .addColumn('a', text, (c) => c.notNull())
        .addColumn('b', text, (c) => c.notNull())
        .addColumn('month', text, (c) => c.notNull())
      for (const c of ['ab', 'ba', 'military', 'diplomatic', 'economic']) table = table.addColumn(c, 'double precision', (col) => col.notNull())
      table = table.addColumn('acts', 'integer', (c) => c.notNull()).addColumn('firm', 'integer', (c) => c.notNull())
        .addColumn('state', text, (c) => c.notNull()).addColumn('since', text, (c) => c.notNull())
        .addColumn('recent', 'text', (c) => c.notNull()).addColumn('evidence', 'text', (c) => c.notNull()).addColumn('flows', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('actor_states_pk', ['actor', 'month', 'a', 'b'])
      // Clustered on its key in SQLite (PostgreSQL's heap keeps no order; its key index serves the same reads).
      await (pg ? table : table.modifyEnd(sql`without rowid`)).execute()
      await db.schema.alterTable('pair_states').addColumn('digest', 'text', (c) => c.notNull().defaultTo('')).execute()
    },
  },
  // Which analysis made a document's annotations (src/kb/analysis-version.ts). Documents stored
  // before have none: reading their files again, or `entente reanalyse`, analyses them anew.
  '0016-analysis-version': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('documents').addColumn('analysis', 'text').execute()
    },
  },
}
