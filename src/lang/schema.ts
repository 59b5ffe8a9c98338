import { z } from 'zod'
import { roleIds } from '../kb/schema.ts'

const words = z.array(z.string()).default([])

/**
 * A regular expression matched against folded words (`fold`: lower case, no accents, ß as ss). A
 * letter folding changes would never match: "zurück" in a pattern missed "zurückzuziehen".
 */
const foldedPattern = z.string().refine((p) => ![...p].some((c) => /\p{L}/u.test(c) && (c.normalize('NFD') !== c || c === 'ß')), 'is matched against folded words: write letters without accents or ß ("zuruck", not "zurück")')

export const grammarSchema = z.object({
  code: z.string().regex(/^[a-z]{2}$/),
  name: z.string(),
  franc: z.string().regex(/^[a-z]{3}$/, 'expected the ISO 639-3 code franc reports'),
  /** Genitive of proper names made by a suffix (German "Russland" -> "Russlands"). */
  genitive: z.object({ suffix: z.string(), exceptEndings: words }).strict().optional(),
  /** Endings added to adjective stems ("russisch" -> "russische", "russischen" …). */
  adjectiveEndings: z.array(z.string()).default(['']),
  /** Tokens that glue a name to a following noun or a possessive ("US-Präsident", "Russia's"). */
  contractions: z.record(z.string(), z.string()).default({}),
  prepositions: words,
  determiners: words,
  /** Speech verbs of admission ("räumte ein", "admitted"): telling of a hostile act with them accuses no one. */
  admissionVerbs: words,
  /** A clause opened by one of these, an adjective with a plural ending and a noun, then a singular finite verb, puts its object first ("Die annektierten Gebiete hat Usbekistan nie anerkannt"). */
  pluralDeterminers: words,
  pluralAdjectiveEndings: words,
  singularFiniteVerbs: words,
  /** Endings of a finite verb in the plural ("verweigerten"): such a verb does not agree with a singular first phrase. */
  pluralVerbEndings: words.default([]),
  /** Nouns for documents their author issues ("Positionspapier", "draft resolution"): a relative clause about one has its author as subject. */
  documentNouns: words,
  /**
   * Voting on a text (`votes.ts`): the verbs, the words for each side, the texts ("gegen den Text",
   * "für die Resolution"), the words that stand for a side and the text at once ("dafür", "dagegen"),
   * and the votes that name their voters ("gegen die Stimmen Russlands", "mit den Stimmen Chinas").
   */
  votes: z.object({ verbs: words, against: words, for: words, texts: words, forIt: words.default([]), againstIt: words.default([]), ballots: words.default([]), withBallots: words.default([]) }).strict()
    .default({ verbs: [], against: [], for: [], texts: [], forIt: [], againstIt: [], ballots: [], withBallots: [] }),
  /** Verbs of issuing a document ("legte vor", "published"): their subject is its author. */
  issueVerbs: words,
  /**
   * Verbs by which someone puts a proposal or demand forward: a refusal or acceptance of a noun whose
   * relative clause one of them ends is aimed at that clause's subject ("lehnte eine Kürzung ab, die
   * Saudi-Arabien vorgeschlagen hatte").
   */
  proposalVerbs: words.default([]),
  /** Set phrases that comment on a clause and take no part in it ("wie geplant", "as expected"): set apart as asides. */
  asidePhrases: words.default([]),
  /** Issuing verbs whose finite form leaves its particle at the clause's end ("legte … vor", "brachte … ein"): they issue only with it ("legte ihr Veto ein" issues nothing). */
  issueSplitVerbs: z.array(z.object({ finite: z.array(z.string()).min(1), particle: z.string() }).strict()).default([]),
  /** Particles of personal names ("von der Leyen", "al-Assad"): never a short name of the person. */
  nameParticles: words,
  /** Words before a preposition that make its actor act together with the subject ("gemeinsam mit", "together with"). */
  comitativeWords: words,
  comitativePrepositions: words,
  /** Articles that mark an object's case (accusative, dative): the phrase they open is no subject ("den russischen Botschafter"). */
  objectDeterminers: words,
  /**
   * Names that an article of `obliqueArticles` puts in an object's case (a feminine or plural name after
   * "der": "Der Ukraine hat Island Hilfe geleistet"): the phrase is no subject.
   */
  obliqueNames: words.default([]),
  obliqueArticles: words.default([]),
  /**
   * At a clause's start, an article of `obliqueArticles` before an adjective with this ending opens a
   * dative or genitive ("Der finnischen Regierung warf Moskau vor"; the nominative is "Der finnische …",
   * "Die finnischen …"): the phrase is no subject.
   */
  obliqueAdjectiveEnding: z.string().optional(),
  /**
   * Articles that may open a subject ("die", "mehrere"): a main clause opening with such a noun phrase that
   * names no actor, right before its verb, has that phrase as subject ("Die Junta warf Kiew vor": Kiew is no subject).
   */
  subjectDeterminers: words,
  /**
   * Separable verb particles ("zurück", "an"): one that closes the verb's conjunct makes another verb of it
   * ("drängte die Truppen zurück" is no urging), so the plain verb's readings do not apply.
   */
  separableParticles: words,
  coordinators: words,
  subordinators: words,
  /** Participles a name is glued to as a modifier ("Russian-led", "US-brokered"). */
  attributiveParticiples: words.default([]),
  /**
   * Participles of holding a place: after an agent and before a place ("den von den Huthis
   * kontrollierten Hafen"), the agent stands for the place it holds and takes its role.
   */
  controlParticiples: words.default([]),
  /** Adverbs glued to a participle that then describes the noun after it ("the long-threatened invasion", "a much-delayed visit"). */
  attributiveAdverbs: words.default([]),
  /** A present participle after a comma opens a clause with the main clause's subject (", adding that …"). */
  participlePattern: z.string().optional(),
  /** Prepositions before a gerund ("accuse X of supplying") and the verbs whose object is the gerund's subject. */
  gerundPrepositions: words.default([]),
  gerundControlVerbs: words.default([]),
  /** Adverbial phrases that begin with a preposition but govern no noun ("unter anderem"). */
  adverbialPhrases: words.default([]),
  /** Subordinators of time: their clause dates the main clause ("Als … vorrückten, schickte …"). */
  temporalSubordinators: words.default([]),
  /** The temporal subordinators of sequence ("nachdem", "after"): their date bounds the main act from one side, so the narrative's date goes first. */
  sequenceSubordinators: words.default([]),
  /** Prepositions of purpose before an event noun ("für Angriffe in Syrien"): the noun tells what another act serves. */
  purposePrepositions: words.default([]),
  /** Prepositions that make an occasion noun the setting of the verb's act ("bei seinem Besuch", "zu Beginn eines Gesprächs"), not its argument ("zog sich aus Gesprächen zurück"). */
  settingPrepositions: words.default([]),
  /** Adverbs that point back to the last place named, with the preposition they stand for ("dort": "in"): "war nach Moskau gereist und hatte dort um … gebeten". */
  placeAdverbs: z.record(z.string(), z.string()).default({}),
  /** Adverbs that point back to the time the text last told ("damals", "at the time"): their clause takes that date, even from an earlier paragraph. */
  thenAdverbs: words.default([]),
  /** Particles that make a speech verb a promise when they close its clause ("sagten … zu"): what follows is no speech. */
  promiseParticles: words.default([]),
  /** Articles that open a subject only (German "der" before a person: "wies der Kremlchef zurück"). */
  nominativeDeterminers: words.default([]),
  /** Phrases of a long-running or repeated act ("seit Langem", "wiederholt", "for years"): with no time of its own, its clause is undated, not dated by the narrative or the publication. */
  habitualPhrases: words.default([]),
  /** Verbs of stance or inquiry whose object act is someone else's ("verurteilte den Angriff auf Kiew", "untersuchte den Anschlag"): the subject is no agent of an event noun in their clause. */
  stanceVerbs: words.default([]),
  /** Prepositions of means: after a verb of response, an event noun they govern is the subject's own act ("reagierte mit Einreiseverboten"). */
  instrumentPrepositions: words.default([]),
  /** Verbs of response whose means ("mit …", "with …") is the subject's own act. */
  responseVerbs: words.default([]),
  /** Subject pronouns that after a verb are mostly expletive ("gab es"): no pronoun subject there. */
  expletives: words.default([]),
  /** Adjectives that name a party no actor stands for ("westliche", "ausländische"): an event noun they qualify is not the clause subject's act. */
  otherPartyAdjectives: words.default([]),
  /** Endings an inflected noun adds to the form a rule lists (German dative plural "Panzern", genitive "Panzers"): an object noun matches with them too. */
  nounSuffixes: words.default([]),
  /** The language writes its nouns with a capital (German): a capital after a full stop says less. */
  capitalisesNouns: z.boolean().default(false),
  /** Class nouns that stand right before a name in close apposition ("im Militärbündnis OVKS"). */
  appositiveHeads: words.default([]),
  /** Class nouns a company's name may follow ("mit dem Staatskonzern Rosatom"): a preposition before them governs the name (compounds count). */
  companyHeads: words.default([]),
  /** Plural nouns for a group of states with no actor of its own ("Staaten", "countries"): examples that end the clause are its subject. */
  groupNouns: words.default([]),
  /** A sentence-opening preposition whose actor is the subject when no actor is ("Mit Kasachstan sagt sich ein Land los"). */
  topicPrepositions: words.default([]),
  /** Phrases before an actor that leads the subject it follows ("Eine Delegation unter Leitung von X reiste …"): that actor acts. */
  leadingPhrases: words.default([]),
  /** Subordinators that also compare ("als Freund"): a clause only when a pronoun follows. */
  comparingSubordinators: words.default([]),
  /** Words that open a clause of condition ("Sollte die Nato …", "if Finland …"): a threat made on it is aimed at its subject. */
  conditionOpeners: words.default([]),
  relativePronouns: words,
  /** Relative pronouns that are never articles ("dessen", "deren"): a phrase they open after a comma is a relative clause. */
  relativeOnlyPronouns: words.default([]),
  passiveAuxiliaries: words,
  /** Auxiliaries of the future: with an infinitive they announce the act ("Russland wird … liefern"). */
  futureAuxiliaries: words,
  /** Adjective endings that mark a genitive right after a noun ("an der Seite russischer Truppen"). */
  genitiveAdjectiveEndings: words.default([]),
  /**
   * A demonym with one of these endings right after a noun and before a noun with a genitive ending
   * (`genitiveNounEndings`) is a genitive attribute too: "den Transit russischen Gases".
   */
  weakGenitiveAdjectiveEndings: words.default([]),
  genitiveNounEndings: words.default([]),
  /** Verbs that accuse: the act they attribute to the accused is reported, not asserted ("accused Tehran of supplying drones"). */
  accusingVerbs: words.default([]),
  /** Prepositions after which a verb form is a noun ("asked for help"), in languages that write nouns in lower case. */
  nounPrepositions: words.default([]),
  /** Words that govern the actor before them like a preposition ("Seoul zufolge"). */
  postpositions: words.default([]),
  /** Endings of verb forms that are never a passive participle ("is pulling out" is progressive). */
  progressiveEndings: words.default([]),
  /** Words allowed between a preposition and its actor ("an die russische Armee"). */
  modifierWords: words,
  genitiveArticles: words,
  /** Conjunctions that open a new clause after a comma ("…, aber Moskau lieferte"). */
  clauseCoordinators: words,
  /** Conjunctions that join the items of a list of verb phrases ("…, den Botschafter einbestellte und die Grenze schloss"); none defaults to `coordinators`. */
  listCoordinators: words.optional(),
  coordinationFillers: words,
  /** Words that open a list of examples after a comma ("…, darunter Iran"): the list belongs to the clause before it. */
  exampleMarkers: words,
  titleLinks: words,
  /** Links that a word after the name closes into a circumposition of origin ("von Russland aus"): no title's owner. */
  originCircumpositions: z.record(z.string(), z.array(z.string())).default({}),
  subjectPronouns: words,
  /** Subject pronouns that are never objects ("er"; not "sie", "es"): right after the finite verb they are the subject even after a fronted noun phrase ("Das Treffen sagte er ab"). */
  nominativePronouns: words.default([]),
  /** Words that compare two parties ("ebenso … wie die EU", "just as"): the one the comparing word introduces is no object. */
  comparisonWords: words.default([]),
  /** Particles that may stand between a verb and its subject ("stimmte auch Indien", "only"). */
  focusParticles: words.default([]),
  /** Prepositions that name the other party after a phrase of `reciprocals` ("ihre Beziehungen zu Katar"): then the act is not mutual. */
  reciprocalPartnerPrepositions: words.default([]),
  /** Verbs of using an occasion ("nutzte den Besuch, um … zu kritisieren", "used the visit to criticise"): the purpose clause after them tells an act done. */
  realizedPurposeVerbs: words.default([]),
  /** A regular expression for past participles (folded), where a conjunct may share a finite auxiliary ("hatte erklärt … und um Hilfe gebeten"). */
  pastParticiplePattern: foldedPattern.optional(),
  /** Quantifiers that stand alone as a subject ("einige", "some"): after a comma, with a verb right after, they open a main clause ("…, einige schwenkten russische Fahnen"). */
  quantifierSubjects: words.default([]),
  /** Impersonal pronouns that, in what a speaker says, stand for the speaker's side ("sagte, man habe …"). */
  speakerPronouns: words.default([]),
  /** Auxiliaries of reported speech ("habe", "hätten", "sei"): after a comma, a participle followed by one opens what was said ("stellte klar, verhandelt hätten allein …"). */
  reportedAuxiliaries: words.default([]),
  /** Articles that are only genitive ("des", "seines"): the actor right after one is a genitive attribute, never the subject. */
  genitiveOnlyArticles: words.default([]),
  /** Relative pronouns that are only singular ("der", "dessen"): they never take up a coordination of actors. */
  singularRelativePronouns: words.default([]),
  /** Nouns of a mediation and the prepositions that open one ("unter Vermittlung", "with the mediation of"): who it names consults each party of the clause's acts. */
  mediationNouns: words.default([]),
  mediationPrepositions: words.default([]),
  /** Prepositions that place a state's official in another state's capital, a visit there ("Lawrow warb in Bagdad …"). */
  presencePrepositions: words.default([]),
  /** Verbs whose "in" phrase is an argument, not a place: "sieht in Minsk den Drahtzieher" places no one in Minsk. */
  presenceArgumentVerbs: words.default([]),
  quantityWords: words,
  /** Nouns for a part of a group ("a group of", "members of"): the actor after them is the one who acts. */
  partitiveHeads: words,
  /** Heads of a partitive genitive, in lower case ("Vertreter der Hamas"): the actor after them is the party. */
  partitiveGenitiveHeads: words,
  /** The preposition that joins a partitive head to its actor ("of"). */
  partitiveGlue: words,
  /**
   * Heads whose origin opens a clause as its actor ("Soldaten aus Nordkorea kämpfen …"): only there;
   * after the verb the origin is a place ("zog Truppen aus Syrien ab").
   */
  originHeads: words,
  /** The preposition that joins an origin head to its actor ("aus"). */
  originGlue: words,
  /** Heads of an apposition that names a company's owner ("eine Tochter des russischen Konzerns …"): its actor stands for the company. */
  ownerHeads: words,
  quantityGlue: words,
  infinitiveMarkers: words,
  finiteAuxiliaries: words,
  appositionOpeners: words,
  backgroundPrepositions: words,
  /** Prepositions of an adjunct whose event noun the clause takes for granted: a negation of the clause does not deny it ("nach dem Treffen"). */
  adjunctPrepositions: words,
  relativeSubjects: words,
  /**
   * Verbs that carry an event noun and give it their subject ("ein Telefonat, das Putin mit Trump
   * führte"): a noun whose relative clause one of them ends takes its roles from that clause.
   */
  carrierVerbs: words.default([]),
  /** Relative pronouns that make the noun before them the clause's object ("Xi, den Putin einen Freund nennt"). */
  relativeObjects: words,
  /** Verbs that say what the subject is: a relative clause after their predicate refers to the subject ("Iran sei ein Partner, mit dem …"). */
  copulas: words.default([]),
  agentPrepositions: words,
  /** Prepositions that put forces into a place ("stationed troops in Belarus"): the place hosts them. */
  hostingPrepositions: words.default([]),
  speechVerbs: words,
  objectControlVerbs: words,
  purposeMarkers: words,
  verbFinalSubordinates: z.boolean().default(false),
  /**
   * Words after which a relative pronoun that is also a conjunction opens a complement clause,
   * where no comma marks it ("demanded that Israel ease …", "its demand that …").
   */
  complementHeads: words,
  /** Nouns of saying and demanding: after one, a comma and a verb-second clause report what was said ("seine Forderung, die Ukraine müsse …"). */
  speechNouns: words,
  /**
   * How far before and after a verb trigger the word its rule requires may stand ("announced a
   * truce": yes; "announced a suspension of flights, a day after … truce monitors": no). Unset:
   * anywhere in the clause (German puts objects and particles far from the finite verb).
   */
  evidenceWindow: z.object({ before: z.number().int().min(0), after: z.number().int().min(0) }).strict().optional(),
  objectPronouns: words,
  /** Object pronouns of a single person ("ihn", "ihm"): a person named before wins over a state named after it. */
  personObjectPronouns: words,
  reciprocals: words,
  /** Reflexive pronouns ("sich"): one may stand right after a verb in second place, before its subject. */
  reflexivePronouns: words.default([]),
  /** The subject may follow the verb ("Am Montag besuchte Putin Minsk"); where it may not (English), an actor after the verb is its object. */
  subjectAfterVerb: z.boolean().default(true),
  /** Words that are verbs and also particles of other verbs ("back": "to back Kyiv", "hit back"): read as a verb only after a subject, a pronoun or an auxiliary. */
  particles: words,
  /** A regular expression for a one-word zu-infinitive, if the language has one. */
  infinitivePattern: foldedPattern.optional(),
}).strict()

export const rolesSchema = z.object({
  titles: z.partialRecord(z.enum(roleIds), z.array(z.string())),
  /** Titles that name their actor themselves ("Kremlchef"). */
  seats: z.record(z.string(), z.object({ actor: z.string(), role: z.enum(roleIds) }).strict()).default({}),
  /** Nouns after which a demonym adjective names private people, not the state ("belarussische Oppositionelle"). */
  private: words.default([]),
  /** Titles that a place link locates rather than owns ("die Botschaft in Ouagadougou" is no institution of Burkina Faso). */
  placed: words.default([]),
  /** The title links that name a place ("in", "im"). */
  placeLinks: words.default([]),
}).strict()

export const segmentSchema = z.object({
  /** Lower-case words after which "NN." is an ordinal, not a sentence end ("den 30. Jahrestag"). */
  ordinalContext: words,
  /** Abbreviations that never end a sentence. */
  abbreviations: words,
}).strict()

export const chromeSchema = z.object({
  /** Regular expressions; a whole line matching one is site chrome. */
  lines: words,
  /** Regular expressions for chrome glued inside a line; the match is cut out. */
  inline: words,
  /** A line matching one of these ends the article: it and all after it are dropped. */
  endMarkers: words,
}).strict()

export const metaSchema = z.object({
  /** Words that introduce the publication date in a header line ("Stand:", "Aktualisiert am"). */
  dateCues: words,
  /** Words that introduce the author ("Von"). */
  bylineCues: words,
}).strict()

export const modalitySchema = z.object({
  hedged: words,
  reportedMarkers: words,
  reportedVerbs: words,
  planned: words,
  denied: words,
  negation: words,
  /** Phrases that contain a negation word but do not negate ("nicht nur"). */
  notNegation: words,
  /** Phrases that contain a plan word but tell an act done as planned ("wie geplant", "as planned"). */
  notPlanned: words.default([]),
  /** Plan words that are adjectives ("geplante"): right before a noun they describe it ("die geplante Reise") and plan no act of the clause. */
  plannedAttributes: words.default([]),
  conditional: words,
  /** Wanting words: with a negation, a cooperative act is refused ("möchte keine Waffen liefern": REJECT). */
  refusal: words.default([]),
  /** Negation words that negate only what follows them ("without consulting Kyiv"; not "a partnership without limits"). */
  forwardNegation: words.default([]),
  /** Verbs that frame the act they govern as a threat of it ("threatened to cut off gas": THREATEN). */
  threat: words.default([]),
  /** Verbs that make a threat only of a hostile act ("vowed to fight Israel", but "vowed to support Kyiv" is support). */
  hostileThreat: words.default([]),
  /** Words of intent that plan an infinitive after them, however far ("agreed in principle on Saturday to provide aid"). */
  intent: words.default([]),
  /** Words that make a planned hostile act conditional on the other side ("will cut gas unless Chisinau pays"): an ultimatum, THREATEN. */
  ultimatum: words.default([]),
  /** Words of wanting that, before a perfect infinitive, claim an act instead of planning it ("will zwei Jets abgeschossen haben"). */
  claim: words.default([]),
  /** The auxiliaries of a perfect infinitive, right after a participle ("abgeschossen haben", "eingedrungen sein"). */
  perfectInfinitives: words.default([]),
  /** Verbs that frame the act they govern as asked for, not done ("urged Russia to withdraw"). */
  appeal: words.default([]),
  /** Verbs of refusal that govern an infinitive clause ("weigerte sich, … zu helfen"): the governed act is not done. */
  decline: words.default([]),
  /**
   * Negation cues of abstaining ("enthielten sich einer Verurteilung Russlands"): the act abstained
   * from is no act, and nor is its negation (analysts code no relation for an abstention).
   */
  abstain: words.default([]),
  /**
   * A verb of ruling out, split around its words ("schloss … aus"): negated in the clause an
   * infinitive depends on, it makes that act possible, not done ("schloss am Montag nicht aus, … zu liefern": hedged).
   */
  ruleOut: words.default([]),
  /** Words that open a complement clause ("demanded that …"): its act is governed by the verb before. */
  complementizers: words.default([]),
}).strict()

export const timeSchema = z.object({
  lexicon: z.object({
    month: z.record(z.string(), z.number().int().min(1).max(12)),
    season: z.record(z.string(), z.enum(['SP', 'SU', 'FA', 'WI'])),
    weekday: z.record(z.string(), z.number().int().min(1).max(7)),
    part: z.record(z.string(), z.enum(['early', 'mid', 'late'])),
    numberWord: z.record(z.string(), z.number()),
    /** Number words too vague for a day: an offset counted with them resolves to the month. */
    vague: z.array(z.string()).default([]),
    ordinalWord: z.record(z.string(), z.number()),
    unit: z.record(z.string(), z.enum(['Y', 'M', 'W', 'D', 'Q'])),
    /** Relative references: offsets from the anchor in a unit ("letzten Jahres" = Y -1). */
    relative: z.record(z.string(), z.object({ unit: z.enum(['Y', 'M', 'W', 'D']), offset: z.number().int() }).strict()),
  }).strict(),
  patterns: z.array(z.object({
    rule: z.string(),
    /** A regular expression with {placeholders} for lexicon classes and numbers. */
    match: z.string(),
    value: z.record(z.string(), z.union([z.string(), z.number()])),
    /** A second expression inside the match, over one named group: "zwischen 1891 und {year2}". */
    also: z.object({ group: z.string(), value: z.record(z.string(), z.union([z.string(), z.number()])) }).strict().optional(),
    anchorable: z.boolean().default(true),
    /** A bare number that may count things: before a noun it is a year only when it is a plausible one. */
    countable: z.boolean().default(false),
  }).strict()),
  /**
   * What a noun after a number looks like (a regular expression): "1000 Raketen", "1500 drones".
   * A countable match before one is a count, not a year, when it is a round hundred or lies
   * more than `countYears` years from the publication date.
   */
  countNoun: z.string().optional(),
  countYears: z.number().int().min(1).default(300),
  /**
   * Words that put a clause in the future ("wolle", "werde", "geplant"): in news, a month or day
   * named without its year in such a clause is the next one, not the last ("wolle am 7. September
   * einen Gipfel ausrichten", written in July).
   */
  futureCues: z.array(z.string()).default([]),
  /** Words that put a clause in the past ("hatte", "sagte"): they overrule a future cue beside them. */
  pastCues: z.array(z.string()).default([]),
}).strict()

const roleRef = z.string().regex(/^(subject|object|gen|adj|any|goods|(?:prep|place):[\p{L}]+)$/u, 'expected subject, object, gen, adj, any, goods, prep:<word> or place:<word>')
const roles = z.object({ source: z.array(roleRef).default(['subject']), target: z.array(roleRef).default(['object']) }).strict()

export const eventRuleSchema = z.object({
  rule: z.string().regex(/^[a-z]{2}\.[a-z_]+\.[a-z0-9_.-]+$/, 'expected <lang>.<type>.<name>'),
  type: z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']),
  mode: z.string(),
  verbs: z.array(z.object({
    /** One verb's forms, its infinitive first (a future auxiliary governs it: "wird … liefern"). */
    forms: z.array(z.string()).min(1),
    split: z.object({ finite: z.array(z.string()).min(1), particle: z.string() }).strict().optional(),
  }).strict()).default([]),
  nouns: words,
  objects: z.record(z.string(), z.array(z.string())).default({}),
  requires_object: z.boolean().default(false),
  requires: words,
  /** A second group of words, one of which must stand in the clause as well as a word of `requires` ("müssen … das Land verlassen" with a diplomat). */
  requires_also: words,
  roles: roles.default({ source: ['subject'], target: ['object'] }),
  noun_roles: roles.default({ source: ['gen', 'adj', 'subject'], target: ['object'] }),
  mutual: z.boolean().default(false),
  /** Coordinated parties do it to each other (an exchange of prisoners): with no partner named, each is the other's source and target. */
  reciprocal: z.boolean().default(false),
  polarity: z.enum(['coop', 'conflict']).optional(),
  confidence: z.number().min(0).max(1).default(0.8),
  /**
   * The trigger is a modal of obligation in reported speech ("Moscow said Kyiv must withdraw"):
   * the speaker is the source and the one who must act the target.
   */
  speakerSource: z.boolean().default(false),
  /** The trigger announces the act rather than reporting it ("pledged tanks", "offered troops"): the act is planned. */
  planned: z.boolean().default(false),
  /**
   * Not doing this act opens another: "schließt Waffenlieferungen nicht aus" is no refusal but the
   * delivery, planned. A negated reading of the rule yields to the act of the event noun it governs.
   */
  negation_opens: z.boolean().default(false),
  /**
   * A judgement that denies its own word is the opposite judgement: "nannte die Entscheidung nicht
   * gerechtfertigt" charges (ACCUSE, asserted) rather than failing to approve.
   */
  negated_as: z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']).optional(),
  /**
   * Only doing the act is one: its negation tells nothing of the relation ("hat den Vertrag nicht
   * verlängert" lets a treaty lapse; analysts code no act there), so a negated reading is dropped.
   */
  affirmative_only: z.boolean().default(false),
  /** The act is one-sided by nature (a resignation, a curfew, a riot): an unnamed partner is not looked for in the passage. */
  oneSided: z.boolean().default(false),
  /**
   * Only the rule's roles or a coordination name the partner: the genitive of the clause's object does
   * not ("hielt vor der Küste Taiwans ein Manöver ab" is no exercise with Taiwan).
   */
  partner_named: z.boolean().default(false),
  /**
   * A regime in force (sanctions, an embargo): named in passing in a background phrase ("wegen der
   * amerikanischen Sanktionen gegen Russland"), it is a fact all the same when the noun's own words name both parties.
   */
  standing: z.boolean().default(false),
  /** The act needs a partner: without one it is something else ("launched two missiles" may be a test, not an attack). */
  partnerRequired: z.boolean().default(false),
  /** The object of an infinitive complement is no partner: "bestreitet, Waffen an Nordkorea geliefert zu haben" denies its own act. */
  notComplementObject: z.boolean().default(false),
  /** The required word must follow the trigger (or precede a passive one): the subject before it is no evidence ("troops captured a stronghold"). */
  evidence_after: z.boolean().default(false),
  /** The required word may stand in the infinitive complement after the clause ("forderte den Botschafter auf, das Land zu verlassen"). */
  evidence_in_complement: z.boolean().default(false),
  /** The mode when the source is a people or a generic party, not a government ("thousands of Nigerians protested": a demonstration, not a diplomatic protest). */
  crowd_mode: z.string().optional(),
  /**
   * Rules whose reading of the same trigger and pair this rule's reading replaces: a narrower rule
   * over a broader one ("verweigert … die Einreise" is a sanction, not the bare refusal of de.reject.refuse).
   */
  supersedes: words,
  /**
   * The act happens inside an organisation ("legte sein Veto ein", "blocked the resolution"): with no
   * partner named, it is aimed at the organisation the passage last named.
   */
  venue: z.boolean().default(false),
  /** The act keeps its subject away from what its object names ("blieben dem Treffen fern", "boykottierten den Gipfel"): a meeting noun there is no meeting of the subjects. */
  withholds: z.boolean().default(false),
  /**
   * Prepositions that make this rule's noun the setting of another act in the clause ("In einem
   * Telefonat sicherte Scholz Selenskyj Hilfe zu"): the noun then tells a contact between that act's parties.
   */
  contact_adjunct: words,
  /** Prepositions one of which must open the noun's phrase for the noun to count ("auf Antrag Frankreichs", "auf Drängen Kiews"). */
  noun_after: words,
  /** Actors (generic parties) whose act this is not: "demonstrators blocked the road" is a protest, not a state's blockade. */
  not_by: words,
  /** The only actors (generic parties) whose act this is: "rebels blocked transport into Abidjan" is a protest, a state blocking a strait is not. A people without an article counts as its civilians, a state named through a generic party ("Palestinian youths") as that party. */
  only_by: words,
}).strict().refine((r) => r.verbs.length > 0 || r.nouns.length > 0, 'a rule needs verbs or nouns')

export const eventRulesFile = z.array(eventRuleSchema)

export type Grammar = z.output<typeof grammarSchema>
export type RolesData = z.output<typeof rolesSchema>
export type TimeData = z.output<typeof timeSchema>
export type ModalityData = z.output<typeof modalitySchema>
export type EventRule = z.output<typeof eventRuleSchema>

export const corefSchema = z.object({
  descriptions: words,
  organisationDescriptions: words,
  /** Descriptions of a bloc or alliance ("das Bündnis"): only an organisation marked `grouping` in the knowledge base. */
  groupingDescriptions: words.default([]),
  /** Descriptions of an armed group or a private military company: the last one named ("die Miliz" after "die Huthis"). */
  groupDescriptions: words,
  /** Descriptions of an island state ("die Insel", "der Inselstaat"): the last state named that is one. */
  islandDescriptions: words,
  /** Descriptions of a monarchy ("das Königreich", "das Emirat"): the last state named that is one. */
  monarchyDescriptions: words.default([]),
  /** Articles besides the definite ones before an office that speaks for the passage's state ("Ein Regierungssprecher sagte"). */
  officeArticles: words.default([]),
  /** Case endings an office takes ("Präsident" → "Präsidenten"): the office in another case is the same office. */
  officeCaseEndings: words.default([]),
  /** Words that link a description to the person who leads it ("die Junta um Oberst Goïta"): the person names whose it is. */
  leaderLinks: words.default([]),
  /** Prepositions of a place that opens a sentence ("In Washington erhob das Justizministerium …"): a description there is of the state whose seat it names. */
  locatives: words.default([]),
  partnerDescriptions: words,
  /** Phrases that name a state by its relation to another ("den Nachbarn", "the neighbour"): like an object pronoun, never its clause's subject, always a state. */
  relationalDescriptions: words.default([]),
  /** Adverbs that point back to the act just told ("protestierte dagegen"): a reaction with no named counterpart is aimed at its doer. */
  actAdverbs: words.default([]),
  /** Demonstrative pronouns standing for what was just said or done: "Moskau wies das zurück" answers the sentence before. */
  actPronouns: words.default([]),
  partnerDeterminers: words,
  /** Descriptions that, after a possessive, name the owner's own state ("his country", "sein Land"). */
  ownDescriptions: words,
  /** Phrases that name the two states of the story at once ("beide Länder", "both sides"). */
  pairDescriptions: words,
  /** Prepositions that introduce the two parties of a pair ("zwischen Tallinn und Moskau"). */
  pairPrepositions: words,
  determiners: words,
  /** Offices that, with no state named for them, stand for the state the passage is about ("Außenminister Max Muster", "der Vizeregierungschef"). */
  offices: words,
  window: z.number().int().min(1).max(10).default(3),
  /**
   * Nouns that point back to an act told before, by the PLOVER type they may name (`any`: any act
   * that is no reaction and no meeting): "verurteilte die Entscheidung" is aimed at whoever decided.
   */
  actNouns: z.record(z.string(), words).default({}),
  /** The articles and demonstratives that make an act noun point back ("die", "diese"). */
  actDeterminers: words,
  /**
   * Occasions, each with its other forms, whose date dates the acts a later sentence sets in them
   * with a definite or possessive article: "am 21. Februar in seiner Rede … In der Rede warf Putin …".
   */
  settingNouns: z.record(z.string(), words).default({}),
}).strict()
export type CorefData = z.output<typeof corefSchema>
