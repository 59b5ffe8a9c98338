// English event typing on the PLOVER gold-standard records (322 sentences from the CAMEO manual).
// Type accuracy: a record is right when the most confident event extracted from its sentence has the
// gold type (no event: wrong). Actor precision/recall: over records whose actors are all states or
// international organisations. Usage: npm run eval:plover [-- --min-type-accuracy 0.75] [--verbose]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { knowledgeBase, ROOT } from '../src/service/context.ts'
import { buildDoc } from '../src/ingest/build-doc.ts'

interface GoldActor { actorText?: string; code?: string }
interface Record { id: string; event: string; text: string; date?: string; source?: GoldActor[] | string | null; target?: GoldActor[] | string | null }

// PLOVER 0.5/0.6 labels in today's PLOVER (bench/README.md).
const LABELS: { [k: string]: string } = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' }
const MUTUAL = new Set(['AGREE', 'CONSULT', 'COOPERATE'])
/** PLOVER's cooperative types; RETREAT (yielding, withdrawing) is material cooperation there. */
const COOPERATIVE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT'])

/** Entente's modes of PROTEST that are a state's official complaint. */
const OFFICIAL = new Set(['diplomatic', 'ambassador'])

/** Hostile acts whose announcement PLOVER codes as a threat (CAMEO 13: threaten to sanction, to protest or boycott, to repress, to use force). */
const HOSTILE = new Set(['SANCTION', 'PROTEST', 'COERCE', 'ASSAULT'])

/**
 * Our events in PLOVER's terms. PLOVER codes an offer or promise of cooperation (CAMEO 03,
 * "express intent to cooperate") as AGREE, and an announced hostile act (CAMEO 13) as THREATEN;
 * Entente keeps the act and marks it planned ("will provide aid": AID, planned; "plans to impose
 * restrictions": SANCTION, planned). The two say the same thing. A negated act is REJECT (the
 * gold sets list negated cooperation so), and a state's official complaint is ACCUSE.
 */
function ploverType(e: { type: string; modality: string; mode: string }): string {
  // An official complaint (a protest note, a summoned envoy) is PLOVER's ACCUSE (CAMEO 114,
  // "complain officially"); PLOVER's PROTEST is the street's: demonstrations, strikes, boycotts.
  if (e.type === 'PROTEST' && OFFICIAL.has(e.mode) && e.modality !== 'negated' && e.modality !== 'planned') return 'ACCUSE'
  // Lifting a blockade is RETREAT in PLOVER (CAMEO 0872, "ease military blockade"); Entente files it
  // with the easing of sanctions as a concession, mode `blockade`.
  if (e.type === 'CONCEDE' && e.mode === 'blockade' && e.modality !== 'negated' && e.modality !== 'planned') return 'RETREAT'
  // An act the text says was not done ("failed to reach agreement", "refused to deploy peacekeepers")
  // is PLOVER's REJECT: PLOVER has no negation. Entente keeps the act, negated, because refusing
  // to sanction Russia is no hostility towards Russia.
  if (e.modality === 'negated') return 'REJECT'
  if (e.modality !== 'planned') return e.type
  return COOPERATIVE.has(e.type) ? 'AGREE' : HOSTILE.has(e.type) ? 'THREATEN' : e.type
}

const args = process.argv.slice(2)
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : undefined }
const minAccuracy = flag('--min-type-accuracy')
const verbose = args.includes('--verbose')

const file = join(ROOT, '..', 'shared', 'bench', 'plover', 'PLOVER_GSR_CAMEO.json')
const records = (JSON.parse(readFileSync(file, 'utf8')) as Record[]).filter((r) => r.event !== 'DOCUMENT')
const kb = knowledgeBase()

/** A gold actor as one of ours, when it is a state or an international organisation. */
function goldActor(a: GoldActor): string | null {
  if (a.code && /^[A-Z]{3}$/.test(a.code) && kb.actors.get(a.code)?.kind === 'state') return a.code
  if (!a.actorText) return null
  const doc = buildDoc({ index: 0, text: a.actorText, format: 'txt' }, 'actor.txt', kb, { date: '2000-01-01', lang: 'en' })
  const m = doc.mentions[0]
  const kind = m ? kb.actors.get(m.actor)?.kind : undefined
  return m && (kind === 'state' || kind === 'igo') ? m.actor : null
}

const list = (v: GoldActor[] | string | null | undefined) => (Array.isArray(v) ? v : [])
/** Generic parties ("police", an unlisted name) are outside the actor codes, as in the gold scorer: neither right nor wrong. */
const named = (a: string) => kb.actors.get(a)?.kind !== 'sector'
let typeRight = 0
let actorRecords = 0
let goldPairs = 0
let predPairs = 0
let goldFound = 0
let predRight = 0
const confusion = new Map<string, number>()
for (const r of records) {
  const gold = LABELS[r.event] ?? r.event
  const doc = buildDoc({ index: 0, text: r.text, format: 'txt' }, `${r.id}.txt`, kb, { date: r.date ?? '2000-01-01', lang: 'en' })
  const best = [...doc.events].sort((a, b) => b.confidence - a.confidence)[0]
  const type = best ? ploverType(best) : undefined
  if (type === gold) typeRight++
  else confusion.set(`${gold} → ${type ?? 'none'}`, (confusion.get(`${gold} → ${type ?? 'none'}`) ?? 0) + 1)
  if (verbose && type !== gold) console.log(`${r.id}  gold ${gold}, got ${type ?? 'none'}  | ${r.text}`)

  const sources = list(r.source).map(goldActor)
  const targets = list(r.target).map(goldActor)
  if (!sources.length || sources.includes(null) || targets.includes(null)) continue
  actorRecords++
  const pairs = new Set<string>()
  const key = (a: string, b: string) => (MUTUAL.has(gold) ? [a, b].sort().join('~') : `${a}>${b}`)
  if (targets.length) for (const s of sources) for (const t of targets) pairs.add(key(s!, t!))
  else for (let i = 0; i < sources.length; i++) for (let j = i + 1; j < sources.length; j++) pairs.add(key(sources[i]!, sources[j]!))
  const predicted = new Set(doc.events.filter((e) => e.target !== null && named(e.source) && named(e.target)).map((e) => key(e.source, e.target!)))
  goldPairs += pairs.size
  predPairs += predicted.size
  for (const p of pairs) if (predicted.has(p)) goldFound++
  for (const p of predicted) if (pairs.has(p)) predRight++
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const accuracy = typeRight / records.length
console.log(`PLOVER gold records: ${records.length} English sentences`)
console.log(`type accuracy    ${pct(accuracy)}  (${typeRight}/${records.length}; the most confident event has the gold type)`)
console.log(`actors           precision ${pct(predPairs ? predRight / predPairs : 0)}  recall ${pct(goldPairs ? goldFound / goldPairs : 0)}  (${actorRecords} records whose actors are states or organisations)`)
if (verbose) for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${n}× ${k}`)
if (minAccuracy !== undefined && accuracy < minAccuracy) {
  console.error(`type accuracy ${pct(accuracy)} is below the gate ${pct(minAccuracy)}`)
  process.exitCode = 1
}
