import { test } from 'node:test'
import assert from 'node:assert/strict'
import { kb, analyseText } from './helpers.ts'

// UNLISTED (a capitalised name the knowledge base does not list) is left out of the comparison.
const actors = (text: string, lang: 'en' | 'de', date = '2024-05-10') => analyseText(text, date, lang).mentions.map((m) => m.actor).filter((a) => a !== 'UNLISTED')

test('the new organisations, groups and the NGO sector are actors of the right kind', () => {
  for (const id of ['APEC', 'OAS', 'SADC', 'EAC', 'IGAD', 'MERCOSUR', 'CELAC', 'COMMONWEALTH', 'OAU', 'PACIFIC_ISLANDS_FORUM', 'NORDIC_COUNCIL', 'CBSS', 'BSEC', 'INTERPOL', 'OPCW', 'UNHCR', 'UNICEF', 'WFP', 'UNESCO', 'FAO', 'ILO', 'OHCHR', 'UNIFIL', 'UNMISS', 'MINUSMA', 'ICRC']) {
    assert.equal(kb.actors.get(id)?.kind, 'igo', id)
  }
  for (const id of ['UNITA', 'RENAMO', 'SPLA', 'SPLM_IO', 'RUF', 'NPFL', 'LURD', 'LRA', 'ADF', 'FDLR', 'MNLF', 'MILF', 'ABU_SAYYAF', 'NPA', 'LTTE', 'FARC', 'ELN', 'SHINING_PATH', 'EZLN', 'KLA', 'ETA', 'IRA', 'AMAL', 'JANJAWEED']) {
    assert.equal(kb.actors.get(id)?.kind, 'armed_group', id)
  }
  assert.equal(kb.actors.get('NGO')?.kind, 'sector')
})

const cases: [string, string, 'en' | 'de', string[], string?][] = [
  // International organisations, English
  ['APEC and the OAS', 'APEC leaders met while the Organization of American States criticised Venezuela.', 'en', ['APEC', 'OAS', 'VEN']],
  ['African regional blocs', 'SADC and the East African Community sent envoys, and IGAD mediated in Juba.', 'en', ['SADC', 'EAC', 'IGAD', 'SSD']],
  ['Latin American blocs', 'Mercosur signed a trade deal with the EU, and CELAC met in Havana.', 'en', ['MERCOSUR', 'EU', 'CELAC', 'CUB']],
  ['the OAU is dated', 'The Organisation of African Unity condemned South Africa.', 'en', ['OAU', 'ZAF'], '1985-06-01'],
  ['northern forums', 'The Nordic Council and the Council of the Baltic Sea States suspended Russia.', 'en', ['NORDIC_COUNCIL', 'CBSS', 'RUS']],
  ['UN agencies by their short forms', 'The UN refugee agency, UNICEF and the World Food Programme appealed for funds.', 'en', ['UNHCR', 'UNICEF', 'WFP']],
  ['UN human rights office', 'The UN human rights office accused Myanmar of atrocities.', 'en', ['OHCHR', 'MMR']],
  ['peacekeeping missions', 'UNIFIL said Israeli tanks had entered its base; UNMISS sheltered civilians.', 'en', ['UNIFIL', 'ISR', 'UNMISS', 'CIVILIANS']],
  ['the Red Cross and the chemical weapons body', 'The International Committee of the Red Cross and the OPCW visited Syria.', 'en', ['ICRC', 'OPCW', 'SYR']],
  ['Interpol and the Commonwealth', 'Interpol issued a notice, and the Commonwealth suspended Fiji.', 'en', ['INTERPOL', 'COMMONWEALTH', 'FJI']],
  // International organisations, German
  ['German names of UN agencies', 'Das UN-Flüchtlingshilfswerk und das Welternährungsprogramm warnten vor einer Hungersnot.', 'de', ['UNHCR', 'WFP']],
  ['German inflected names', 'Die Organisation für Afrikanische Einheit und der Ostafrikanischen Gemeinschaft fehlte Geld.', 'de', ['OAU', 'EAC'], '1990-01-01'],
  ['German names of missions', 'Die UN-Mission Minusma zog aus Mali ab; die Unifil blieb im Libanon.', 'de', ['MINUSMA', 'MLI', 'UNIFIL', 'LBN'], '2023-06-30'],
  ['German Red Cross and OPCW', 'Das Internationale Komitee vom Roten Kreuz und die OVCW besuchten Syrien.', 'de', ['ICRC', 'OPCW', 'SYR']],
  // The NGO sector
  ['named NGOs, English', 'Amnesty International, Human Rights Watch and Doctors Without Borders criticised Israel.', 'en', ['NGO', 'NGO', 'NGO', 'ISR']],
  ['generic NGO nouns, English', 'Rights groups and aid agencies said Sudan had blocked convoys.', 'en', ['NGO', 'NGO', 'SDN']],
  ['more named NGOs', 'Transparency International, Oxfam and the Norwegian Refugee Council published reports.', 'en', ['NGO', 'NGO', 'NGO']],
  ['a national Red Cross society is an NGO', 'The German Red Cross sent tents to Turkey.', 'en', ['NGO', 'TUR']],
  ['named NGOs, German', 'Ärzte ohne Grenzen und Reporter ohne Grenzen kritisierten Russland.', 'de', ['NGO', 'NGO', 'RUS']],
  ['generic NGO nouns, German', 'Hilfsorganisationen und Menschenrechtsorganisationen warfen Äthiopien Blockaden vor.', 'de', ['NGO', 'NGO', 'ETH']],
  ['Memorial in German', 'Memorial und Greenpeace wurden in Russland verboten.', 'de', ['NGO', 'NGO', 'RUS']],
  // Armed groups
  ['Angola and Mozambique', 'UNITA and Renamo rebels attacked villagers.', 'en', ['UNITA', 'RENAMO', 'REBELS', 'CIVILIANS'], '1986-03-01'],
  ['the MPLA is Angola after independence', 'The MPLA accused South Africa.', 'en', ['AGO', 'ZAF'], '1985-06-01'],
  ['West African rebels', 'The RUF and the NPFL fought ECOWAS troops.', 'en', ['RUF', 'NPFL', 'ECOWAS', 'MILITARY'], '1993-05-01'],
  ['Central African rebels', 'The Lord\'s Resistance Army and the FDLR attacked Congo.', 'en', ['LRA', 'FDLR', 'COD']],
  ['the SPLA becomes South Sudan, SPLM-IO stays a group', 'The SPLA fought the SPLM-IO.', 'en', ['SSD', 'SPLM_IO'], '2016-07-10'],
  ['the SPLA before independence', 'The SPLA fought Sudan.', 'en', ['SPLA', 'SDN'], '1995-01-01'],
  ['Asian groups', 'The MILF, Abu Sayyaf and the Tamil Tigers were named.', 'en', ['MILF', 'ABU_SAYYAF', 'LTTE']],
  ['Latin American groups', 'The FARC, the ELN and the Shining Path attacked Peru and Colombia.', 'en', ['FARC', 'ELN', 'SHINING_PATH', 'PER', 'COL']],
  ['European groups', 'The Kosovo Liberation Army, ETA and the Provisional IRA were disarmed.', 'en', ['KLA', 'ETA', 'IRA']],
  ['the Janjaweed become the RSF', 'The Janjaweed attacked Darfur.', 'en', ['JANJAWEED'], '2004-05-01'],
  ['German names of groups', 'Die UÇK, die Tamilischen Tiger und die Revolutionären Streitkräfte Kolumbiens verhandelten.', 'de', ['KLA', 'LTTE', 'FARC']],
  ['German Amal and Hisbollah', 'Die Amal-Miliz und die Hizballah griffen Israel an.', 'de', ['AMAL', 'HEZBOLLAH', 'ISR'], '1985-06-01'],
  ['ADF in German', 'Die ADF-Miliz griff Uganda an.', 'de', ['ADF', 'UGA']],
  // Negative cases: common words and other bodies are not mistaken for the new actors
  ['"memorial" is a common English word', 'The Lincoln Memorial and a war memorial were closed.', 'en', []],
  ['"amnesty" is a common English word', 'Amnesty was offered to the fighters.', 'en', ['REBELS']],
  ['the Inflation Reduction Act is not the IRA', 'The Inflation Reduction Act (IRA) angered the EU.', 'en', ['EU']],
  ['the Australian Defence Force is not the ADF', 'Let the Australian Defence Force decide.', 'en', ['AUS']],
  ['German "Ruf" is no Sierra Leonean rebel', 'Der Ruf nach Frieden wurde lauter.', 'de', []],
  ['a bare "Security Council" still names no actor', 'The Security Council met in Moscow.', 'en', ['RUS']],
  ['the Commonwealth of Independent States is not the Commonwealth', 'The Commonwealth of Independent States met in Minsk.', 'en', ['CIS', 'BLR']],
  ['the RSF are the Sudanese paramilitaries, not Reporters Without Borders', 'The RSF attacked El Fasher.', 'en', ['RSF']],
  ['the Al-Aqsa mosque is not the Al-Aqsa Brigades', 'Worshippers prayed at the Al-Aqsa mosque.', 'en', []],
]

for (const [name, text, lang, expected, date] of cases) {
  test(`actors (${lang}): ${name}`, () => {
    assert.deepEqual(actors(text, lang, date), expected)
  })
}
