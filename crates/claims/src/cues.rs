//! The closed classes of attribution: cue verbs, evidentials, source nouns. The lists
//! looked up for every word are hashed with FxHash: their keys are short and fixed.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Whether `word` is in `list`, through the set `cell` built from it on first use.
fn listed(cell: &'static OnceLock<FxHashSet<&'static str>>, list: &'static [&'static str], word: &str) -> bool {
    cell.get_or_init(|| list.iter().copied().collect()).contains(word)
}

/// Whether a word is a cue verb: the largest list, looked up for every token, so hashed.
pub fn is_verb_cue(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    listed(&SET, VERB_CUES, word)
}

/// Whether a word names a source by its role (hashed, as [`is_verb_cue`]).
pub fn is_source_noun(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    listed(&SET, SOURCE_NOUNS, word)
}

/// Verbs that attribute what follows (or precedes) to their subject.
pub const VERB_CUES: &[&str] = &[
    "said", "says", "say", "told", "tells", "reported", "reports", "estimated", "estimates", "revealed", "reveals",
    "announced", "announces", "claimed", "claims", "stated", "states", "added", "adds", "warned", "warns",
    "denied", "denies", "insisted", "insists", "confirmed", "confirms", "suggested", "suggests", "wrote", "writes",
    "noted", "notes", "argued", "argues", "alleged", "alleges", "acknowledged", "acknowledges", "admitted",
    "admits", "explained", "explains", "believes", "believe", "predicted", "predicts", "concluded", "found",
    "showed", "shows", "indicated", "indicates", "disclosed", "testified", "asserted", "asserts", "maintained",
    "maintains", "declared", "declares", "rejected", "dismissed", "refuted", "stressed", "emphasised",
    "emphasized", "assessed", "assesses", "calculated", "projected", "recalled", "tweeted", "posted", "quoted",
    "urged", "urges", "pledged", "pledges", "vowed", "vows", "promised", "promises", "cited", "cites", "agreed",
    "agrees", "asked", "asks", "argue", "insist", "warn", "suggest", "contend", "contends", "contended",
    "acknowledge", "predict", "conceded", "concedes", "complained", "complains", "boasted", "boasts", "charged",
    "accused", "accuses", "questioned", "wondered", "speculated", "countered", "replied", "responded", "answered",
    "observed", "remarked", "recounted", "described", "describes", "announce", "estimate", "report",
    "expects", "plans", "hopes", "intends", "wants", "aims", "deny", "expect",
    "criticized", "criticised", "criticizes", "criticises", "attacked", "attacks", "condemned", "condemns",
    "blasted", "blasts", "slammed", "slams", "praised", "praises", "mentioned", "mentions", "demanded",
    "demands", "reiterated", "reiterates", "repeated", "repeats", "touted", "touts", "defended", "defends",
    "blamed", "blames", "threatened", "threatens", "lamented", "laments", "joked", "jokes", "quipped",
    "hinted", "hints", "signaled", "signalled", "signals", "continued", "mocked", "mocks", "pointed", "called", "calls",
];

/// Nouns of saying and believing, which attribute the "that" clause after them to their
/// owner ("Trump’s claim that …").
pub const NOMINAL_CUES: &[&str] = &[
    "claim", "claims", "assertion", "assertions", "view", "belief", "beliefs", "argument", "warning", "warnings",
    "promise", "pledge", "statement", "suggestion", "contention", "allegation", "allegations", "insistence",
    "estimate", "prediction", "predictions", "assessment", "conclusion", "accusation", "accusations", "charge",
    "suspicion", "fear", "fears", "hope", "hopes", "complaint", "announcement", "admission", "denial", "finding",
    "findings", "theory", "impression", "position", "expectation", "expectations", "threat", "vow", "demand",
];

/// Words that count a group before its determiner ("all the experts", "both the parties").
pub const PREDETERMINERS: &[&str] = &["all", "both"];

/// Possessive determiners, which open a source phrase ("its works council").
pub const POSSESSIVES: &[&str] = &["its", "his", "her", "their", "our", "my", "your"];

/// Whether a word opens a noun phrase as its determiner: an article or a possessive.
pub fn is_determiner(word: &str) -> bool {
    matches!(word, "the" | "a" | "an") || POSSESSIVES.contains(&word)
}

/// Words after a role noun that say how the source knows ("people familiar with the matter").
pub const ACQUAINTED: &[&str] = &["familiar", "close", "briefed", "involved", "knowledgeable", "aware"];

/// Cues of intention rather than speech: what someone plans is news only as someone tells it.
pub const INTENTIONS: &[&str] = &["expects", "plans", "hopes", "intends", "wants", "aims", "expect", "plan", "hope", "intend", "want", "aim"];

/// Cues whose content the source says is false.
pub const DENIALS: &[&str] = &["denied", "denies", "deny", "rejected", "dismissed", "refuted"];

/// Cues that themselves hedge the content (the source is not sure, or the outlet is not).
pub const EPISTEMIC: &[&str] = &[
    "estimated", "estimates", "believed", "believes", "believe", "claimed", "claims", "alleged", "alleges",
    "reportedly", "allegedly", "purportedly", "supposedly", "suggested", "suggests", "thought", "rumoured",
    "rumored", "predicted", "predicts", "assessed", "assesses", "projected", "calculated", "understood", "expected",
];

/// Adverbs that mark the content as hearsay with no named source.
pub const EVIDENTIAL_ADVERBS: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly"];

/// Participles of "X is believed to …".
pub const EVIDENTIAL_PARTICIPLES: &[&str] = &[
    "believed", "said", "thought", "reported", "alleged", "understood", "rumoured", "rumored", "claimed", "estimated",
    "expected", "suspected", "feared",
];

pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "been", "be"];

/// Words inside a claim's content that hedge it.
pub const MODALS: &[&str] = &[
    "could", "may", "might", "possibly", "probably", "likely", "perhaps", "appears", "appeared", "seems", "seemed",
    "unconfirmed", "unverified", "suspected", "apparently",
];

/// Nouns that name a source by role ("officials", "the ministry", "a source").
pub const SOURCE_NOUNS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "ministry",
    "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "police", "military", "army",
    "government", "authorities", "report", "reports", "statement", "witnesses", "witness", "residents",
    "investigators", "prosecutors", "lawyer", "lawyers", "aide", "aides", "minister", "president", "agency",
    "commander", "commanders", "intelligence", "office", "department", "media", "outlet", "newspaper",
    "broadcaster", "channel", "study", "survey", "data", "figures", "estimate", "estimates", "assessment",
    "officers", "observers", "monitors", "activists", "doctors", "journalists", "correspondent", "reporter",
    "leader", "leaders", "governor", "mayor", "ambassador", "envoy", "secretary", "chief", "head", "people",
    "operator", "company", "firm", "group", "association", "watchdog", "regulator", "provider", "producer",
    "maker", "giant", "organisation", "organization", "institute", "spokesmen", "representative", "troops",
    "forces", "coalition", "ministers", "lawmakers", "senator", "mp", "premier", "body", "bodies",
    "book", "announcer", "ad", "letter", "memo", "document", "documents", "article", "website", "campaign", "poll",
    "polls", "analysis", "email", "emails", "note", "video", "post", "tweet", "filing", "lawsuit", "complaint",
    "indictment", "ruling", "judge", "chairman", "chairwoman", "chair", "founder", "candidate", "nominee",
    "congressman", "congresswoman", "lawmaker", "economist", "economists", "professor", "scholar", "scholars",
    "advocate", "advocates", "director", "executive", "executives", "adviser", "advisers", "advisor", "advisors",
    "strategist", "strategists", "pollster", "pollsters", "author", "authors", "writer", "columnist", "editor",
    "host", "anchor", "attorney", "attorneys", "administration", "prosecutor", "sheriff", "critics", "supporters",
    "voters", "democrats", "republicans", "staff", "staffer", "staffers", "member", "members", "press",
    "commissioner", "team", "brief", "representatives", "organizers", "organisers", "tank", "think-tank",
    "researchers", "scientists", "forecasters", "traders",
    "service", "services", "agencies", "bureau", "centre", "center", "council", "court", "tribunal",
    "parents", "family", "families", "relatives", "neighbours", "neighbors", "survivors", "victims", "protesters",
    "charity", "charities", "campaigners", "monitor", "observatory", "union", "authority", "committee",
    // Plurals of the bodies above, and people who speak as a group.
    "groups", "companies", "firms", "operators", "associations", "organisations", "organizations", "unions",
    "governments", "ministries", "regulators", "watchdogs", "hospitals", "embassy", "embassies", "party",
    "parties", "workers", "employees", "farmers", "locals", "soldiers", "rebels", "militants", "negotiators",
    "rescuers", "medics", "nurses", "teachers", "students",
    // Bodies that judge or look into things.
    "panel", "panels", "jury", "commission", "inquiry", "investigation",
    // Records that show or find things.
    "transcript", "transcripts", "footage", "records", "research", "findings", "results", "review", "audit",
    "story", "stories", "average", "averages",
    "census", "testimony", "tally",
    // People by their role, one and many ("Another critic, Laurence H. Tribe,", "NBC News
    // moderator Matt Lauer", "Presidential candidates Hillary Clinton and Donald Trump").
    "critic", "moderator", "moderators", "candidates", "nominees", "surrogate", "surrogates", "doctor",
    "physician", "physicians", "officer", "ceo", "manager", "managers", "owner", "owners", "consultant",
    "consultants", "lobbyist", "lobbyists", "historian", "historians", "commentator", "commentators", "pundit",
    "pundits", "correspondents", "reporters", "hosts", "editors", "columnists", "writers", "detective",
    "detectives", "investigator", "resident", "colleague", "colleagues", "supporter", "opponent", "opponents",
    "ally", "allies", "rival", "rivals", "delegate", "delegates", "legislator", "legislators", "senators",
    "governors", "mayors", "judges", "partner", "partners",
];

/// Participles that pass on someone else's words ("…, citing the port authority"):
/// a link in a relay, not a claim of the subject's own.
pub const RELAYING_PARTICIPLES: &[&str] = &["citing", "quoting"];

/// Records that speak for whoever made them ("a Reuters report", "a Pew survey").
pub const RECORDS: &[&str] = &[
    "report", "reports", "statement", "study", "survey", "poll", "analysis", "article", "investigation", "story",
    "estimate", "assessment", "review", "audit", "filing", "letter", "memo", "tally", "findings", "research",
];

/// Role nouns that name someone else who passed the claim to their possessor: "the Kyiv
/// Post’s source" is a link in the relay behind the Kyiv Post.
pub const NESTED_ROLES: &[&str] = &[
    "source", "sources", "informant", "informants", "correspondent", "correspondents", "reporter", "reporters",
    "contact", "contacts", "insider", "insiders", "interlocutor", "interlocutors",
];

/// Role nouns that speak for the entity named inside their phrase: "Ukrainian officials"
/// and "Estonia’s government" speak for Ukraine and Estonia.
pub const SPEAKS_FOR: &[&str] = &[
    "official", "officials", "government", "military", "army", "police", "ministry", "authorities", "spokesman",
    "spokeswoman", "spokesperson", "spokesmen", "diplomat", "diplomats", "investigators", "prosecutors",
    "president", "leader", "leaders", "minister", "ministers", "forces", "troops", "intelligence", "embassy",
    "office", "department", "agency", "representative", "premier", "cabinet",
];

/// Words allowed between a source and its verb besides those of its verb group ("the
/// ministry also said", "which on Friday revealed").
pub const BETWEEN_SOURCE_AND_CUE: &[&str] = &["on", "in", "last", "this", "however", "both"];

/// Labels that open a line with a colon and are nobody speaking ("Correction: …").
pub const COLON_LABELS: &[&str] = &[
    "correction", "clarification", "update", "updated", "note", "editor", "editor's", "editor’s", "related", "watch",
    "read", "photo", "photos", "video", "source", "sources", "listen", "warning", "caption", "credit", "tags",
    "topics", "share", "advertisement", "disclaimer", "the", "latest", "breaking", "exclusive", "opinion", "analysis",
];

/// Words of a verb group before its verb: auxiliaries, modals, negation, adverbs.
pub const VERB_GROUP: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "did", "do", "does", "not", "n't", "n’t", "never", "also", "still",
    "already", "later", "now", "further", "again", "then", "first", "previously", "earlier", "often", "long",
    "always", "even", "just", "once", "ever",
];

/// Whether a word is a function word, which never attributes (the learned detector
/// skips them: they are a third of all words).
pub fn is_function_word(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    listed(&SET, FUNCTION_WORDS, word)
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "that", "for", "with", "from", "this", "these", "those", "are", "was", "were", "has", "have",
    "had", "not", "but", "its", "his", "her", "their", "our", "your", "which", "who", "whom", "whose", "will",
    "would", "been", "being", "more", "than", "about", "into", "after", "before", "over", "under", "also", "can",
    "could", "they", "she", "there", "what", "when", "where", "why", "how", "all", "any", "out", "off", "then",
    "them", "him", "you", "one", "two", "some", "such", "very", "just", "only", "other", "most", "many", "much",
    "because", "while", "since", "until", "both", "each", "between", "through", "during", "against", "within",
    "without", "among", "may", "might", "must", "should", "shall", "does", "did", "its", "it’s", "it's", "don’t",
    "don't", "can’t", "can't", "won’t", "won't", "isn’t", "isn't", "wasn’t", "wasn't", "here", "now", "even",
    "still", "yet", "too", "own", "same", "per", "via", "upon", "onto", "whether", "though", "although", "either",
    "neither", "nor", "every", "another", "those", "else", "ever", "never", "again", "once", "already", "n't", "n’t",
];

/// Whether a word belongs to a verb group before its verb: listed, or an adverb in "-ly".
pub fn in_verb_group(word: &str) -> bool {
    VERB_GROUP.contains(&word) || word.ends_with("ly") && word.len() > 4
}

/// Words that may precede a role noun inside a source phrase ("two senior US officials").
pub const SOURCE_MODIFIERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "several", "many", "some", "senior", "military", "intelligence",
    "government", "western", "local", "unnamed", "anonymous", "top", "former", "current", "defence", "defense",
    "foreign", "security", "police", "health", "state", "federal", "regional", "independent", "informed",
    "knowledgeable", "diplomatic", "official", "its", "his", "her", "their", "our", "other", "another", "russian",
    "ukrainian", "american", "british", "chinese", "israeli", "european", "military", "high-ranking", "ranking",
    "press", "party", "opposition", "industry", "medical", "hospital", "rescue", "emergency", "news", "wire",
    "deputy", "director", "executive", "chairman", "chairwoman", "manager", "coordinator", "adviser", "advisor",
    "armed", "national", "central", "chief", "top", "senior", "familiar", "longtime", "these", "those", "few",
    "both", "all", "most", "some", "black", "white", "young", "older", "democratic", "republican", "conservative",
    "liberal", "progressive", "prominent", "leading", "veteran", "retired", "presidential", "vice-presidential",
    "nonpartisan", "bipartisan", "congressional", "legal", "political", "economic", "outside", "fellow",
    "commissioner", "chancellor", "prime", "vice", "general", "assistant", "acting", "interim", "managing",
];

/// Clause-internal joins after which the outlet's own voice resumes.
pub const CONTRAST: &[&str] = &["but", "while", "although", "though", "whereas", "yet"];

/// Nouns for the medium of a statement ("said in a statement", "in a video address").
pub const MEDIA: &[&str] = &[
    "statement", "interview", "post", "report", "briefing", "letter", "filing", "speech", "tweet", "video",
    "message", "press", "note", "email", "podcast", "broadcast", "op-ed", "address", "conference", "television",
    "radio", "appearance", "testimony", "hearing",
];

/// Platforms a statement is posted on ("wrote on Telegram").
pub const PLATFORMS: &[&str] = &[
    "telegram", "twitter", "x", "facebook", "instagram", "youtube", "tiktok", "vkontakte", "linkedin", "bluesky",
    "threads", "truth", "television", "tv", "radio", "air",
];

/// Nouns a source names an organisation by ("the company said").
pub const ORGANIZATION_NOUNS: &[&str] = &[
    "company", "firm", "group", "ministry", "union", "agency", "bank", "party", "organisation", "organization",
    "carmaker", "maker", "operator", "broadcaster", "newspaper", "charity", "regulator", "watchdog", "militia",
];

/// What a denial may deny ("rejected claims that …").
pub const CLAIM_NOUNS: &[&str] = &[
    "claims", "claim", "reports", "report", "allegations", "allegation", "accusations", "accusation", "suggestions",
    "suggestion", "charges", "charge", "rumours", "rumors", "that",
];

/// Participles that attribute what follows to the sentence's subject (", saying that …").
pub const PARTICIPLE_CUES: &[&str] = &[
    "saying", "adding", "arguing", "claiming", "insisting", "warning", "noting", "stressing", "explaining",
    "asserting", "suggesting", "acknowledging", "admitting", "denying", "writing", "telling",
];

/// Progressives that report what their subject says ("Trump is demanding …", "He’s
/// claiming that …"); most "-ing" forms after "is" are acts ("is asking for it", "is
/// responding to the fire", "is expecting"), so only these.
pub const PROGRESSIVE_CUES: &[&str] = &[
    "claiming", "demanding", "denying", "insisting", "arguing", "warning", "urging", "describing", "criticizing",
    "criticising", "accusing", "suggesting", "alleging", "questioning", "touting", "defending", "blaming",
    "predicting", "reporting", "vowing", "pledging", "denouncing", "condemning", "praising", "mocking", "disputing",
    "asserting", "contending", "dismissing", "rejecting", "acknowledging", "admitting", "conceding", "estimating",
];

/// Cue verbs that are also plural nouns or nouns: cues only before what is said ("states that").
pub const AMBIGUOUS_CUES: &[&str] = &[
    "states", "claims", "reports", "report", "estimates", "estimate", "notes", "shows", "finds", "quotes", "posts",
    "answers", "promises", "pledges", "vows", "charges", "warns", "argues", "calls", "cites", "asks", "describes",
    "expects", "plans", "hopes", "intends", "wants", "aims",
];

/// Title words that may open a source phrase before a name ("Prime Minister Donald Tusk").
pub const PERSON_TITLE_WORDS: &[&str] = &[
    "president", "prime", "minister", "secretary", "senator", "sen.", "rep.", "gov.", "governor", "mayor",
    "general", "gen.", "mr.", "mrs.", "ms.", "dr.", "chancellor", "king", "queen", "judge", "ambassador",
];

/// The AP's abbreviations of US states, as a place's second part ("Kenansville, N.C.").
pub const US_STATE_ABBREVIATIONS: &[&str] = &[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.",
    "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.",
    "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
    "D.C.",
];
