import { useMemo } from 'preact/hooks'
import { geoNaturalEarth1, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import countries from 'world-atlas/countries-110m.json'
import isoCountries from 'i18n-iso-countries'
import { STATE_COLOURS, useApi, type Allies } from '../api.ts'
import type { ViewProps } from './props.ts'

const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
const shapes = feature(topology, topology.objects.countries).features
const projection = geoNaturalEarth1().fitSize([960, 500], { type: 'FeatureCollection', features: shapes })
const path = geoPath(projection)

/** A world map coloured by each country's state with the focused actor at the chosen date (offline TopoJSON). */
export function MapView({ t, params, go }: ViewProps) {
  const focus = params.focus ?? ''
  const at = params.at ? `?at=${params.at}` : ''
  const allies = useApi<Allies>(focus ? `/api/actors/${focus}/allies${at}` : null)
  const states = useMemo(() => new Map((allies.data?.counterparts ?? []).map((c) => [c.actor, c])), [allies.data])
  return (
    <section class="map" aria-label={t('map.title')}>
      <h1>{t('map.title')}{focus ? `: ${allies.data?.name ?? focus}` : ''}{allies.data ? ` · ${allies.data.at}` : ''}</h1>
      {!focus && <p>{t('map.choose')}</p>}
      <svg viewBox="0 0 960 500" role="img" aria-label={t('map.title')} data-testid="map">
        {shapes.map((s) => {
          const alpha3 = s.id ? isoCountries.numericToAlpha3(String(s.id)) : undefined
          const c = alpha3 ? states.get(alpha3) : undefined
          const fill = alpha3 === focus ? '#222' : c ? STATE_COLOURS[c.state] : '#eee'
          const name = s.properties?.name ?? alpha3 ?? ''
          return (
            <path key={String(s.id) + name} d={path(s) ?? ''} fill={fill} stroke="#fff" stroke-width={0.5} data-iso={alpha3}
              onClick={() => { if (alpha3 && focus && alpha3 !== focus) go({ view: 'pair', a: focus, b: alpha3 }) }}>
              <title>{name}{c ? `: ${t(`state.${c.state}`)} (${c.score.toFixed(2)})` : ''}</title>
            </path>
          )
        })}
      </svg>
      <p class="legend">{(['hostile', 'strained', 'neutral', 'aligned', 'allied'] as const).map((s) => <span key={s}><i style={{ background: STATE_COLOURS[s] }} />{t(`state.${s}`)}</span>)}</p>
    </section>
  )
}
