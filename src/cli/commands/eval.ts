import { InvalidArgumentError, type Command } from 'commander'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { knowledgeBase, openStore } from '../../service/context.ts'
import { ingestPaths } from '../../service/ingest.ts'
import { loadGold } from '../../eval/gold.ts'
import { datesAgree, evaluate, type EvalReport, type Prediction } from '../../eval/score.ts'
import { CliError, color, printJson } from '../output.ts'

const pct = (x: number) => (100 * x).toFixed(1).padStart(5)

function printReport(r: EvalReport, verbose: boolean): void {
  const line = (name: string, s: EvalReport['strict']) =>
    `${name.padEnd(9)} precision ${pct(s.precision)}%  recall ${pct(s.recall)}%  F1 ${pct(s.f1)}%   (${s.matchedPredictions}/${s.predictions} predictions match, ${s.coreFound}/${s.core} core facts found)\n`
  process.stdout.write(line('strict', r.strict))
  process.stdout.write(line('relation', r.relation))
  process.stdout.write(`dates     accuracy  ${pct(r.dateAccuracy)}%  (${r.datesRight}/${r.datesScored} matched facts)\n`)
  if (!verbose) return
  process.stdout.write(`\n${color.bold('missed core facts')}\n`)
  for (const f of r.missed) process.stdout.write(`  ${f.doc.slice(0, 3)} ${f.source}>${f.target} ${f.type} ${f.date ?? ''} | ${f.quote.slice(0, 110)}\n`)
  process.stdout.write(`\n${color.bold('matched facts with a wrong date (gold → predicted)')}\n`)
  for (const [p, g] of r.strict.pairs) {
    if (datesAgree(p.date, g.date)) continue
    process.stdout.write(`  ${g.doc.slice(0, 3)} ${g.source}>${g.target} ${g.type} ${g.date ?? 'null'} → ${p.date ?? 'null'} | ${g.quote.slice(0, 90)}\n`)
  }
  const predictionLine = (p: Prediction) => `  ${p.doc.slice(0, 3)} ${p.source}>${p.target} ${p.type} ${p.modality} ${p.rule} | ${(p.sentence ?? '').slice(0, 100)}\n`
  process.stdout.write(`\n${color.bold('predictions with a matching pair but another type (no strict match)')}\n`)
  for (const p of r.mistyped) process.stdout.write(predictionLine(p))
  process.stdout.write(`\n${color.bold('spurious predictions (no relation-level match)')}\n`)
  for (const p of r.spurious) process.stdout.write(predictionLine(p))
}

const ratio = (v: string) => { const n = Number(v); if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a number from 0 to 1'); return n }

export function registerEval(program: Command): void {
  program.command('eval')
    .description('ingest documents into a temporary database and score the events against gold facts')
    .requiredOption('--gold <file.jsonl>', 'gold relation facts (see ../shared/gold/README.md)')
    .requiredOption('--docs <folder>', 'the documents the facts come from')
    .option('--verbose', 'list missed and spurious facts')
    .option('--json', 'print the scores as JSON')
    .option('--min-precision <x>', 'fail (exit 1) below this relation-level precision', ratio)
    .option('--min-recall <x>', 'fail (exit 1) below this relation-level recall', ratio)
    .option('--min-strict-precision <x>', 'fail (exit 1) below this strict precision', ratio)
    .option('--min-strict-recall <x>', 'fail (exit 1) below this strict recall', ratio)
    .option('--min-date-accuracy <x>', 'fail (exit 1) below this date accuracy', ratio)
    .action(async (opts: { gold: string; docs: string; verbose?: boolean; json?: boolean; minPrecision?: number; minRecall?: number; minStrictPrecision?: number; minStrictRecall?: number; minDateAccuracy?: number }) => {
      const facts = loadGold(opts.gold)
      const dir = mkdtempSync(join(tmpdir(), 'entente-eval-'))
      const store = await openStore(join(dir, 'eval.db'))
      try {
        const summary = await ingestPaths([opts.docs], knowledgeBase(), store)
        for (const e of summary.errors) process.stderr.write(`${color.red('error')} ${e.file}: ${e.reason}\n`)
        // Gold facts relate two actors; a one-sided act is neither a match nor a miss.
        const preds: Prediction[] = (await store.events({})).filter((e) => e.target !== null).map((e) => ({
          doc: e.file, source: e.source, target: e.target!, type: e.type, polarity: e.polarity, modality: e.modality, date: e.date, id: e.id, sentence: e.sentenceText, rule: e.rule,
        }))
        const report = evaluate(preds, facts, (id) => knowledgeBase().actors.get(id)?.kind !== 'sector')
        if (opts.json) printJson({ strict: strip(report.strict), relation: strip(report.relation), dateAccuracy: report.dateAccuracy, documents: summary.documents })
        else printReport(report, !!opts.verbose)
        const failures: string[] = []
        if (opts.minPrecision !== undefined && report.relation.precision < opts.minPrecision) failures.push(`relation precision ${report.relation.precision.toFixed(3)} < ${opts.minPrecision}`)
        if (opts.minRecall !== undefined && report.relation.recall < opts.minRecall) failures.push(`relation recall ${report.relation.recall.toFixed(3)} < ${opts.minRecall}`)
        if (opts.minStrictPrecision !== undefined && report.strict.precision < opts.minStrictPrecision) failures.push(`strict precision ${report.strict.precision.toFixed(3)} < ${opts.minStrictPrecision}`)
        if (opts.minStrictRecall !== undefined && report.strict.recall < opts.minStrictRecall) failures.push(`strict recall ${report.strict.recall.toFixed(3)} < ${opts.minStrictRecall}`)
        if (opts.minDateAccuracy !== undefined && report.dateAccuracy < opts.minDateAccuracy) failures.push(`date accuracy ${report.dateAccuracy.toFixed(3)} < ${opts.minDateAccuracy}`)
        if (failures.length) throw new CliError(`quality gate failed: ${failures.join('; ')}`)
      } finally {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
}

function strip(s: EvalReport['strict']) {
  const { pairs: _pairs, ...rest } = s
  return rest
}
