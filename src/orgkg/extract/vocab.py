"""General vocabulary of the genre: post titles, organ, event and agreement nouns, verbs.

Only words of the genre live here, never names or phrases from any article.
All entries are lower-case; matching is case-insensitive unless said otherwise.
"""

from __future__ import annotations

# Heads of post titles. Multi-word entries are matched before single words.
ROLE_HEADS = frozenset(
    """
    chairman chairwoman chairperson chair co-chair co-chairman vice-chairman
    president vice-president premier minister secretary secretary-general
    under-secretary-general director director-general administrator head chief
    governor commissioner ambassador envoy representative coordinator spokesman
    spokeswoman spokesperson speaker mayor chancellor king queen emir sultan
    prince rector adviser advisor counsellor counselor consul attache officer
    manager ceo founder treasurer registrar ombudsman prosecutor judge deputy
    member president-elect leader commander delegate senator congressman congresswoman
    assemblyman councillor councilor alderman lawmaker legislator
    """.split()
)
ROLE_MULTI = (
    "prime minister",
    "secretary general",
    "director general",
    "vice president",
    "vice chairman",
    "vice chair",
    "deputy chairman",
    "chief executive",
    "chief executive officer",
    "executive secretary",
    "executive director",
    "managing director",
    "general secretary",
    "permanent representative",
    "special representative",
    "special envoy",
    "high representative",
    "high commissioner",
    "attorney general",
    "prosecutor general",
    "foreign minister",
    "crown prince",
    "head of state",
    "head of government",
    "chief of staff",
    "under secretary",
    "assistant secretary-general",
    "assistant secretary general",
    "deputy secretary-general",
    "deputy secretary general",
    "national coordinator",
    "additional secretary",
    "state secretary",
    "secretary of state",
    "first vice president",
    "first deputy",
)
# Words that may precede a post head and belong to the title.
ROLE_MODIFIERS = frozenset(
    """
    deputy first acting vice assistant executive senior chief general regional
    permanent special principal associate interim designate co additional
    national honorary prime foreign under crown attorney high state
    """.split()
)
# Function words: never inside a name.
FUNCTION_WORDS = frozenset(
    """
    the a an this that these those his her its their our your my we he she it they i you
    according also among besides however meanwhile moreover furthermore at but or from
    with by as after before during since while when where which who whom whose what why
    how all some many most another both each every such no not yes there here then thus so
    yet still just only if although though because unlike like over about around between
    through into within without upon toward towards today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """.split()
)
# Words that mark a post as not (or not yet) current.
FORMER_MARKERS = frozenset("former ex ex- outgoing late then".split())
NEW_MARKERS = frozenset("newly appointed new incoming elected".split())
# Plural post heads ("the Prime Ministers of ...").
ROLE_PLURALS = {
    "ministers": "minister",
    "prime ministers": "prime minister",
    "presidents": "president",
    "chairmen": "chairman",
    "ambassadors": "ambassador",
    "heads": "head",
    "secretaries": "secretary",
    "deputy prime ministers": "deputy prime minister",
    "foreign ministers": "foreign minister",
    "leaders": "leader",
}

# National legislatures called by their own-language common noun ("the Riksdag", "the Sejm").
LEGISLATURE_WORDS = frozenset(
    """
    riksdag storting stortinget bundestag bundesrat nationalrat sejm folketing althing eduskunta
    oireachtas dáil seanad saeima seimas riigikogu sabor skupština skupstina sobranie sobranje
    rada kenesh khural hural mazhilis knesset duma majlis jirga landtag lagting tynwald
    """.split()
)
# Bodies that a parliamentary text names by a capitalised common noun ("the Opposition").
PARLIAMENTARY_BODIES = frozenset("opposition coalition".split())
# Head nouns of bodies and organs. An organ head ("Board") names a unit of another body.
ORG_HEADS = (
    frozenset(
        """
    commission council committee assembly union organization organisation
    association bank fund agency ministry government secretariat board parliament
    senate congress court office department institute programme program community
    bureau authority service structure corporation company group league federation
    alliance party centre center university academy mission cabinet presidium
    directorate chamber tribunal duma majlis administration foundation
    network partnership commonwealth organisation directorate-general inspectorate
    police army navy guard headquarters delegation force forces corps school college
    hospital airlines airline airways inc inc. ltd ltd. llc plc holdings partners exchange
    trust institutes institution society club museum library laboratory movement front
    coalition bloc sabha house legislature assembly chamber tribunal cabinet ministries
    associates ventures band orchestra ensemble ensembles faculty archives shipyard shipyards
    battalion battalions brigade regiment reserve dal limited gmbh corp corp. panel caucus
    embassy consulate consortium cooperative guild syndicate observatory
    """.split()
    )
    | LEGISLATURE_WORDS
    | PARLIAMENTARY_BODIES
)
# Organ heads: a body with this head and a named parent is a unit of the parent.
ORGAN_HEADS = frozenset(
    """
    board council committee secretariat commission department bureau office
    directorate cabinet presidium assembly mission division unit directorate-general
    headquarters delegation chamber court
    """.split()
)
# Heads of bodies named by the territory they work in ("Mission in Kazakhstan").
TERRITORIAL_HEADS = frozenset(
    "mission missions office offices delegation embassy representation bureau centre center branch".split()
)
# Continents and regions: after "in" they are a place, not part of a name ("Army in Europe").
REGION_WORDS = frozenset(
    """
    europe asia africa america americas oceania caucasus balkans mediterranean middle
    latin caribbean pacific atlantic arctic antarctica scandinavia
    """.split()
)
# Heads that name one body even alone, capitalised ("the Senate", "Congress", "the Riksdag").
SELF_NAMED_BODIES = (
    frozenset("senate congress parliament cabinet duma majlis legislature knesset".split())
    | LEGISLATURE_WORDS
    | PARLIAMENTARY_BODIES
)
# Heads that name a body only with a qualifier (never alone as a name).
WEAK_ORG_HEADS = frozenset(
    "group network partnership service office program programme party associates ventures".split()
)

EVENT_HEADS = frozenset(
    """
    meeting session sitting summit forum conference visit talks negotiations
    consultations ceremony congress briefing gathering roundtable round-table
    symposium seminar workshop exhibition expo
    """.split()
)
# Event nouns that are plural in form but name one event.
PLURAL_EVENTS = frozenset("talks negotiations consultations".split())
# Ordinals: "the first session of the task force" is one occurrence, not a reference back.
ORDINALS = frozenset(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    inaugural
    """.split()
)
EVENT_MODIFIERS = frozenset(
    """
    annual extraordinary regular ordinary informal formal joint ministerial
    high-level plenary expanded extended narrow narrow-format restricted
    official state working bilateral trilateral multilateral first second third
    fourth fifth next last final inaugural founding international regional
    emergency special virtual online face-to-face enlarged closing opening
    """.split()
)

# Words of an event's format or rank, which do not tell two events apart.
EVENT_FORMAT_WORDS = frozenset(
    """
    annual expanded extended extraordinary regular ordinary informal formal joint plenary
    enlarged narrow narrow-format restricted first second third fourth fifth next final
    inaugural high-level virtual online face-to-face
    """.split()
)

AGREEMENT_HEADS = frozenset(
    """
    agreement memorandum memo mou protocol treaty declaration statement plan
    roadmap convention charter accord communique communiqué pact concordat
    """.split()
)
AGREEMENT_MULTI = (
    "memorandum of understanding",
    "memorandum of cooperation",
    "letter of intent",
    "joint statement",
    "joint declaration",
    "action plan",
    "plan of action",
    "plan of actions",
    "road map",
    "work plan",
    "cooperation plan",
)
# Heads that name an agreement only with a qualifier ("joint statement", "Statement by ...").
WEAK_AGREEMENT_HEADS = frozenset("statement plan".split())

# Verbs and phrases.
ATTEND_CUES = (
    "took part",
    "take part",
    "takes part",
    "taking part",
    "participated",
    "participate",
    "participates",
    "participating",
    "participants",
    "participant",
    "attended",
    "attend",
    "attends",
    "attending",
    "addressed",
    "addressing",
    "addresses",
    "chaired",
    "chairing",
    "chairs",
    "delivered a speech",
    "made a speech",
    "spoke at",
    "speaking at",
    "took the floor",
    "were present",
    "was present",
    "also present",
    "joined",
    "via videoconference",
    "by videoconference",
    "present at",
    "among the participants",
    "met",
    "held talks",
    "discussed",
    "visited",
    "arrived",
    "headed by",
    "led by",
)
ORGANIZE_VERBS = frozenset(
    """
    held hold holds holding hosted host hosts hosting convened convene convenes
    organised organized organise organize organises organizes organising organizing
    """.split()
)
SIGN_VERBS = frozenset(
    """
    signed sign signs signing inked ink inks concluded conclude adopted adopt adopts
    approved approve initialled initialed ratified endorsed
    """.split()
)

# Capitalised words that are never (part of) a person's name.
NOT_NAME_WORDS = frozenset(
    """
    the a an this that these those his her its their our your my we he she it they
    i you mr mrs ms dr prof sir h.e. his excellency
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    according also among besides however meanwhile moreover furthermore in on at
    for of and or but to from with by as after before during since while when
    where which who whom whose what why how all some many most other another both
    each every such no not yes there here then thus so yet still just only
    if although though because unlike like over under about around between
    through into within without upon against toward towards
    state states nations nation republic kingdom federation union countries country
    member members government ministry news press agency source sources report
    reports statement today yesterday tomorrow
    asian european african american eurasian arab pacific atlantic nordic baltic
    caspian central eastern western northern southern southeast southeastern
    northeast northwest southwest middle latin caribbean islamic muslim christian
    muslims christians international national global regional federal joint
    general annual economic social political strategic cultural humanitarian
    public private act bill law day team band part steps independence transit analytics
    ventures associates district revolution stability regent charter resolution
    """.split()
)
HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame dato datuk dato' datin
    h.e. excellency his her sheikh mme madam lord
    """.split()
)
# Honorifics without their full stop, to compare with a word stripped of its own ("Dr." / "Dr").
HONORIFIC_STEMS = frozenset(h.rstrip(".") for h in HONORIFICS)
# Words that are a title only in a compound title ("Tan Sri", "Dato' Sri", "Datuk Seri",
# "Tun Dr") and a name elsewhere ("Sri Mulyani Indrawati", "Tony Tan Keng Yam").
_TITLE_SECOND = frozenset({"sri", "seri"})  # after one of _TITLE_FIRST
_TITLE_FIRST = frozenset({"dato", "dato'", "datuk", "datin", "tan", "tun"})
TITLE_CANDIDATES = HONORIFIC_STEMS | _TITLE_SECOND | {"tan", "tun"}


def is_title(lowers: list[str], i: int) -> bool:
    """Is the i-th word (lower case) an honorific or part of a compound title, here?"""
    w = lowers[i].rstrip(".")
    if w in HONORIFIC_STEMS:
        return True
    if w in _TITLE_SECOND:
        j = i - 1
        if j >= 0 and lowers[j] in ("'", "\u2019"):  # "Dato' Sri": the tokenizer splits the apostrophe
            j -= 1
        return j >= 0 and lowers[j].rstrip(".") in _TITLE_FIRST
    if w in ("tan", "tun"):
        return i + 1 < len(lowers) and lowers[i + 1].rstrip(".") in (_TITLE_SECOND | {"dr"})
    return False


# Short all-capital tokens that are not bodies.
NOT_ACRONYMS = frozenset(
    """
    COVID MOU MOUS GMT UTC CEO CFO GDP GNP USD EUR RUB TV ID IT ICT SME SMES PPE OK
    II III IV VI VII VIII IX XI XII XX XXI AM PM AD BC FAQ PDF HTML URL NB PS VIP
    SARS HIV AIDS UAE USA US UK
    MP MPS MEP MEPS MLA MLAS MSP MSPS MEC TD TDS DC HMS USS HMAS HMCS
    """.split()
)
# Heads of companies and parties: an acronym before one is the start of the name
# ("AMR Corporation", "PAIS Alliance"), not a parent body.
COMPANY_HEADS = frozenset(
    """
    airlines airline airways inc inc. ltd ltd. llc plc holdings partners corporation company
    limited gmbh associates ventures alliance party group bank
    """.split()
)
# Legal-form suffixes written after a company's name and a comma ("Acme Widgets, Inc.").
COMPANY_SUFFIXES = frozenset(
    "inc inc. ltd ltd. llc l.l.c. plc limited gmbh corp corp. co. s.a. ag n.v.".split()
)
# Verbs introducing speech, for "..., X said" and pronoun resolution.
SAY_VERBS = frozenset(
    """
    said says say told tells noted notes stressed stresses emphasized emphasised
    added adds stated states explained explains underlined underlines pointed
    announced announces believes believed expressed highlighted remarked
    summed called urged
    """.split()
)

# Words common inside the names of bodies ("Council of Heads of Government",
# "Organisation for Economic Co-operation and Development"): a capitalised run made of
# these is part of a body's name, not a person's.
ORG_NAME_WORDS = frozenset(
    """
    heads head state states government governments foreign ministers minister affairs
    economic economy development cooperation co-operation nations nation southeast
    asian african european american arab eurasian pacific atlantic migration labour
    labor social protection finance financial trade industry culture cultural education
    educational science scientific technical technology technologies defence defense
    health energy transport transportation agriculture agricultural justice interior
    emergency emergencies situations information communications communication security
    peace human rights women children youth sports sport physical training tourism
    investment investments environment environmental natural resources fight crime
    crimes terrorism terrorist anti-terrorist organized organised dangerous other
    regional international national united world global interbank business peoples
    peoples' people people's parliamentary inter-parliamentary intergovernmental
    executive central federal supreme constitutional public civil customs tax taxes
    revenue statistics planning reform reforms integration macroeconomics
    macroeconomic competition antimonopoly internal external relations partnership
    strategic research innovation innovations digital property intellectual standards
    standardization metrology consumer consumers market markets monetary fiscal
    budget treasury accounts audit control commerce commercial investment
    entrepreneurship enterprise enterprises small medium housing construction urban
    rural water land forestry fisheries food safety nuclear atomic space aviation
    maritime railway railways roads road post postal telecommunications media press
    mass sciences arts heritage religion religious affairs veterans labour employment
    welfare family population demography refugees refugee migrants emergency
    coordination council committee commission board assembly union organization
    organisation association bank fund agency ministry secretariat office department
    institute programme program community bureau authority service structure
    development-oriented red cross crescent olympic observers cooperation-oriented
    asia europe africa america americas oceania caucasus balkans mediterranean
    gulf north south east west middle far near arctic antarctic caribbean
    islamic muslim christian shanghai commonwealth independent policy policies
    """.split()
)

# Cue contexts that name a body without a head noun of its own.
# "Conservative leader X", "Acme chairperson X": a body before a leader's title and a name.
LEADER_TITLES = frozenset(
    "leader leaders chairman chairwoman chairperson chief ceo founder co-founder".split()
)
# Words before such a title that are no body ("Supreme Leader", "rebel leader").
NOT_BODY_BEFORE_LEADER = frozenset(
    """
    supreme spiritual religious tribal rebel student majority minority former deputy opposition
    world business community civic faith regional western eastern global local youth team
    """.split()
)
# "an Irish Labour politician", "a Green candidate": the party of a politician.
AFFILIATION_NOUNS = frozenset(
    """
    politician politicians candidate candidates lawmaker lawmakers legislator legislators
    mp mps senator councillor councilor activist activists
    """.split()
)
JOIN_VERBS = frozenset("joined joining joins join rejoined".split())
# "Acme, a Denver-based software company": nouns whose apposition names a body.
APPOSITION_ORG_NOUNS = frozenset(
    """
    company companies firm corporation conglomerate carrier airline manufacturer maker
    producer retailer bank lender insurer fund operator developer startup start-up
    subsidiary provider supplier broadcaster charity party band orchestra club
    organisation organization group movement
    """.split()
)
# Nouns after a body's head that make the phrase a thing named after it ("Service Medal",
# "Parliament Building", "Federation Cup").
NOT_BODY_TAILS = frozenset(
    """
    medal medals award awards prize prizes trophy cup scholarship scholarships fellowship
    lecture building tower bridge stadium square street avenue road
    """.split()
)
# "a subsidiary of Acme", "the parent of Acme", "merged with Acme": what follows is a company.
CORPORATE_LINK_CUES = (
    ("subsidiary", "of"),
    ("subsidiaries", "of"),
    ("parent", "of"),
    ("division", "of"),
    ("acquired", "by"),
    ("spun", "off"),
)
