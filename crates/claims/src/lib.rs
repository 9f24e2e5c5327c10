//! Attribution: every claim with its source, cue, content, hedges, polarity and relay.
//!
//! **Key decision: a cue finds its source and content, not the other way round.** Each
//! cue — a verb ("reported"), "according to", an evidential adverb ("reportedly") or
//! passive ("are believed to") — is a small pattern with a known shape: the source sits
//! to the left of a verb (through relative pronouns, times and auxiliaries: "a report
//! in the Kyiv Post on Friday, which revealed"), the content to its right, or before it
//! when the cue closes the sentence ("…,” the minister said"). Evidentials carry no
//! source of their own, so they inherit the nearest source in the same sentence or the
//! sentence before in the same paragraph — the way reporters write a relay. Sentences
//! with no cue that state figures or dates become claims in the outlet's own voice.
//!
//! Cues come from closed lists and, beyond them, from a learned detector ([`learned`]):
//! a word it takes for a cue in context ("Republicans fear that …") is then read by the
//! same patterns as a listed verb, so learning widens what is found without changing
//! how a source and content are read. Last, a learned ranker ([`bounds`]) may move each
//! edge of a content the rules found by a few tokens, where training saw the rules'
//! edge wrong in that context.
//!
//! ```
//! use dossier_doc::{Article, Doc};
//! let mut doc = Doc::new(Article::from_paragraphs(vec![
//!     "The Times reported that half of the shells came from Pyongyang. Three were reportedly faulty.".into(),
//! ]));
//! dossier_text::annotate(&mut doc);
//! doc.entities = dossier_entities::annotate(&doc);
//! let claims = dossier_claims::annotate(&doc);
//! assert_eq!(doc.slice(claims[0].content), "half of the shells came from Pyongyang");
//! assert_eq!(doc.slice(claims[0].source.as_ref().unwrap().span), "The Times");
//! assert_eq!(doc.slice(claims[1].cue.unwrap()), "reportedly");
//! assert_eq!(claims[1].relay, ["The Times"]); // carried over from the sentence before
//! ```

pub mod bounds;
mod cues;
pub mod learned;

pub use cues::in_verb_group;

use cues::*;
use dossier_doc::{Claim, Doc, EntityKind, Polarity, Source, Span, TokenKind};
use rustc_hash::FxHashMap;
use dossier_text::perceptron::atom;
use std::cell::Cell;

/// Finds the claims of a document whose entities, times and quantities are annotated.
pub fn annotate(doc: &Doc) -> Vec<Claim> {
    annotate_with(doc, Some(bounds::bounds_model()))
}

/// [`annotate`], with the contents' edges as the rules leave them when `bounds` is `None`
/// (what the bounds model is trained on).
pub fn annotate_with(doc: &Doc, bounds: Option<&bounds::BoundsModel>) -> Vec<Claim> {
    let finder = Finder::new(doc);
    let mut claims: Vec<Claim> = Vec::new();
    for (s, &sentence) in doc.sentences.iter().enumerate() {
        let range = finder.sentences[s].clone();
        // Already inside what an earlier sentence's source says ("He said:" and its quote).
        let words = || range.clone().filter(|&i| doc.tokens[i].kind != TokenKind::Punct);
        if claims.last().is_some_and(|c| words().next().is_some() && words().all(|i| c.content.contains(doc.tokens[i].span))) {
            continue;
        }
        let mut found: Vec<Claim> = Vec::new();
        let mut k = range.start;
        while k < range.end {
            match finder.cue_at(k, range.clone()) {
                Some((claim, next)) => {
                    found.push(claim);
                    k = next.max(k + 1);
                }
                None => k += 1,
            }
        }
        // A quote going on from the last claim; with claims of its own inside it ("“…,” wrote
        // Easley. “Just 9 percent of voters said it changed their minds.”"), it holds them,
        // and its speaker relays them.
        let continued = finder.quote_continued(range.clone(), &claims);
        if found.is_empty() {
            claims.extend(continued.or_else(|| finder.own_voice(range)));
            continue;
        }
        // In reading order, so that an evidential inherits from a claim earlier in its sentence.
        found.sort_by_key(|c| c.content.start());
        let continued = continued.filter(|q| found.iter().all(|c| c.cue.is_some_and(|cue| q.content.contains(cue))));
        if let Some(quote) = &continued {
            for claim in &mut found {
                claim.relay = quote.relay.iter().chain(&claim.relay).cloned().collect();
            }
        }
        // A claim reported inside another's content is relayed by that other's source:
        // "A report by Ifo found X, said Wohlrabe" is Wohlrabe ← Ifo.
        let outer: Vec<(Span, Vec<String>)> = found.iter().filter(|c| c.source.is_some()).map(|c| (c.content, c.relay.clone())).collect();
        for claim in &mut found {
            if let Some((_, relay)) = outer.iter().find(|(content, _)| claim.cue.is_some_and(|cue| content.contains(cue)) && *content != claim.content) {
                claim.relay = relay.iter().chain(&claim.relay).cloned().collect();
            }
        }
        // "Inflation is expected to fall, the governor said": the governor's claim holds the
        // evidential one (its hedge is kept in the content).
        let sourced: Vec<Span> = found.iter().chain(&continued).filter(|c| c.source.is_some()).map(|c| c.content).collect();
        found.retain(|c| c.source.is_some() || !sourced.iter().any(|t| t.contains(c.content)));
        // "Vantor plans to cut 1,500 jobs, people familiar with the matter said": the plan
        // is what the people say, not a second claim of Vantor's.
        let told: Vec<Span> = found.iter().filter(|c| c.source.is_some()).map(|c| c.content).collect();
        found.retain(|c| {
            let intention = c.cue.is_some_and(|cue| INTENTIONS.contains(&finder.w(finder.last_token(cue))));
            !(intention && told.iter().any(|t| c.cue.is_some_and(|cue| t.contains(cue))))
        });
        // "X, the authority said, according to the Herald": the Herald's claim only wraps
        // the authority's, which now carries the Herald in its relay. A claim that is only
        // part of what the Herald says ("According to police, officers saw him …, and they
        // ordered him to …") wraps nothing: both stand.
        let wrapped: Vec<Span> = found.iter().filter_map(|c| c.cue.map(|cue| c.source.as_ref().map_or(c.content.cover(cue), |s| c.content.cover(cue).cover(s.span)))).collect();
        found.retain(|c| {
            let according_to = c.cue.is_some_and(|cue| finder.is_according_to(cue));
            !(according_to && wrapped.iter().any(|w| c.content.contains(*w) && w.len() * 5 >= c.content.len() * 4))
        });
        // "Officials would not say how many …", "declined to say whether …": nothing is
        // claimed, and a content kept as a claim would corroborate what it leaves open.
        // "He does not believe the plan will work": a stance negated holds the content not so.
        found.retain_mut(|c| match finder.negation(c) {
            Negation::Withheld => false,
            Negation::Negated => {
                c.polarity = match c.polarity {
                    Polarity::Positive => Polarity::Negative,
                    Polarity::Negative => Polarity::Positive,
                };
                true
            }
            Negation::None => true,
        });
        let cues: Vec<Span> = found.iter().filter_map(|c| c.cue).collect();
        claims.extend(continued);
        for mut claim in found {
            if claim.source.is_none() {
                finder.carry_source(&mut claim, &claims, s);
            }
            finder.unnamed_antecedent(&mut claim, &claims);
            finder.through_open_quote(&mut claim);
            // A claim whose words came before its sentence (a quote, then "Clinton said.")
            // replaces what that quote was taken for alone.
            if claim.content.start() < sentence.start() {
                claims.retain(|c| !(c.cue.is_none() && claim.content.contains(c.content)));
            }
            let mut resumed = finder.resumed(&claim, range.clone(), &cues);
            if let Some(resumed) = &mut resumed {
                finder.through_open_quote(resumed);
            }
            claims.push(claim);
            claims.extend(resumed);
        }
    }
    if let Some(model) = bounds {
        bounds::refine(&finder, &mut claims, model);
    }
    let contents: Vec<Span> = claims.iter().map(|c| c.content).collect();
    for claim in &mut claims {
        finder.fill_contents(claim, &contents);
    }
    claims
}

struct Finder<'a> {
    doc: &'a Doc,
    lower: &'a [String],
    /// The entity mention ending at each token: (entity index, first token of the mention).
    mention_ending: FxHashMap<usize, (usize, usize)>,
    /// The entity of each token inside a mention.
    mention_at: Vec<Option<usize>>,
    /// Tokens inside time expressions.
    in_time: Vec<bool>,
    /// Tokens inside a quote opened earlier in their paragraph.
    in_quote: Vec<bool>,
    /// Each token's [`Finder::word_class`], once asked.
    word_classes: Vec<std::cell::OnceCell<&'a str>>,
    /// Each sentence's tokens, and the sentence of each token: rules ask for them at
    /// every turn, and a search per question cost a tenth of the stage's time.
    sentences: Vec<std::ops::Range<usize>>,
    sentence_at: Vec<usize>,
    /// Each token's word and word class as [`atom`]s for the learned parts' features,
    /// hashed when first asked for (0: not yet).
    word_atoms: Vec<Cell<u64>>,
    class_atoms: Vec<Cell<u64>>,
}

/// The hash standing for a word outside what a learned part's features read (the
/// sentence for the cue detector, the document for the bounds ranker).
const OUTSIDE: u64 = 0x5bd1_e995_0000_0001;

/// What sets a word class's hash apart from the same word's ("PER" the class, "per" the word).
const CLASS: u64 = 0xc1a5_5000_0000_0000;

impl<'a> Finder<'a> {
    fn new(doc: &'a Doc) -> Finder<'a> {
        let lower = &doc.lower;
        let mut mention_ending = FxHashMap::default();
        let mut mention_at = vec![None; doc.tokens.len()];
        let (owners, mentions): (Vec<usize>, Vec<Span>) = doc.entities.iter().enumerate().flat_map(|(e, entity)| entity.mentions.iter().map(move |&m| (e, m))).unzip();
        for (e, r) in owners.into_iter().zip(doc.token_ranges(&mentions)) {
            if r.is_empty() {
                continue;
            }
            // Prefer the longest mention ending at a token ("South Korean Defence Ministry" over "South Korean").
            let keep = mention_ending.get(&(r.end - 1)).is_none_or(|&(_, first)| r.start < first);
            if keep {
                mention_ending.insert(r.end - 1, (e, r.start));
            }
            for slot in &mut mention_at[r] {
                slot.get_or_insert(e);
            }
        }
        let in_time = doc.tokens_within(doc.times.iter().map(|t| t.span));
        // Inside a quote opened earlier in the paragraph (curly quotes nest, straight ones pair).
        let mut in_quote = vec![false; doc.tokens.len()];
        for paragraph in &doc.paragraphs {
            let (mut open, mut straight) = (0i32, 0);
            for i in doc.token_range(*paragraph) {
                in_quote[i] = open > 0 || straight % 2 == 1;
                match lower[i].as_str() {
                    "“" => open += 1,
                    "”" => open -= 1,
                    "\"" => straight += 1,
                    _ => {}
                }
            }
        }
        let word_classes = (0..doc.tokens.len()).map(|_| std::cell::OnceCell::new()).collect();
        let sentences = doc.token_ranges(&doc.sentences);
        let mut sentence_at = vec![usize::MAX; doc.tokens.len()];
        for (s, r) in sentences.iter().enumerate() {
            sentence_at[r.clone()].fill(s);
        }
        let unknown = || (0..doc.tokens.len()).map(|_| Cell::new(0)).collect();
        Finder { doc, lower, mention_ending, mention_at, in_time, in_quote, word_classes, sentences, sentence_at, word_atoms: unknown(), class_atoms: unknown() }
    }

    /// The [`atom`] of token `i`'s word (lower case), or of its [`Finder::word_class`].
    fn atom_at(&self, i: usize, class: bool) -> u64 {
        let cell = if class { &self.class_atoms[i] } else { &self.word_atoms[i] };
        if cell.get() == 0 {
            cell.set(if class { atom(self.word_class(i)) ^ CLASS } else { atom(self.w(i)) } | 1);
        }
        cell.get()
    }

    /// Whether a person's name ends at token `i`.
    fn person_ends_at(&self, i: usize) -> bool {
        self.mention_ending.get(&i).is_some_and(|&(e, _)| self.doc.entities[e].kind == EntityKind::Person)
    }

    /// The token after the mention of entity `e` that runs from token `i`, before `end`.
    fn mention_end(&self, e: usize, i: usize, end: usize) -> usize {
        (i..end).find(|&j| self.mention_at[j] != Some(e)).unwrap_or(end)
    }

    /// The index of the sentence holding token `k`, if any.
    fn sentence_of_token(&self, k: usize) -> Option<usize> {
        self.sentence_at.get(k).copied().filter(|&s| s != usize::MAX)
    }

    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn span(&self, from: usize, to: usize) -> Span {
        self.doc.tokens[from].span.cover(self.doc.tokens[to - 1].span)
    }

    /// The last token of a span.
    fn last_token(&self, span: Span) -> usize {
        self.doc.token_at_or_after(span.end()) - 1
    }

    /// Whether the cue verb at `k` takes the particle or preposition after it, which
    /// opens what is said ("called for", "pointed out", "spoke of", "warned against").
    fn particle_after(&self, k: usize) -> bool {
        let next = self.w(k + 1);
        // "recorded about 2,000 cases": an "about" that hedges a figure belongs to the figure.
        if next == "about" && self.figure_starts_at(k + 1) {
            return false;
        }
        match self.w(k) {
            "called" | "calls" | "calling" => matches!(next, "for" | "on"),
            "pointed" | "points" | "pointing" => matches!(next, "out" | "to"),
            "spoke" | "speaks" | "speaking" | "talked" | "talks" | "talking" | "wrote" | "writes" | "complained" | "complains" | "joked" | "jokes"
            | "boasted" | "boasts" | "bragged" | "brags" | "wondered" | "wondering" => matches!(next, "about" | "of"),
            "warned" | "warns" | "warning" | "cautioned" | "cautions" => matches!(next, "about" | "of" | "against"),
            "referred" | "refers" | "referring" => next == "to",
            "agreed" | "agrees" | "disagreed" | "disagrees" | "sided" | "sides" => next == "with",
            // "railed against", "asked about", "laid out", "backed off": whatever the verb.
            _ => matches!(next, "about" | "against" | "out" | "off"),
        }
    }

    fn is_punct(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Punct))
    }

    /// Whether the listed cue verb at `k` reads as a cue here, not as a noun, an idiom or
    /// a passive with no one speaking.
    fn listed_verb_is_cue(&self, k: usize, sentence: std::ops::Range<usize>) -> bool {
        let w = self.w(k);
        // Verbs are written in lower case ("United States" holds no cue), and a form that is
        // also a noun ("states", "claims", "reports") is a cue only when what it says follows.
        // A headline in title case ends with its cue capitalised ("…, Lindsey Graham Says").
        let closes_headline = (k + 1..sentence.end).all(|i| self.doc.tokens[i].kind == TokenKind::Punct)
            && k > sentence.start
            // "Content, Name Says": a comma, then a name of a few capitalised words.
            && (k.saturating_sub(5).max(sentence.start)..k).rev().find(|&i| !self.doc.token_text(i).starts_with(char::is_uppercase)).is_some_and(|i| self.w(i) == "," && i + 1 < k)
            && matches!(w, "says" | "said" | "warns" | "claims" | "insists" | "admits" | "reveals" | "tells" | "confirms" | "denies");
        let lower_case = !self.doc.token_text(k).starts_with(char::is_uppercase) || closes_headline;
        // "rejecting a newspaper report": after "a" and a noun, a bare form is a noun.
        let after_article = k >= 2 && matches!(self.w(k - 2), "a" | "an") && !w.ends_with('s') && !w.ends_with("ed");
        // "A new poll shows Clinton leading": after a singular source noun, "-s" is its verb.
        let source_verb = w.ends_with('s')
            && k > sentence.start
            && is_source_noun(self.w(k - 1))
            && !self.w(k - 1).ends_with('s')
            && self.doc.tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word);
        // "in at least two states, Illinois and Arizona", "member states to counter": before
        // a comma or "to", a plural that no speaker precedes is a noun.
        let speaker_before = k > sentence.start && (self.may_speak(k - 1) || matches!(self.w(k - 1), "who" | "which" | "that"));
        let before_to = self.w(k + 1) == "to" && !INTENTIONS.contains(&w);
        // "Video of the incident shows him …", "Polls show Clinton leading": a record before,
        // a pronoun or a name after: the verb (a noun "shows" or "show" is rarely followed so).
        let next = k + 1;
        let record_shows = matches!(w, "shows" | "show")
            && (matches!(self.w(next), "he" | "she" | "they" | "him" | "her" | "them" | "it" | "we" | "us") || self.mention_at.get(next).copied().flatten().is_some())
            && (k.saturating_sub(10).max(sentence.start)..k).rev().take_while(|&i| !self.is_punct(i)).any(|i| is_source_noun(self.w(i)));
        // "Lynch notes they were …", "The minister, Mr. Guajardo, argues there is …": after a
        // person's name, "-s" is its verb.
        let named_speaker = w.ends_with('s') && k > sentence.start + 1 && (self.person_ends_at(k - 1) || self.w(k - 1) == "," && self.person_ends_at(k - 2));
        let source_verb = source_verb || record_shows || named_speaker;
        let bare_plural = AMBIGUOUS_CUES.contains(&w) && w.ends_with('s') && (self.w(k + 1) == "," || before_to) && !speaker_before;
        // "member states to counter", "swing states", "that states, led by West Virginia,":
        // the country's or union's states, not a verb.
        let polities = w == "states"
            && (matches!(self.w(k.wrapping_sub(1)), "member" | "united" | "swing" | "battleground" | "border" | "red" | "blue" | "gulf" | "baltic" | "island" | "nation" | "southern" | "northern" | "western" | "eastern" | "other" | "several" | "many" | "some" | "all" | "both")
                || self.w(k + 1) == "," && !matches!(self.w(k + 2), "“" | "\"" | ":"));
        let noun_form = polities
            || bare_plural
            || AMBIGUOUS_CUES.contains(&w) && after_article
            || AMBIGUOUS_CUES.contains(&w)
            && !source_verb
            && !matches!(self.w(k + 1), "that" | ":" | "“" | "\"" | "," | "to")
            && !(k > sentence.start && self.w(k - 1) != "," && self.only_trailer(k + 1, sentence.end, false) && self.doc.tokens[k - 1].kind == TokenKind::Word && !matches!(self.w(k - 1), "the" | "a" | "an" | "these" | "those" | "such" | "his" | "her" | "its" | "their"));
        let idiom = matches!(self.w(k.wrapping_sub(1)), "having" | "needless" | "so-called") || self.w(k.wrapping_sub(1)) == "be" && self.w(k.wrapping_sub(2)) == "that";
        // "58,114 infections reported in 41 countries": a passive participle after a word
        // that cannot speak, with no one speaking. Judged only for "-ed" cues (it is costly).
        let passive = || {
            let by_preposition = w.ends_with("ed")
                && matches!(self.w(k + 1), "in" | "by" | "at" | "across" | "from" | "over" | "during" | "to" | "since" | "among" | "as" | "for" | "with" | "under")
                && !self.in_time.get(k + 2).copied().unwrap_or(false)
                && !(self.w(k + 1) == "in" && MEDIA.contains(&self.w(k + 3)));
            if !by_preposition {
                return false;
            }
            // "has called for", "had also reported in": a perfect is active.
            let mut b = k.wrapping_sub(1);
            while b > sentence.start && b < k && in_verb_group(self.w(b)) && !BE_FORMS.contains(&self.w(b)) {
                if matches!(self.w(b), "has" | "have" | "had") {
                    return false;
                }
                b -= 1;
            }
            // "Blair, director of AROS, called for", "… but pledged to": closing an
            // appositive or joining a second verb, the participle has a subject before it.
            let joined = || matches!(self.w(b), "," | "and" | "but") && (sentence.start..b).any(|i| self.may_speak(i));
            let before_can_speak = k > sentence.start && (self.may_speak(b) || self.doc.token_text(b).starts_with(char::is_uppercase) || joined());
            !before_can_speak
        };
        // ("media reports", "news reports" are nouns; "state media claimed" is a verb.)
        let compound_noun = matches!(self.w(k.wrapping_sub(1)), "media" | "news") && AMBIGUOUS_CUES.contains(&w);
        let named_or_phoned = matches!(w, "called" | "calls") && !self.particle_after(k) && !self.calls_something_so(k, sentence.end);
        lower_case && !noun_form && !idiom && !passive() && !compound_noun && !named_or_phoned && !matches!(self.w(k.wrapping_sub(1)), "the" | "a" | "an" | "these" | "those")
    }

    /// Whether "called" at `k` has an object and then what it is called ("called it a
    /// sham", "called the vehicle a concept", "called his death “a crisis”"): the saying,
    /// not the naming ("a family of proteins called GPCRs", "The book, called …") nor the
    /// phoning ("called an ambulance", "called her up", "called the police").
    fn calls_something_so(&self, k: usize, end: usize) -> bool {
        let quote = |i: usize| matches!(self.w(i), "“" | "\"" | "‘" | "'");
        let object = k + 1;
        if object >= end {
            return false;
        }
        // "what he calls “hell”": the object came before; "has been called a charlatan":
        // the object is the subject.
        if k >= 2 && self.w(k - 2) == "what" || k >= 1 && BE_FORMS.contains(&self.w(k - 1)) && (quote(object) || is_determiner(self.w(object))) {
            return true;
        }
        // "called Friday for releasing the videos": a time before the particle.
        let mut after_time = object;
        while after_time < end && self.in_time[after_time] {
            after_time += 1;
        }
        if after_time > object && matches!(self.w(after_time), "for" | "on") {
            return true;
        }
        if matches!(self.w(object), "it" | "him" | "her" | "them" | "this" | "that" | "himself" | "herself" | "themselves" | "itself" | "us" | "me" | "you") {
            let predicate = object + 1;
            let word = predicate < end && self.doc.tokens[predicate].kind == TokenKind::Word;
            return quote(predicate)
                || matches!(self.w(predicate), "a" | "an" | "the" | "not" | "no") || POSSESSIVES.contains(&self.w(predicate))
                || word && !self.in_time[predicate] && !self.is_manner_adverb(predicate) && !is_function_word(self.w(predicate))
                    && !matches!(self.w(predicate), "up" | "back" | "out" | "in" | "on" | "to" | "at" | "about" | "over" | "again" | "before" | "after" | "because" | "when" | "while" | "so" | "or");
        }
        // A noun phrase, then a quotation, a second determiner or an adjective before any
        // punctuation ("called the charges unsubstantiated").
        let adjective = |i: usize| {
            let w = self.w(i);
            self.doc.token_text(i).starts_with(char::is_lowercase) && ["ed", "ous", "ful", "able", "ible", "less", "ive"].iter().any(|s| w.len() > s.len() + 3 && w.ends_with(s))
        };
        // (The phrase stops at a preposition or a function word: "proteins called GPCRs sits
        // in the membrane".)
        let phrase = (object..end.min(object + 12)).take_while(|&i| {
            let w = self.w(i);
            let joins = is_determiner(w) || matches!(w, "of" | "and" | "for" | "on") || self.in_time[i];
            quote(i) || matches!(w, "’s" | "'s" | "-") || !self.is_punct(i) && (joins || !is_function_word(w) && !matches!(w, "in" | "at" | "to" | "by" | "as" | "is" | "was" | "are" | "were"))
        });
        phrase.enumerate().any(|(n, i)| {
            n > 0 && (quote(i) || matches!(self.w(i), "a" | "an" | "the") && !is_determiner(self.w(i - 1)))
                || n > 1 && adjective(i) && !is_determiner(self.w(i - 1))
        })
    }

    /// Whether a figure starts at token `i`, with its hedge when it has one ("about 2,000
    /// cases" starts at "about").
    fn figure_starts_at(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| self.doc.quantities.iter().any(|q| q.span.start() == t.span.start()))
    }

    /// Whether token `i` ends something that can speak: a name, a role noun or a subject
    /// pronoun.
    fn may_speak(&self, i: usize) -> bool {
        self.mention_ending.contains_key(&i) || is_source_noun(self.w(i)) || is_subject_pronoun(self.w(i))
    }

    /// A claim whose cue starts at token `k`, and the token to continue from.
    fn cue_at(&self, k: usize, sentence: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        let w = self.w(k);
        // Beside the dash that signs a quote and the colon after a speaker, only a word
        // opens a cue (a quarter of the tokens are punctuation and figures).
        if self.doc.tokens[k].kind != TokenKind::Word {
            return if is_dash(w) {
                self.signed_quote(k)
            } else if w == ":" {
                self.speaker_colon(k, sentence)
            } else {
                None
            };
        }
        // No cue, listed or learned, is shorter than three letters (a fifth of the words).
        if w.len() < 3 {
            return None;
        }
        if w == "according" && self.w(k + 1) == "to" {
            return self.according_to(k, sentence);
        }
        if EVIDENTIAL_ADVERBS.contains(&w) {
            return self.evidential(k, k, sentence);
        }
        if self.w(k + 1) == "to" && k > sentence.start && EVIDENTIAL_PARTICIPLES.contains(&w) && BE_FORMS.contains(&self.w(k - 1)) {
            return self.evidential(k - 1, k, sentence);
        }
        // "did not respond to a request for comment", "replied to the letter": what follows
        // "to" is what was answered, not what was said; "… by saying (that) …" says it.
        let answering = matches!(w, "respond" | "responds" | "responded" | "reply" | "replies" | "replied") && self.w(k + 1) == "to";
        if answering {
            let by_saying = (k + 2..sentence.end).find(|&i| self.w(i) == "saying" && self.w(i - 1) == "by");
            if let Some(i) = by_saying {
                return self.participle(i, sentence);
            }
            if !(k + 2..sentence.end.min(k + 8)).any(|i| self.w(i) == "that") {
                return None;
            }
        }
        // "Trump is demanding …", "He’s claiming that …": the progressive of a listed cue.
        let progressive = k > sentence.start && matches!(self.w(k - 1), "is" | "are" | "was" | "were" | "’s" | "'s" | "’re" | "'re") && PROGRESSIVE_CUES.contains(&w);
        let listed = is_verb_cue(w) || progressive;
        if listed && self.listed_verb_is_cue(k, sentence.clone()) {
            return self.verb(k, sentence);
        }
        if k > sentence.start && self.w(k - 1) == "," && PARTICIPLE_CUES.contains(&w) {
            return self.participle(k, sentence);
        }
        // "began by saying he would …", "was fined for saying that …": the subject said it,
        // and "began" says nothing of its own.
        if w == "saying" && k > sentence.start && matches!(self.w(k - 1), "by" | "for" | "from" | "while") {
            return self.participle(k, sentence);
        }
        if self.w(k + 1) == "by" && PARTICIPLE_CUES.contains(&self.w(k + 2)) {
            return None;
        }
        // "…, citing a threat to public health": the subject gives its reason, a claim of
        // its own ("…, citing the port authority" is a link in a relay, see `cited`).
        if w == "citing" && k > sentence.start && self.w(k - 1) == "," && self.cited(k - 1, sentence.end).is_none() {
            return self.participle(k, sentence);
        }
        if self.w(k + 1) == "that" && NOMINAL_CUES.contains(&w) {
            if let Some(found) = self.nominal(k, sentence.clone()) {
                return Some(found);
            }
        }
        // Beyond the lexicon: a word the learned detector takes for a cue in this context.
        // ("citing X" is a link in the relay of the claim it follows, not a claim;
        // "speaking to veterans", "appearing on Fox": where and to whom, not what.)
        let occasion = matches!(w, "speaking" | "talking" | "appearing" | "testifying" | "addressing")
            && matches!(self.w(k + 1), "to" | "at" | "in" | "on" | "before" | "during" | "with");
        if !listed && !occasion && learned::cue_model().may_head(self.atom_at(k, false)) && !RELAYING_PARTICIPLES.contains(&w) && self.may_be_cue(k, sentence.start) {
            let mut features = Vec::with_capacity(24);
            self.cue_features(k, sentence.clone(), &mut features);
            // "Romania recorded about 2,000 cases": a figure as the object is a fact the
            // report states, not something said.
            let states_figure = k + 1 < sentence.end && self.figure_starts_at(k + 1);
            if !states_figure && learned::cue_model().is_cue(&features) {
                return if w.ends_with("ing") && self.w(k.wrapping_sub(1)) == "," { self.participle(k, sentence) } else { self.verb(k, sentence) };
            }
        }
        None
    }

    /// "According to X, …", "…, according to X, …" and "…, according to X."
    fn according_to(&self, k: usize, s: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        let source_from = k + 2;
        let mut source_to = source_from;
        while source_to < s.end && !matches!(self.w(source_to), "," | "." | ";" | ":" | "—" | "”" | "\"") && source_to - source_from < 12 {
            source_to += 1;
        }
        if source_to == source_from {
            return None;
        }
        // "According to Fingrid, the Finnish grid operator, repairs …": an appositive joins the source.
        if self.w(source_to) == "," {
            // A name describes a role ("the regional governor, Oleh Syniehubov,"); after a
            // name, a second name is the content's subject ("OVD-Info, Petrov, 34, was …").
            let source_is_named = self.mention_ending.contains_key(&(source_to - 1));
            if let Some(end) = self.appositive(source_to + 1, s.end).filter(|_| !source_is_named || matches!(self.w(source_to + 1), "the" | "a" | "an")) {
                source_to = end;
            }
        }
        let source = self.source_phrase(source_from, source_to);
        let cue = self.span(k, k + 2);
        // "According to Reuters, which cited two security sources, the strike …": the
        // cited source is one more link in the relay, and the content follows it.
        let cited = self.cited(source_to, s.end).filter(|&(_, close)| self.w(close) == ",");
        let source_to = cited.map_or(source_to, |(_, close)| close);
        let opening_comma = k > s.start && self.w(k - 1) == ",";
        let fronted = k == s.start || self.is_sentence_opener(k, s.start);
        // "…, according to X, who said …": the source's own clause follows, not the content.
        let relative_after = matches!(self.w(source_to + 1), "who" | "which" | "whose");
        // "…, according to their attorneys, and said …": what follows continues the sentence
        // before; that sentence is what the source said.
        let continues = matches!(self.w(source_to + 1), "and" | "but" | "more" | "less" | "up" | "down" | "while" | "as");
        let (from, to) = if fronted || opening_comma && !relative_after && !continues && self.w(source_to) == "," && source_to + 1 < s.end && !self.ends_sentence(source_to + 1, s.end) {
            // Fronted or parenthetical: the content follows the source.
            let from = source_to + 1;
            let relative = opening_comma && k >= 2 && matches!(self.w(k - 2), "who" | "which" | "that");
            let to = if relative { self.next_comma(from, s.end) } else { self.clause_end(from, s.end) };
            (from, to)
        } else if opening_comma {
            // Postposed: the content is the sentence before it.
            (s.start, k - 1)
        } else if k > s.start + 2 && self.ends_sentence(source_to, s.end) {
            // "… — or flat out wrong — according to the journal.", "… last year according to
            // official figures.": closing the sentence, it needs no comma.
            (s.start, if is_dash(self.w(k - 1)) || self.w(k - 1) == "-" { k - 1 } else { k })
        } else {
            return None;
        };
        let mut claim = self.claim(from, to, Some(source), cue, false)?;
        if let Some((cited, _)) = cited {
            claim.relay.push(self.doc.slice(cited).to_string());
        }
        Some((claim, source_to))
    }

    /// "X said (that) …", "…, X said.", "“…,” said X."
    fn verb(&self, k: usize, s: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        let particle = self.particle_after(k);
        let cue = if particle { self.span(k, k + 2) } else { self.doc.tokens[k].span };
        let left = self.source_left(k, s.start);
        // "“What can I say?”", "“You say you accept responsibility …”": a speaker quoted
        // talking of their own or their listener's words reports nothing.
        if self.in_quote[k] && left.as_ref().is_some_and(|l| matches!(self.doc.slice(l.span).to_lowercase().as_str(), "i" | "we" | "you")) {
            return None;
        }
        if let Some(claim) = left.as_ref().and_then(|source| self.colon_quote(k, s.end, source, cue)) {
            return Some((claim, s.end));
        }
        let ends_sentence = self.only_trailer(k + 1, s.end, matches!(self.w(k), "told" | "tells"));
        // "“…,” said the minister." / "…, said X."
        let (source, inverted_end) = match left {
            Some(src) => (Some(src), None),
            None => {
                let after = k + 1;
                let mut end = after;
                // A name may hold glued hyphens ("Holtz-Eakin").
                let name_hyphen = |i: usize| self.w(i) == "-" && !self.doc.tokens[i].space_before && self.doc.tokens.get(i + 1).is_some_and(|t| !t.space_before);
                while end < s.end && (!self.is_punct(end) || name_hyphen(end)) && end - after < 8 {
                    end += 1;
                }
                let name_end = end;
                // "said Rep. Joseph Crowley (D-N.Y.), a leading advocate …": a bracket after the name.
                if self.w(end) == "(" {
                    if let Some(close) = (end..s.end.min(end + 12)).find(|&i| self.w(i) == ")") {
                        end = close + 1;
                    }
                }
                // "…, said Klaus Wohlrabe, head of surveys at Ifo.": an appositive may close the sentence.
                // "…, said Douglas Holtz-Eakin, an economist who served as …": the appositive runs to the end.
                // "“…,” said Smith, “and …”": the quote resumes after the name.
                let resumes_quote = self.w(end) == "," && matches!(self.w(end + 1), "“" | "\"");
                // "…, said Mr. Kamin, who emphasized that …": a relative clause with a cue of its
                // own is a second claim, not part of the source.
                let own_cue = matches!(self.w(end + 1), "who" | "which") && (end + 2..s.end.min(end + 5)).any(|i| is_verb_cue(self.w(i)));
                let closing_appositive = self.w(end) == "," && end + 1 < s.end && !resumes_quote && !own_cue;
                let sentence_end = self.before_punct(end, s.end);
                let source_end = if closing_appositive { sentence_end } else { name_end };
                let after_quote_or_comma = k > s.start && matches!(self.w(k - 1), "," | "”" | "\"" | "'" | "’");
                // A noun phrase, not a clause: "…, said that the campaign was taking a look."
                // Nor a preposition or an object ("…, he said to the crowd", "compared him favorably to …").
                let noun_phrase = !matches!(self.w(after), "that" | "to" | "of" | "in" | "on" | "at" | "for" | "with" | "from" | "by" | "about" | "him" | "her" | "them" | "us" | "me" | "not" | "as")
                    && (after..name_end).all(|i| !in_verb_group(self.w(i)) || self.w(i).ends_with("ly"));
                if end > after && (self.only_trailer(end, s.end, false) || closing_appositive || resumes_quote || own_cue) && after_quote_or_comma && noun_phrase {
                    (Some(self.source_phrase(after, source_end)), Some(source_end))
                } else {
                    (None, None)
                }
            }
        };
        let source = source?;
        // "Bloomberg, citing unnamed officials, reported …": a source cited between the
        // source and its cue is one more link in the relay.
        let cited_between = self.cited(self.doc.token_at_or_after(source.span.end()), k).filter(|&(_, close)| close + 1 == k);
        let relay_cited_between = |claim: &mut Claim| {
            if let Some((cited, _)) = cited_between {
                claim.relay.push(self.doc.slice(cited).to_string());
            }
        };
        // "…, the World Food Programme said, the first …": a reporting clause set off by
        // commas in mid-sentence reports what came before it.
        let mut source_first = self.doc.token_at_or_after(source.span.start()).min(k);
        while source_first > s.start && matches!(self.w(source_first - 1), "the" | "a" | "an") {
            source_first -= 1;
        }
        let after_trailer = self.trailer_end(k + 1, s.end, matches!(self.w(k), "told" | "tells"));
        // "“…,” the mayor said, adding that …": a quotation closed by its comma before the
        // source is what was said, whatever follows.
        let quote_closed = source_first > s.start + 1
            && matches!(self.w(source_first - 1), "”" | "\"" | "’")
            && (self.w(source_first - 2) == "," || dossier_text::is_exclamation_or_question(self.w(source_first - 2)));
        let parenthetical = self.w(after_trailer) == "," && source_first > s.start && (self.w(source_first - 1) == "," || quote_closed);
        if ends_sentence || inverted_end.is_some() || parenthetical {
            // The content came first: up to the comma (and quote) before the source. A source
            // phrase runs back to that comma ("…, the independent Re:Russia think tank estimated").
            let mut source = source;
            if inverted_end.is_none() {
                if let Some(mut c) = (source_first.saturating_sub(6).max(s.start)..source_first).rev().find(|&i| matches!(self.w(i), "," | "”" | "\"" | "'" | "’")) {
                    while c + 1 < source_first && self.is_punct(c + 1) {
                        c += 1;
                    }
                    if c + 1 < source_first && (c + 1..source_first).all(|i| !is_verb_cue(self.w(i))) {
                        let end = self.doc.token_at_or_after(source.span.end());
                        source = Source { span: self.span(c + 1, end), ..source };
                        source_first = c + 1;
                    }
                }
                // "…, the regional agriculture minister, Carmen Ortiz, said": the role before the name is the source's too.
                if source_first > s.start + 2 && self.w(source_first - 1) == "," {
                    let role = (source_first.saturating_sub(9).max(s.start)..source_first - 1).rev().find(|&i| self.w(i) == ",").filter(|&c| {
                        let words = c + 1..source_first - 1;
                        (is_determiner(self.w(c + 1)) || self.possessor(c + 1, source_first - 1).is_some())
                            && words.clone().any(|i| is_source_noun(self.w(i)) || PERSON_TITLE_WORDS.contains(&self.w(i)))
                            && words.clone().all(|i| !is_verb_cue(self.w(i)))
                    });
                    if let Some(c) = role {
                        let end = self.doc.token_at_or_after(source.span.end());
                        source = Source { span: self.span(c + 1, end), ..source };
                        source_first = c + 1;
                    }
                }
            }
            let mut to = source_first;
            while to > s.start && matches!(self.w(to - 1), "," | "”" | "\"" | "’" | "'") {
                to -= 1;
            }
            // "“How many times …?” Clinton said.": a quoted question or exclamation closed its
            // own sentence; what was said is that quote.
            let (from, to) = match self.quote_before(s.start).filter(|_| to <= s.start + 1) {
                Some(quote) => quote,
                // "“It makes no sense. The model doesn’t work here,” he said.": a quote opened
                // in an earlier sentence of the paragraph is said whole.
                None if self.in_quote[s.start] => {
                    let paragraph = self.paragraph_tokens(s.start).map_or(s.start, |p| p.start);
                    let open = (paragraph..s.start).rev().find(|&i| matches!(self.w(i), "“" | "\"")).unwrap_or(s.start);
                    (open, to)
                }
                None => (s.start, to),
            };
            let quoted = matches!(self.w(from), "“" | "\"");
            let mut claim = self.claim(from, to, Some(source), cue, quoted)?;
            relay_cited_between(&mut claim);
            self.relay_through_addressee(&mut claim, k, s.end);
            // "…, Meridian Wire reported, citing the port authority."
            if let Some((cited, _)) = self.cited(after_trailer, s.end) {
                claim.relay.push(self.doc.slice(cited).to_string());
            }
            return Some((claim, inverted_end.unwrap_or(k + 1)));
        }
        let mut from = k + 1;
        if matches!(self.w(k), "told" | "tells") {
            from = self.skip_object(from, s.end);
        }
        // "warned voters that …", "assured the court that …": past whom it was said to.
        if matches!(self.w(k), "warned" | "warns" | "warning" | "reminded" | "reminds" | "reminding" | "assured" | "assures" | "assuring" | "informed" | "informs" | "convinced" | "promised" | "promises" | "promising" | "advised" | "notified" | "persuaded") {
            let mut object = (from..s.end.min(from + 7)).take_while(|&i| !self.is_punct(i) && (self.w(i) == "that" || !in_verb_group(self.w(i))));
            from = object.find(|&i| self.w(i) == "that").unwrap_or(from);
        }
        // "says of Clinton, “If she gets the chance …”": whom it is about, then what is said.
        if self.w(from) == "of" {
            if let Some(comma) = (from + 1..s.end.min(from + 6)).find(|&i| self.w(i) == ",") {
                from = comma + 1;
            }
        }
        // "said in a video address that …": past the medium and time of the report.
        if self.w(from) != "," {
            from = self.trailer_end(from, s.end, false);
        }
        if particle {
            from += 1;
        }
        // "Bloomberg reported, citing people familiar with the matter, that …": the cited
        // source is one more link in the relay.
        let cited = self.cited(from, s.end).filter(|&(_, close)| self.w(close) == ",");
        if let Some((_, close)) = cited {
            from = close;
        }
        while from < s.end && (self.in_time[from] || matches!(self.w(from), "that" | ":" | "on" | "in" | "," | "last" | "this")) {
            if matches!(self.w(from), "on" | "in") && !self.in_time.get(from + 1).copied().unwrap_or(false) {
                break;
            }
            from += 1;
        }
        let quoted = matches!(self.w(from), "“" | "\"");
        let mut to = if quoted { self.closing_quote(from + 1, s.end) } else { self.clause_end(from, s.end) };
        // Said inside a quote ("“… Trump said Hispanics live in hell.” ― Pamela Padilla"):
        // what is said ends where the quote does.
        if !quoted && self.in_quote[k] {
            to = (from..to).find(|&i| matches!(self.w(i), "”" | "\"")).unwrap_or(to);
        }
        let mut claim = self.claim(from, to, Some(source), cue, quoted)?;
        relay_cited_between(&mut claim);
        self.relay_through_addressee(&mut claim, k, s.end);
        // "… reported that 40 ships are stuck, citing the port authority."
        let cited = cited.or_else(|| self.cited(to, s.end));
        if let Some((cited, _)) = cited {
            claim.relay.push(self.doc.slice(cited).to_string());
        }
        // Go on right after the cue: a later reporting clause may frame this one.
        Some((claim, k + 1))
    }

    /// The tokens of the sentence before the one starting at token `start`, when it is a
    /// quotation alone in the same paragraph.
    fn quote_before(&self, start: usize) -> Option<(usize, usize)> {
        let here = self.sentence_of_token(start)?;
        let before = self.sentences[here.checked_sub(1)?].clone();
        let paragraph = |i: usize| self.doc.paragraph_of(self.doc.tokens[i].span.start());
        let whole_quote = before.len() > 2 && matches!(self.w(before.start), "“" | "\"") && matches!(self.w(before.end - 1), "”" | "\"");
        (whole_quote && paragraph(before.start) == paragraph(start)).then_some((before.start, before.end))
    }

    /// "Trump’s claim that …", "his insistence that …", "the ministry’s estimate that …":
    /// a noun of saying or believing, its owner the source, its "that" clause the content.
    fn nominal(&self, k: usize, s: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        let before = k.checked_sub(1).filter(|&i| i > s.start)?;
        let source = match self.w(before) {
            "his" | "her" | "its" | "their" => self.referent_source(before)?,
            "’s" | "'s" => {
                let first = self.phrase_start(before, s.start);
                (first < before).then(|| self.source_phrase(first, before))?
            }
            _ => return None,
        };
        let from = k + 2;
        let to = self.clause_end(from, s.end);
        let claim = self.claim(from, to, Some(source), self.doc.tokens[k].span, false)?;
        Some((claim, k + 1))
    }

    /// Whether what is cited from token `from` to `to` is someone or something that speaks
    /// ("citing people familiar with the matter", "citing a Reuters report"), not a reason
    /// ("citing a threat to public health"): its head, before any "of", "that" or
    /// possessive, is a role noun or a name.
    fn cites_a_source(&self, from: usize, to: usize) -> bool {
        let head_end = (from..to).find(|&i| matches!(self.w(i), "of" | "that" | "’s" | "'s" | "about" | "for" | "over")).unwrap_or(to);
        // A name that starts in the head speaks, however long ("the Port of Gdansk Authority").
        (from..head_end).any(|i| is_source_noun(self.w(i)) || self.mention_at[i].is_some())
    }

    /// ", citing X" (or "quoting X", ", which cited X", ", who quoted X") at token `at`: X,
    /// and the comma or sentence end closing it, when X is a source (see [`Self::cites_a_source`]).
    fn cited(&self, at: usize, end: usize) -> Option<(Span, usize)> {
        let relative = matches!(self.w(at + 1), "which" | "who");
        let verb = at + 1 + usize::from(relative);
        let cites = if relative { matches!(self.w(verb), "cited" | "quoted" | "cites" | "quotes") } else { RELAYING_PARTICIPLES.contains(&self.w(verb)) };
        if !(self.w(at) == "," && cites) {
            return None;
        }
        let first = verb + 1;
        let close = self.before_punct(first, (first..end.min(first + 14)).find(|&i| self.w(i) == ",").unwrap_or(end));
        (close > first && (close == end || self.w(close) == "," || self.ends_sentence(close, end)) && self.cites_a_source(first, close)).then(|| (self.span(first, close), close))
    }

    /// ", saying (that) …": the content follows, the source is the sentence's subject.
    fn participle(&self, k: usize, s: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        // "…, its works council confirmed on Saturday, adding that …": the reporter before it speaks on.
        let reporter = (s.start..k).rev().filter(|&j| is_verb_cue(self.w(j))).find_map(|j| self.source_left(j, s.start));
        let source = reporter.or_else(|| self.subject(s.start, k))?;
        let mut from = k + 1;
        if self.w(from) == "that" {
            from += 1;
        }
        let quoted = matches!(self.w(from), "“" | "\"");
        // ("…,” Tester said, referring to the excuse, “you give …”: the quote resumed in
        // lower case after the phrase goes on with the earlier quote, not what the
        // participle says; after an adverb alone it is what is said: "…, adding later, “…”".)
        let resumed_quote = self
            .quote_resumed_after(k, s.end)
            .filter(|&comma| (from..comma).any(|i| !self.is_manner_adverb(i) && !self.in_time[i] && !self.is_punct(i)))
            .filter(|_| (s.start..k).any(|i| matches!(self.w(i), "”" | "\"")));
        let to = if quoted { self.closing_quote(from + 1, s.end) } else { self.clause_end(from, resumed_quote.unwrap_or(s.end)) };
        let claim = self.claim(from, to, Some(source), self.doc.tokens[k].span, quoted)?;
        Some((claim, to))
    }

    /// The sentence's subject before token `k`: its first name, role noun or pronoun.
    fn subject(&self, start: usize, k: usize) -> Option<Source> {
        let first = (start..k).find(|&i| self.mention_at[i].is_some() || is_source_noun(self.w(i)) || self.pronoun_source(i).is_some())?;
        if let Some(pronoun) = self.pronoun_source(first) {
            return Some(pronoun);
        }
        let mut subject_end = self.noun_phrase_end(first, k);
        let from = self.phrase_start(subject_end, start);
        // "Rendell, a Clinton surrogate, said … and called it …": the appositive belongs
        // to the subject, as it does to the first verb's source.
        if self.w(subject_end) == "," {
            subject_end = self.appositive(subject_end + 1, k).unwrap_or(subject_end);
        }
        Some(self.source_phrase(from, subject_end))
    }

    /// The end of the noun phrase opened by token `first` (a name or a role noun), before
    /// `k`: on through names, role nouns, capitalised words, and a word and role noun that
    /// title a name ("British Prime Minister Theresa May", "Democratic presidential nominee
    /// Hillary Clinton"); not into a time ("Trump Monday said") or a verb.
    fn noun_phrase_end(&self, first: usize, k: usize) -> usize {
        let word = |i: usize| {
            let w = self.w(i);
            self.doc.tokens[i].kind == TokenKind::Word && !self.in_time[i] && !is_function_word(w) && !is_verb_cue(w) && !in_verb_group(w)
        };
        let mut end = first;
        while end < k {
            if let Some(e) = self.mention_at[end] {
                end = self.mention_end(e, end, k);
            } else if word(end) && (is_source_noun(self.w(end)) || self.doc.token_text(end).starts_with(char::is_uppercase)) {
                end += 1;
            } else if end + 2 < k && word(end) && is_source_noun(self.w(end + 1)) && self.mention_at[end + 2].is_some() {
                end += 2;
            } else {
                break;
            }
        }
        end.max(first + 1)
    }

    /// "reportedly …", "are believed to …": the content is the clause around the cue.
    fn evidential(&self, first: usize, participle: usize, s: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        // "It is believed that …"
        if self.w(first.wrapping_sub(1)) == "it" && self.w(participle + 1) == "that" {
            let claim = self.claim(participle + 2, self.clause_end(participle + 2, s.end), None, self.doc.tokens[participle].span, false)?;
            return Some((claim, participle + 1));
        }
        let mut from = self.clause_start(first, s.start);
        // "The largest shareholder, the fund Nordkap, is reportedly …": a clause of only its
        // verb has its subject before the appositive.
        if from > s.start && (from..first).all(|i| in_verb_group(self.w(i))) {
            let appositive = self.clause_start(from - 1, s.start);
            let noun_phrase = matches!(self.w(appositive), "the" | "a" | "an") && (appositive..from - 1).all(|i| !in_verb_group(self.w(i)));
            if appositive > s.start && noun_phrase {
                from = self.clause_start(appositive - 1, s.start);
            }
        }
        let to = self.clause_end(first, s.end);
        let claim = self.claim(from, to, None, self.doc.tokens[participle].span, false)?;
        Some((claim, participle + 1))
    }

    /// Builds a claim over tokens `[from, to)`, trimmed of edge punctuation.
    fn claim(&self, mut from: usize, to: usize, source: Option<Source>, cue: Span, quoted: bool) -> Option<Claim> {
        while from < to && self.is_punct(from) {
            from += 1;
        }
        let mut to = self.before_punct(from, to);
        from = self.dateline_end(from).filter(|&after| after < to).unwrap_or(from);
        // "…, without providing evidence", "…, without elaborating": the reporter's remark.
        if let Some(comma) = (from..to).find(|&i| self.w(i) == "," && self.w(i + 1) == "without" && self.w(i + 2).ends_with("ing")) {
            to = comma;
        }
        // "… said they plan to attend, according to an organizer": the closing attribution
        // wraps the whole report, and is no part of what was said.
        let according = |i: usize| self.w(i) == "," && self.w(i + 1) == "according" && self.w(i + 2) == "to";
        if !self.is_according_to(cue) {
            if let Some(comma) = (from..to).find(|&i| according(i)) {
                to = comma;
            }
        }
        // One word is too little to be a claim, unless quoted ("“Hopefully,” the president
        // said, “this museum …”").
        if to <= from || to == from + 1 && !quoted {
            return None;
        }
        let content = self.span(from, to);
        let cue_word = self.w(self.last_token(cue));
        // "denied that …" denies; "rejected the plan" opposes, and only "rejected claims that …" denies.
        let denies_claim = cue_word.starts_with("den") || cue_word.starts_with("refut")
            || self.doc.token_range(content).next().is_some_and(|first| CLAIM_NOUNS.contains(&self.w(first)) || CLAIM_NOUNS.contains(&self.w(first + 1)));
        let polarity = if DENIALS.contains(&cue_word) && denies_claim { Polarity::Negative } else { Polarity::Positive };
        let relay = source.as_ref().map(|s| self.relay(s)).unwrap_or_default();
        Some(Claim { source, cue: Some(cue), polarity, quoted, relay, ..Claim::new(content) })
    }

    /// Whether a claim's cue is negated, and whether its source keeps from saying it: a
    /// telling or an open question negated ("did not say", "would not confirm", "don't know
    /// how many") or refused ("declined to say"), or the cue the refusal itself, of a
    /// telling ("declined to comment on …", "refused to confirm …").
    fn negation(&self, claim: &Claim) -> Negation {
        let Some(cue) = claim.cue else { return Negation::None };
        let cue_tokens = self.doc.token_range(cue);
        let first = self.verb_group_start(cue_tokens.start, 0);
        let negated = (first..cue_tokens.end).any(|i| matches!(self.w(i), "not" | "n't" | "n’t" | "never"));
        let head = self.w(cue_tokens.end - 1);
        let opens = self.doc.token_at_or_after(claim.content.start());
        let refuses_telling = is_refusal(head) && self.w(opens) == "to" && is_telling(self.w(opens + 1));
        let refused = first >= 2 && self.w(first - 1) == "to" && is_refusal(self.w(first - 2));
        // "The researchers don't know how many …": an open question, negated, claims nothing.
        let open_question = matches!(self.w(opens), "whether" | "if" | "how" | "what" | "who" | "when" | "where" | "why" | "which");
        if refuses_telling || (is_telling(head) || open_question) && (negated || refused) {
            Negation::Withheld
        } else if negated {
            Negation::Negated
        } else {
            Negation::None
        }
    }

    /// "sources told Reuters": the outlet told is a link in the relay, between the
    /// publishing outlet and the source.
    fn relay_through_addressee(&self, claim: &mut Claim, k: usize, end: usize) {
        let is_outlet = |i: usize| self.mention_at[i].filter(|&e| self.doc.entities[e].kind == EntityKind::Outlet);
        let told = matches!(self.w(k), "told" | "tells").then(|| (k + 1..end.min(k + 7)).take_while(|&i| !self.is_punct(i)).find_map(is_outlet)).flatten();
        // "In an interview with the BBC, a NATO official said": the outlet interviewed relays too.
        let start = self.sentences[self.sentence_of_token(k).unwrap_or(0)].start;
        let interviewed = (start..k.saturating_sub(1))
            .find(|&i| matches!(self.w(i), "interview" | "interviews") && self.w(i + 1) == "with")
            .and_then(|i| (i + 2..(i + 5).min(k)).find_map(is_outlet));
        let outlet = told.or(interviewed);
        if let Some(e) = outlet {
            claim.relay.insert(0, self.doc.entities[e].name.clone());
        }
    }

    /// The source to the left of a verb cue, if there is one.
    fn source_left(&self, k: usize, start: usize) -> Option<Source> {
        let mut j = k;
        let mut relative = false;
        let mut described = false;
        // An appositive or bracket right after the source belongs to its words ("Brian
        // Fallon, the campaign’s press secretary,", "Sen. Lindsey Graham (R-S.C.)"): the
        // tokens they cover, first to last.
        let mut attached: Option<(usize, usize)> = None;
        let mut attach = |from: usize, to: usize| match attached {
            None => attached = Some((from, to)),
            Some((first, last)) if first == to => attached = Some((from, last)),
            Some(_) => {}
        };
        // Skip auxiliaries, adverbs, times and relative pronouns between source and cue.
        loop {
            if j <= start {
                return None;
            }
            let w = self.w(j - 1);
            // "The latest opinion poll released Friday shows": a participle and its time after
            // a source noun modify it.
            let dated_participle = w.ends_with("ed") && j >= 2 && j - 2 >= start && is_source_noun(self.w(j - 2)) && self.in_time.get(j).copied().unwrap_or(false);
            // "He’s claiming", "they’ve said": a contracted auxiliary after a pronoun (not a
            // passive: "it’s called", "she’s found").
            let contracted = (matches!(w, "’ve" | "'ve") || matches!(w, "’s" | "'s" | "’re" | "'re") && self.w(k).ends_with("ing"))
                && j >= 2
                && matches!(self.w(j - 2), "he" | "she" | "it" | "they" | "we" | "you");
            // "Merkley, Brown and Menendez all suggested", "which together vowed": a
            // quantifier floating after who speaks.
            let floating = matches!(w, "all" | "each" | "together") && j >= start + 2 && (self.may_speak(j - 2) || matches!(self.w(j - 2), "which" | "who"));
            if self.in_time[j - 1] || BETWEEN_SOURCE_AND_CUE.contains(&w) || in_verb_group(w) && self.mention_at[j - 1].is_none() || dated_participle || contracted || floating {
                j -= 1;
            } else if matches!(w, "which" | "who" | "that") && j - 1 > start {
                j -= 1;
                relative = true;
                // "the study -- which notes that …" as "the study, which notes …".
                if self.w(j - 1) == "," || is_dash(self.w(j - 1)) && w != "that" {
                    j -= 1;
                }
            } else if let Some(&(e, first)) = (w == "," && j >= 2).then(|| self.mention_ending.get(&(j - 2))).flatten().filter(|&&(e, first)| {
                first > start && self.w(first - 1) == "," && self.doc.entities[e].kind == EntityKind::Person
            }) {
                // "one of the family's attorneys, Justin Bamberg, said": the name set off in
                // commas, with the phrase before it that says who they are ("The state’s
                // campaign chairman, Phil Lovas,"; not "In Tulsa, Justin Bamberg,").
                let comma = first - 1;
                let opens = (start..comma).rev().find(|&i| matches!(self.w(i), "," | ";" | ":" | "“" | "”" | "\"")).map_or(start, |i| i + 1);
                let head = self.w(opens);
                let describes = is_determiner(head) || matches!(head, "another" | "one") || SOURCE_MODIFIERS.contains(&head) || self.mention_at[opens].is_some() && (opens + 1..comma).any(|i| is_source_noun(self.w(i)));
                let role = (opens..comma).any(|i| is_source_noun(self.w(i)) || PERSON_TITLE_WORDS.contains(&self.w(i)));
                let clean = (opens..comma).all(|i| !is_verb_cue(self.w(i)) && !BE_FORMS.contains(&self.w(i)));
                let from = if describes && role && clean && comma - opens <= 12 && opens < comma { opens } else { first };
                return Some(Source { entity: Some(e), span: self.span(from, j - 1) });
            } else if let Some(open) = (w == ",").then(|| self.relative_clause_before(j - 1, start).or_else(|| self.appositive_before(j - 1, start))).flatten() {
                // "Jochen Hanebeck, who took over last year, said", "Meeks, chairman of the
                // caucus, said", "Trump, speaking to veterans, said": look past the clause.
                // Only a noun phrase naming who they are: not "Trump, speaking to veterans,"
                // nor "Clinton, at Monday’s debate,".
                let first = self.w(open + 1);
                let describes = self.describes_before(open, j - 1);
                // A relative clause describes its antecedent too ("Rucker Culpepper, who runs
                // the effort, said"): the source is the whole phrase, as an appositive.
                let relative_clause = matches!(first, "who" | "which" | "whose");
                if (describes || relative_clause) && !first.ends_with("ing") {
                    attach(open, j - 1);
                }
                j = open;
                // "Schiff, 56, who has served …, told": an age between the name and its clause.
                if j >= start + 3 && self.w(j - 2) == "," && self.w(j - 1).bytes().all(|b| b.is_ascii_digit()) {
                    j -= 2;
                }
                // "Michael Mulgrew, president of the union, which represents teachers, said":
                // the comma that opens the clause also closes a description of a person
                // named before it.
                if let Some(before) = self.appositive_before(j, start).filter(|&before| (describes || relative_clause) && before > start && self.person_ends_at(before - 1) && self.describes_before(before, j)) {
                    attach(before, j);
                    j = before;
                }
                described |= first == "who" || describes;
            } else if let Some((open, close)) = self.dash_aside_before(j, start).filter(|&(open, _)| self.mention_ending.contains_key(&(open - 1))) {
                // "Rick Tyler — a former aide to Ted Cruz — said", "Kall -- co-editor of … --
                // said": an aside in dashes after a name is its description.
                attach(open, close);
                j = open;
            } else if w == ")" {
                // "Gov. Pat McCrory (R) said"
                match (start..j - 1).rev().find(|&i| self.w(i) == "(") {
                    Some(open) => {
                        attach(open, j);
                        j = open;
                    }
                    None => break,
                }
            } else if w == "," && j - 1 > start && self.in_time[j - 2] {
                j -= 1;
            } else {
                break;
            }
        }
        // "Cruz exhorted Republicans … and said", "… and has called for", "…, but also
        // contended that": a coordinated verb, past its auxiliaries and adverbs, reports for
        // the subject (not a passive: "… and are charged the taker fee").
        if j > start + 1 && matches!(self.w(j - 1), "and" | "but") && (j..k).all(|i| !BE_FORMS.contains(&self.w(i))) {
            return self.subject(start, k);
        }
        // A capitalised word opening the sentence is a name when a "who" clause or an
        // appositive describes it, known to the name finder or not ("Schiff, who has served
        // …, told", "Rendell, a Clinton surrogate, said").
        let source = if described && j == start + 1 && self.doc.token_text(start).starts_with(char::is_uppercase) {
            self.source_phrase(start, j)
        } else {
            self.source_ending(j, k, start, relative)?
        };
        match attached {
            Some((first, last)) if self.doc.token_at_or_after(source.span.end()) == first => Some(Source { span: source.span.cover(self.span(first, last)), ..source }),
            _ => Some(source),
        }
    }

    /// The source phrase ending at token `end`, before the cue at `k` (and relative
    /// pronoun, when `relative`).
    fn source_ending(&self, end: usize, k: usize, start: usize, relative: bool) -> Option<Source> {
        let w = self.w(end - 1);
        if let Some(pronoun) = self.pronoun_source(end - 1) {
            return Some(pronoun);
        }
        // "I believe": the writer, in an op-ed or letter (a speaker quoted saying "I" is
        // judged in `verb`; "we" is as often the newsroom asking as anyone claiming).
        if w == "i" && !self.in_quote[end - 1] {
            return Some(Source { entity: None, span: self.doc.tokens[end - 1].span });
        }
        // "Another 19 percent said": a figure speaks (a share of those polled).
        if let Some(q) = self.doc.quantities.iter().find(|q| q.span.end() == self.doc.tokens[end - 1].span.end() || q.unit_span.is_some_and(|u| u.end() == self.doc.tokens[end - 1].span.end())) {
            let mut first = self.doc.token_at_or_after(q.span.start());
            // "Nearly eight of 10 voters", "about eight out of 10": the share's first figure
            // with its hedge.
            let of = if first >= start + 3 && self.w(first - 1) == "of" && self.w(first - 2) == "out" { first - 2 } else { first - 1 };
            if first >= start + 2 && self.w(first - 1) == "of" && of > start {
                let before = self.doc.tokens[of - 1].span.end();
                if let Some(share) = self.doc.quantities.iter().find(|q| q.span.end() == before) {
                    first = self.doc.token_at_or_after(share.span.start()).max(start);
                }
            }
            let from = if first > start && matches!(self.w(first - 1), "another" | "the" | "some" | "about" | "only" | "just") { first - 1 } else { first };
            return Some(Source { entity: None, span: self.span(from, end) });
        }
        // (Opening the sentence, a capitalised word may be any word; right before a cue and
        // its "that" or particle it is the subject: "MSNBC suggested that …", "Delegates
        // questioned how …", "Palmieri called on Trump to …".)
        let proper = self.doc.token_text(end - 1).starts_with(char::is_uppercase)
            && (end - 1 > start || end == k && (matches!(self.w(k + 1), "that" | "whether" | "how" | "why") || self.particle_after(k)) && !is_function_word(w) && !matches!(w, "we" | "you" | "i"));
        // "Some believe …", "all agreed that …", "many of whom say …": a quantifier standing
        // for people, opening its clause.
        let counted = match (self.w(end - 1), end.checked_sub(3)) {
            ("whom" | "them", Some(q)) if q >= start && self.w(q + 1) == "of" && QUANTIFIER_SOURCES.contains(&self.w(q)) => Some(q),
            (w, _) if QUANTIFIER_SOURCES.contains(&w) => Some(end - 1),
            _ => None,
        };
        if let Some(q) = counted.filter(|&q| q == start || matches!(self.w(q - 1), "," | ";" | "and" | "but" | "then")) {
            return Some(Source { entity: None, span: self.span(q, end) });
        }
        if is_source_noun(w) || self.mention_ending.contains_key(&(end - 1)) || proper {
            let mut from = self.phrase_start(end, start);
            if from == end && proper {
                from = end - 1;
            }
            // "Economists polled by Reuters": the people polled speak, the poller relays.
            if from >= start + 3 && self.w(from - 1) == "by" && self.w(from - 2).ends_with("ed") && is_source_noun(self.w(from - 3)) {
                from = self.phrase_start(from - 2, start);
            }
            if from < end {
                // "attorneys for the family", "Experts on North Korea": a role noun with its complement.
                match self.role_with_complement(from, start) {
                    Some(role) => return Some(self.source_phrase(role, end)),
                    // "efforts to strengthen ties with global pariah North Korea appeared": the
                    // name is the object of a preposition inside the subject, not who speaks.
                    // ("according to the president, who said …" is the relative's antecedent.)
                    None if !relative && self.object_of_preposition(from, start) => return None,
                    None => return Some(self.source_phrase(from, end)),
                }
            }
        }
        // "an architect who said …": the antecedent of a relative pronoun, whatever its noun.
        if relative && self.doc.tokens[end - 1].kind == TokenKind::Word && !self.is_punct(end - 1) {
            let from = self.phrase_start(end, start).min(end - 1);
            let from = (start..from).rev().take(3).take_while(|&i| SOURCE_MODIFIERS.contains(&self.w(i)) || self.doc.tokens[i].kind == TokenKind::Word && !is_verb_cue(self.w(i)) && !self.is_punct(i)).last().unwrap_or(from);
            return Some(self.source_phrase(from.min(end - 1), end));
        }
        // "The prefecture denied that …", "…, the bank said.", "Another slide shows that …":
        // a short determined noun phrase opening its clause speaks when what it says follows
        // ("that") or it ends the sentence (opening the sentence, see `subject` below).
        // (Past the quotation mark that closed what came before: "“…,” my father often said.")
        let mut clause = self.clause_start(end, start);
        while clause + 1 < end && matches!(self.w(clause), "”" | "\"" | "’") {
            clause += 1;
        }
        // Lower-case words, or names inside the phrase ("the New York businessman").
        let common_words = (clause + 1..end).all(|i| {
            self.doc.tokens[i].kind == TokenKind::Word
                && !is_verb_cue(self.w(i))
                && (!self.doc.token_text(i).starts_with(char::is_uppercase) || self.mention_at[i].is_some() && i + 1 < end)
        });
        // ("All the experts I interviewed": a predeterminer before the determiner.)
        let article = if PREDETERMINERS.contains(&self.w(clause)) && clause + 1 < end { clause + 1 } else { clause };
        let determiner = is_determiner(self.w(article)) || matches!(self.w(article), "another" | "this" | "these" | "those" | "each" | "every");
        let definite = (2..=4).contains(&(end - clause)) && determiner && common_words;
        // "The New York state attorney general is confirming that …": a determined noun
        // phrase of words alone, names included, opening the sentence is its subject.
        // ("In Mrs. Clinton's favor, all the experts …": the clause may follow an opening
        // prepositional phrase, when it is headed by a noun that says who speaks.)
        let opening = clause == start
            || self.w(clause - 1) == ","
                && (clause..end).any(|i| is_source_noun(self.w(i)))
                && matches!(self.w(start), "in" | "on" | "at" | "after" | "before" | "during" | "for" | "with" | "despite" | "under" | "since" | "among" | "unlike" | "like")
                && (start..clause - 1).all(|i| !is_verb_cue(self.w(i)) && !self.is_punct(i));
        let subject = opening
            && determiner
            && (2..=8).contains(&(end - clause))
            && (clause + 1..end).all(|i| (self.doc.tokens[i].kind == TokenKind::Word || matches!(self.w(i), "’s" | "'s" | "-")) && !is_verb_cue(self.w(i)) && !BE_FORMS.contains(&self.w(i)));
        // "RT and its defenders say that …": a name and a determined noun phrase, coordinated,
        // opening the sentence.
        let coordinated = clause == start
            && self.mention_at[clause].is_some()
            && (clause + 1..end).find(|&i| self.w(i) == "and").is_some_and(|and| {
                (clause..and).all(|i| self.mention_at[i] == self.mention_at[clause])
                    && is_determiner(self.w(and + 1))
                    && (2..=5).contains(&(end - and - 1))
                    && (and + 2..end).all(|i| self.doc.tokens[i].kind == TokenKind::Word && !is_verb_cue(self.w(i)) && !BE_FORMS.contains(&self.w(i)))
            });
        if subject || coordinated {
            return Some(self.source_phrase(clause, self.complement_end(end, k, start)));
        }
        if definite {
            let sentence_end = self.sentence_of_token(k).map_or(k + 1, |s| self.sentences[s].end);
            let told = matches!(self.w(k), "told" | "tells");
            let after = self.trailer_end(k + 1, sentence_end, told);
            // "“…,” the businessman said, adding that …": set off by commas, a reporting clause.
            let set_off = clause > start && self.w(after) == "," && matches!(self.w(clause - 1), "," | "”" | "\"" | "’");
            if matches!(self.w(after), "that" | ":") || clause > start && self.only_trailer(k + 1, sentence_end, told) || set_off {
                return Some(self.source_phrase(clause, end));
            }
        }
        // "Experts on North Korea and nuclear nonproliferation said": the complement ends in a common noun.
        // "People familiar with the matter told …", "officials briefed on the talks said".
        let role = (start.max(end.saturating_sub(8))..end)
            .find(|&i| is_source_noun(self.w(i)) && (matches!(self.w(i + 1), "for" | "of" | "on" | "at" | "from" | "with" | "in") || ACQUAINTED.contains(&self.w(i + 1))));
        if let Some(role) = role.filter(|&role| !(role..end).any(|i| self.is_punct(i) || is_verb_cue(self.w(i)))) {
            let from = self.phrase_start(role + 1, start);
            return Some(self.source_phrase(from, self.complement_end(end, k, start)));
        }
        self.long_subject(k, start)
    }

    /// The dash ending just before token `end`: "—", "―", "–", or "--" typed as two hyphens.
    fn dash_ending(&self, end: usize, start: usize) -> Option<usize> {
        (end > start && is_dash(self.w(end - 1))).then(|| end - 1)
    }

    /// An aside in dashes ending just before token `end` ("— a former aide to Ted Cruz —"):
    /// the first tokens of its opening and closing dashes, the opening one after `start`.
    fn dash_aside_before(&self, end: usize, start: usize) -> Option<(usize, usize)> {
        let close = self.dash_ending(end, start)?;
        let open = (start.max(close.saturating_sub(30)) + 1..close).rev().find_map(|i| self.dash_ending(i, start).filter(|&d| d + 2 < close && d > start))?;
        Some((open, close))
    }

    /// Whether the noun phrase starting at `from` follows a preposition, past a few
    /// lower-case words of its own ("with global pariah North Korea", "to the agency").
    /// Not "of": in "a chorus of prominent Republicans said" the group speaks.
    fn object_of_preposition(&self, from: usize, start: usize) -> bool {
        const PREPOSITIONS: &[&str] = &["with", "to", "against", "about", "toward", "towards", "into", "over", "from"];
        let mut i = from;
        for _ in 0..4 {
            if i <= start {
                return false;
            }
            let w = self.w(i - 1);
            if PREPOSITIONS.contains(&w) {
                return true;
            }
            let modifier = self.doc.tokens[i - 1].kind == TokenKind::Word && !self.doc.token_text(i - 1).starts_with(char::is_uppercase) && !is_verb_cue(w);
            if !modifier {
                return false;
            }
            i -= 1;
        }
        false
    }

    /// Where a subject ending at `end` really ends: a time after a preposition is its
    /// complement ("an analysis of filings from the last two years shows"), up to the
    /// verb group of the cue at `k`.
    fn complement_end(&self, end: usize, k: usize, start: usize) -> usize {
        if !matches!(self.w(end - 1), "from" | "in" | "since" | "over" | "during" | "of" | "for") {
            return end;
        }
        self.verb_group_start(k, start)
    }

    /// The first word of the verb group of the cue at `k` ("has also said").
    fn verb_group_start(&self, k: usize, start: usize) -> usize {
        let mut first = k;
        while first > start && in_verb_group(self.w(first - 1)) {
            first -= 1;
        }
        first
    }

    /// "A USA TODAY analysis of super PACs that have raised $1 million or more shows that
    /// …": a determined subject opening the sentence, headed by a source noun, however long,
    /// when what it says follows the cue.
    fn long_subject(&self, k: usize, start: usize) -> Option<Source> {
        let end = self.verb_group_start(k, start);
        let determined = matches!(self.w(start), "a" | "an" | "the" | "this" | "that" | "these" | "another") || POSSESSIVES.contains(&self.w(start));
        let said = matches!(self.w(k + 1), "that" | ":" | "“" | "\"") || self.w(k).ends_with('s') && !self.is_punct(k + 1);
        let head = (start..end.min(start + 4)).any(|i| is_source_noun(self.w(i)));
        let clean = (start..end).all(|i| !is_verb_cue(self.w(i)) && !matches!(self.w(i), ";" | ":" | "“" | "”" | "\""));
        (determined && said && head && clean && end - start <= 25 && end > start + 1).then(|| self.source_phrase(start, end))
    }

    /// The start of a role noun whose complement begins at `from` ("attorneys for [the family]").
    fn role_with_complement(&self, from: usize, start: usize) -> Option<usize> {
        let mut i = from;
        while i > start && matches!(self.w(i - 1), "the" | "a" | "an") {
            i -= 1;
        }
        let prep = i.checked_sub(1).filter(|&p| p > start && matches!(self.w(p), "for" | "of" | "on" | "at" | "from" | "with" | "in"))?;
        // "traders in Warsaw" speak; "a report in the Kyiv Post" is the Post speaking.
        let medium = self.w(prep) == "in" && MEDIA.contains(&self.w(prep - 1));
        (is_source_noun(self.w(prep - 1)) && !medium).then(|| self.phrase_start(prep, start))
    }

    /// Whether token `i` is inside a relative clause (", who took over last year,").
    fn in_relative_clause(&self, i: usize, start: usize) -> bool {
        (start..i).rev().find(|&k| self.w(k) == ",").is_some_and(|k| matches!(self.w(k + 1), "who" | "which" | "whose" | "whom"))
    }

    /// The comma opening an appositive or participial phrase that the comma at `close`
    /// ends, when a name (or a closing bracket after one) stands before it.
    fn appositive_before(&self, close: usize, start: usize) -> Option<usize> {
        let open = (start.max(close.saturating_sub(24))..close).rev().find(|&i| self.w(i) == ",")?;
        let before = open.checked_sub(1).filter(|&b| b >= start)?;
        let named = |i: usize| self.mention_ending.contains_key(&i) || self.doc.token_text(i).starts_with(char::is_uppercase) && self.doc.tokens[i].kind == TokenKind::Word;
        // "Russian officials, speaking on condition of anonymity, said": a role noun too.
        (named(before) || is_source_noun(self.w(before)) || self.w(before) == ")" || self.w(before).chars().all(|c| c.is_ascii_digit())).then_some(open)
    }

    /// Whether the phrase set off by the commas at `open` and `close` says who the name
    /// before it is: a determined noun phrase, a role, a title, an age ("Mr. King, 82,"),
    /// an owner named ("China, Pyongyang's only ally,") or a party ("Dianne Feinstein,
    /// Democrat of California,", "McConnell, R-Ky.,").
    fn describes_before(&self, open: usize, close: usize) -> bool {
        let first = self.w(open + 1);
        let age = open + 2 == close && first.chars().all(|c| c.is_ascii_digit());
        let owner = self.mention_at.get(open + 1).copied().flatten().is_some() && (open + 1..close).any(|i| matches!(self.w(i), "’s" | "'s"));
        let party = matches!(first, "democrat" | "republican") || matches!(first.as_bytes(), [b'r' | b'd' | b'i', b'-', _, ..]);
        age || owner || party || is_determiner(first) || is_source_noun(first) || SOURCE_MODIFIERS.contains(&first) || PERSON_TITLE_WORDS.contains(&first)
    }

    /// The comma opening a relative clause (", who …") that the comma at `close` ends.
    fn relative_clause_before(&self, close: usize, start: usize) -> Option<usize> {
        (start.max(close.saturating_sub(20))..close)
            .rev()
            .find(|&i| self.w(i) == "," && matches!(self.w(i + 1), "who" | "which" | "whose" | "whom"))
            .filter(|&i| i > start)
    }

    /// Where a source phrase ending at `end` starts: over modifiers, names and possessives.
    fn phrase_start(&self, end: usize, start: usize) -> usize {
        let mut from = end;
        while from > start {
            let i = from - 1;
            if let Some(&(_, first)) = self.mention_ending.get(&i) {
                from = first.max(start);
                continue;
            }
            let w = self.w(i);
            let capital = self.doc.token_text(i).starts_with(char::is_uppercase) && self.doc.tokens[i].kind == TokenKind::Word;
            // "the grid operator", "the human rights group": up to two unknown words between a
            // determiner and a role noun.
            let word = |k: usize| self.doc.tokens[k].kind == TokenKind::Word && !is_verb_cue(self.w(k));
            let determiner = |k: usize| is_determiner(self.w(k));
            let named_before = |k: usize| self.mention_ending.contains_key(&k) || self.doc.token_text(k).starts_with(char::is_uppercase);
            let modifier_of_role = i > start
                && word(i)
                && (is_source_noun(self.w(i + 1)) || word(i + 1) && is_source_noun(self.w(i + 2)))
                && (determiner(i - 1)
                    || i - 1 > start && word(i - 1) && determiner(i - 2) && is_source_noun(self.w(i + 1))
                    // "the Re:Russia think tank": a name before the compound
                    || named_before(i - 1) && is_source_noun(self.w(i + 1)));
            // "city officials", "restructuring experts", "Connecticut’s tax commissioner": a
            // plain word right before the role noun modifies it, determiner or not.
            let bare_modifier = from < end
                && (is_source_noun(self.w(from)) || from + 1 < end && is_source_noun(self.w(from + 1)))
                && (word(i) || self.doc.tokens[i].kind == TokenKind::Number)
                && (!capital || i == start)
                && !self.in_time[i]
                && !is_function_word(w)
                && !w.ends_with("ly")
                && !matches!(w, "to" | "of" | "in" | "on" | "at" | "by" | "as" | "if" | "so");
            if bare_modifier {
                from = i;
                continue;
            }
            // "Connecticut’s tax commissioner": a capitalised owner, even opening the sentence.
            if capital && matches!(self.w(i + 1), "’s" | "'s") && from == i + 1 {
                from = i;
                continue;
            }
            // "Nearly eight of 10 voters", "Only 52 percent of registered voters": a share of
            // the group.
            if w == "of" && from < end && i > start {
                let mut q = i;
                while q > start && (self.doc.tokens[q - 1].kind == TokenKind::Number || SHARE_WORDS.contains(&self.w(q - 1))) {
                    q -= 1;
                }
                if q < i {
                    from = q;
                    break;
                }
            }
            // "the farmers' union": a plural possessive takes in its owner.
            let plural_possessive = matches!(w, "'" | "’") && i > start && self.w(i - 1).ends_with('s') && self.doc.tokens[i - 1].kind == TokenKind::Word;
            if plural_possessive {
                from = i - 1;
                continue;
            }
            // "Mr. Grassley and Mr. Leahy said", "Federal and state officials": coordinated
            // sources speak together.
            // (A title and a capitalised word are a name the name finder may not know: "Mr. King".)
            let titled = |n: usize| n > start && PERSON_TITLE_WORDS.contains(&self.w(n - 1)) && self.doc.token_text(n).starts_with(char::is_uppercase);
            let coordinated = w == "and"
                && from < end
                && i > start
                && (self.mention_ending.contains_key(&(i - 1)) || is_source_noun(self.w(i - 1)) || SOURCE_MODIFIERS.contains(&self.w(i - 1)) || titled(i - 1));
            if coordinated {
                from = i;
                continue;
            }
            // A title opens the phrase even at the sentence's start ("Mr. Obama said").
            let title = capital && PERSON_TITLE_WORDS.contains(&w);
            if is_source_noun(w) || SOURCE_MODIFIERS.contains(&w) || matches!(w, "’s" | "'s") || capital && i > start || title || modifier_of_role || from < end && POSSESSIVES.contains(&w) {
                from = i;
                if is_determiner(w) {
                    // "one of the governor's climate advisers": a part of the group.
                    if i >= start + 2 && self.w(i - 1) == "of" && SHARE_WORDS.contains(&self.w(i - 2)) {
                        from = i - 2;
                    }
                    // "All the experts I interviewed", "both the Democratic and the Republican
                    // platforms": a predeterminer counts the group.
                    if i > start && PREDETERMINERS.contains(&self.w(i - 1)) {
                        from = i - 1;
                    }
                    // "Microsoft and its partners": a name before goes with it.
                    if i > start + 1 && self.w(i - 1) == "and" && self.mention_ending.contains_key(&(i - 2)) {
                        continue;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        from
    }

    /// A source over tokens `[from, to)`: an entity, a role of an entity, or a phrase.
    fn source_phrase(&self, from: usize, to: usize) -> Source {
        // "Economists polled by Reuters": a source named through who polled or quoted it.
        if (from + 1..to).any(|i| self.w(i) == "by" && self.w(i - 1).ends_with("ed")) {
            return Source { entity: None, span: self.span(from, to) };
        }
        // "COGAT, the Israeli defence body …", "Hans Kluge, the WHO's director for Europe":
        // a name before the appositive's comma is the source, whatever the appositive names.
        let named_first = (from..to).find(|&i| self.w(i) == ",").and_then(|comma| {
            let &(e, first) = self.mention_ending.get(&comma.checked_sub(1)?)?;
            (from..first).all(|i| matches!(self.w(i), "the" | "a" | "an") || SOURCE_MODIFIERS.contains(&self.w(i)) || is_source_noun(self.w(i)) || PERSON_TITLE_WORDS.contains(&self.w(i))).then_some(e)
        });
        if let Some(e) = named_first {
            return Source { entity: Some(e), span: self.span(from, to) };
        }
        // A named head is the source, whatever titles or owners precede it ("Interior
        // Minister Ihor Klymenko", "Ukraine’s Interior Ministry").
        if let Some(&(e, first)) = self.mention_ending.get(&(to - 1)) {
            // "Traders in Warsaw": people placed somewhere are not the place.
            let placed = self.doc.entities[e].kind == EntityKind::Place
                && first > from
                && matches!(self.w(first - 1), "in" | "at" | "from")
                && (from..first).any(|i| is_source_noun(self.w(i)) && !SPEAKS_FOR.contains(&self.w(i)));
            if placed {
                return Source { entity: None, span: self.span(from, to) };
            }
            return Source { entity: Some(e), span: self.span(from, to) };
        }
        let span = self.span(from, to);
        let head = self.w(to - 1);
        if NESTED_ROLES.contains(&head) && self.possessor(from, to).is_some() {
            return Source { entity: None, span };
        }
        // "Ukrainian officials", "Estonia’s government": a role speaking for the entity inside;
        // "A Reuters report", "a Pew survey": the outlet or body whose record it is.
        let named_inside = || (from..to).rev().find_map(|i| self.mention_at[i]);
        let inside = if SPEAKS_FOR.contains(&head) {
            named_inside()
        } else if RECORDS.contains(&head) {
            named_inside().filter(|&e| matches!(self.doc.entities[e].kind, EntityKind::Outlet | EntityKind::Organization))
        } else {
            None
        };
        // "the company said": the organisation last named before.
        let definite = self.w(from) == "the" && to - from == 2 && ORGANIZATION_NOUNS.contains(&head);
        let entity = inside.or_else(|| definite.then(|| self.antecedent(from, head)).flatten());
        Source { entity, span }
    }

    /// The entity before a possessive "’s" inside `[from, to)`.
    fn possessor(&self, from: usize, to: usize) -> Option<usize> {
        let at = (from..to).find(|&i| matches!(self.w(i), "’s" | "'s"))?;
        self.mention_at[at.checked_sub(1)?]
    }

    /// The chain of relay behind the publishing outlet, outermost first.
    fn relay(&self, source: &Source) -> Vec<String> {
        let text = self.doc.slice(source.span).to_string();
        let range = self.doc.token_range(source.span);
        let named_head = range.end > range.start && self.mention_ending.get(&(range.end - 1)).is_some_and(|&(e, _)| Some(e) == source.entity);
        let pronoun = range.len() == 1 && matches!(self.w(range.start), "he" | "she" | "it" | "they");
        let appositive = range.clone().any(|i| self.w(i) == ",");
        let definite = range.len() == 2 && self.w(range.start) == "the" && ORGANIZATION_NOUNS.contains(&self.w(range.start + 1));
        let record = range.end > range.start && RECORDS.contains(&self.w(range.end - 1));
        if named_head || (pronoun || appositive || definite || record) && source.entity.is_some() {
            return vec![self.doc.entities[source.entity.unwrap()].name.clone()];
        }
        // "Economists polled by Reuters": Reuters relays the economists.
        let relayer = range.clone().find(|&i| self.w(i) == "by" && i > 0 && self.w(i - 1).ends_with("ed")).and_then(|by| self.mention_at.get(by + 1).copied().flatten());
        match (self.possessor(range.start, range.end), relayer) {
            (_, Some(r)) if source.entity.is_none() => vec![self.doc.entities[r].name.clone(), text],
            (Some(owner), _) if source.entity.is_none() => vec![self.doc.entities[owner].name.clone(), text],
            _ => vec![text],
        }
    }

    /// The end of an appositive starting at `from` ("the Finnish grid operator,", "Oleh
    /// Syniehubov,"): a short phrase closed by a comma whose head names someone.
    fn appositive(&self, from: usize, end: usize) -> Option<usize> {
        let close = (from..end.min(from + 14)).find(|&i| self.w(i) == ",")?;
        if close == from || close + 1 >= end {
            return None;
        }
        let named = self.mention_ending.get(&(close - 1)).is_some_and(|&(_, first)| first == from) && close - from <= 5;
        // "the Israeli defence body that oversees aid": a role noun within the first words,
        // before any relative clause.
        let clause = (from..close).find(|&i| matches!(self.w(i), "that" | "which" | "who")).unwrap_or(close);
        let role = matches!(self.w(from), "the" | "a" | "an") && (from..clause.min(from + 6)).any(|i| is_source_noun(self.w(i)));
        (named || role).then_some(close)
    }

    /// "he said": the nearest person before; "it said": the nearest organisation or state.
    fn pronoun_source(&self, i: usize) -> Option<Source> {
        matches!(self.w(i), "he" | "she" | "it" | "they").then(|| self.referent_source(i)).flatten()
    }

    /// The source a pronoun or possessive determiner at `i` points back to ("he", "its
    /// estimate"): the nearest person, or organisation or state, named before.
    fn referent_source(&self, i: usize) -> Option<Source> {
        let kinds: &[EntityKind] = match self.w(i) {
            "he" | "she" | "his" | "her" => &[EntityKind::Person],
            "it" | "they" | "its" | "their" => &[EntityKind::Organization, EntityKind::Outlet, EntityKind::Place],
            _ => return None,
        };
        // With no one to point back to, the pronoun still names a source, just not an entity.
        Some(Source { entity: self.nearest_before(i, kinds), span: self.doc.tokens[i].span })
    }

    /// What "the ministry" or "the company" refers to: the last organisation whose name
    /// holds the noun ("the ministry" → "… Defence Ministry"); for a generic noun
    /// ("company", "firm", "group") the last organisation named at all.
    fn antecedent(&self, i: usize, noun: &str) -> Option<usize> {
        let kinds = [EntityKind::Organization, EntityKind::Outlet];
        let named = self.last_mentioned(i, |e| kinds.contains(&e.kind) && e.name.to_lowercase().contains(noun));
        // A company is an organisation before it is an outlet: "A Reuters report said …
        // The company declined …" speaks of the company the report was about.
        let media = matches!(noun, "broadcaster" | "newspaper");
        let generic = media || matches!(noun, "company" | "firm" | "group" | "organisation" | "organization" | "carmaker" | "maker" | "operator" | "charity");
        let preferred = if media { EntityKind::Outlet } else { EntityKind::Organization };
        named.or_else(|| generic.then(|| self.nearest_before(i, &[preferred]).or_else(|| self.nearest_before(i, &kinds))).flatten())
    }

    /// The entity of one of `kinds` mentioned last before token `i`.
    fn nearest_before(&self, i: usize, kinds: &[EntityKind]) -> Option<usize> {
        self.last_mentioned(i, |e| kinds.contains(&e.kind))
    }

    /// The entity that `accept` takes whose latest mention before token `i` is the latest.
    fn last_mentioned(&self, i: usize, accept: impl Fn(&dossier_doc::Entity) -> bool) -> Option<usize> {
        let at = self.doc.tokens[i].span.start();
        self.doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| accept(e))
            .filter_map(|(n, e)| e.mentions.iter().filter(|m| m.end() <= at).map(|m| m.end()).max().map(|end| (end, n)))
            .max()
            .map(|(_, n)| n)
    }

    /// "“…,” one official said. “…,” he added.": "he" is the unnamed speaker of the claim
    /// just before, when no person was named since that speaker.
    fn unnamed_antecedent(&self, claim: &mut Claim, earlier: &[Claim]) {
        let Some(source) = &claim.source else { return };
        let pronoun = self.doc.token_range(source.span);
        if pronoun.len() != 1 || !matches!(self.w(pronoun.start), "he" | "she") {
            return;
        }
        let Some(last) = earlier.iter().rev().find(|c| c.source.is_some()) else { return };
        let speaker = last.source.as_ref().expect("found with a source");
        let head = self.w(self.last_token(speaker.span));
        let singular_role = speaker.entity.is_none() && is_source_noun(head) && (!head.ends_with('s') || head.ends_with("ss"));
        let paragraph = |span: Span| self.doc.paragraph_of(span.start()).unwrap_or(0);
        let near = paragraph(source.span) <= paragraph(last.content).max(paragraph(speaker.span)) + 1;
        let named_since = source.entity.is_some_and(|e| self.doc.entities[e].mentions.iter().any(|m| m.start() > speaker.span.start() && m.end() <= source.span.start()));
        if singular_role && near && !named_since {
            claim.source = Some(Source { entity: None, span: source.span });
            claim.relay = last.relay.clone();
        }
    }

    /// Gives an evidential claim the nearest source in its sentence or the sentence before.
    fn carry_source(&self, claim: &mut Claim, earlier: &[Claim], sentence: usize) {
        let paragraph = self.doc.paragraph_of(claim.content.start());
        let sentence_start = self.doc.sentences[sentence].start();
        let previous_start = sentence.checked_sub(1).map_or(sentence_start, |p| self.doc.sentences[p].start());
        let carried = earlier
            .iter()
            .rev()
            .take_while(|c| c.content.start() >= previous_start)
            .find(|c| c.source.is_some() && self.doc.paragraph_of(c.content.start()) == paragraph);
        if let Some(c) = carried {
            claim.source = c.source.clone();
            claim.relay = c.relay.clone();
        }
    }

    /// "“The economy is strong,” Smith said, “and it will get stronger.”", "Climate change,
    /// Mr. Obama often says, is the greatest threat": what was said, resumed after the
    /// reporting clause that interrupted it and running to the sentence's end, is more of
    /// what the same source said (a claim of its own, as a quote running into the next
    /// sentence is) — unless another claim's cue (`cues`) opens there (", adding that …").
    fn resumed(&self, claim: &Claim, s: std::ops::Range<usize>, cues: &[Span]) -> Option<Claim> {
        let cue = claim.cue.filter(|_| claim.source.is_some())?;
        let source = claim.source.as_ref()?;
        // The reporting clause follows what was said: "“…,” Smith said" or "“…,” said Smith".
        let told = matches!(self.w(self.last_token(cue)), "told" | "tells");
        let clause_end = self.trailer_end(self.last_token(cue).max(self.last_token(source.span)) + 1, s.end, told);
        if claim.content.end() > cue.start() || self.w(clause_end) != "," {
            return None;
        }
        let mut open = clause_end + 1;
        // "“…,” Tester said, referring to the excuse, “you give …”": past a participial
        // phrase that ends where the quote resumes.
        if claim.quoted {
            if let Some(comma) = self.quote_resumed_after(open, s.end) {
                open = comma + 1;
            }
        }
        let (from, close) = if claim.quoted {
            if !matches!(self.w(open), "“" | "\"") {
                return None;
            }
            // (A quote still open at the sentence's end runs on: see `through_open_quote`.)
            (open + 1, (open + 1..s.end).find(|&i| matches!(self.w(i), "”" | "\"")).unwrap_or(s.end))
        } else {
            // Not a new clause of the reporter's own ("…, the bureau said, and prices fell").
            if CONTRAST.contains(&self.w(open)) || matches!(self.w(open), "and" | "or" | "as" | "according" | "“" | "\"") || RELAYING_PARTICIPLES.contains(&self.w(open)) || PARTICIPLE_CUES.contains(&self.w(open)) {
                return None;
            }
            // Nor when it dates the report against another event ("…, the agency said on
            // Saturday, two weeks after a storm hit the area"): the outlet's framing. ("…, he
            // said, until it went bankrupt" goes on with what he said.)
            let mut after_time = open;
            while after_time < s.end && self.in_time[after_time] {
                after_time += 1;
            }
            if after_time > open && matches!(self.w(after_time), "after" | "before" | "since" | "when" | "following" | "ago" | "later" | "earlier") {
                return None;
            }
            (open, s.end)
        };
        let to = self.before_punct(from, close);
        if to <= from + 1 || !self.ends_sentence(close + usize::from(claim.quoted), s.end) {
            return None;
        }
        let span = self.span(from, to);
        (!cues.iter().any(|c| span.contains(*c))).then(|| Claim { source: claim.source.clone(), relay: claim.relay.clone(), quoted: claim.quoted, ..Claim::new(span) })
    }

    /// A sentence that is all quotation, right after a quoted claim in the same paragraph,
    /// goes on quoting the same source (“We have no choice,” he said. “The market changed.”).
    fn quote_continued(&self, s: std::ops::Range<usize>, earlier: &[Claim]) -> Option<Claim> {
        // A quoted claim, or one closing on a partial quote ('The summit accomplished "too
        // little," she said. "Europe risks a lot."').
        let ends_on_quote = |c: &Claim| {
            let after = self.doc.token_at_or_after(c.content.end());
            (after..after + 3).take_while(|&i| self.is_punct(i)).any(|i| matches!(self.w(i), "”" | "\""))
        };
        if !matches!(self.w(s.start), "“" | "\"") {
            return None;
        }
        let last = earlier.last().filter(|c| (c.quoted || ends_on_quote(c)) && c.source.is_some())?;
        // The quote closes at this sentence's end or, when it runs on ("“The Donald. Big
        // Daddy.”"), at a later one's in the same paragraph, with no quote opened between.
        // (Typewriter marks read as '"' in `lower`.)
        let paragraph_end = self.paragraph_tokens(s.start).map_or(s.end, |p| p.end);
        let first_mark = (s.start + 1..paragraph_end).find(|&i| matches!(self.w(i), "“" | "”" | "\""));
        // A quote left open at its paragraph's end goes on when the next paragraph opens
        // with a quotation mark, as newspapers write a quote over several paragraphs.
        let runs_on = first_mark.is_none() && self.opens_with_quote(paragraph_end);
        let mut close = match first_mark {
            Some(m) if m >= s.end && self.w(m) != "“" => m + 1,
            None if runs_on => paragraph_end,
            _ => s.end,
        };
        while close > s.start && self.is_punct(close - 1) && !matches!(self.w(close - 1), "”" | "\"") {
            close -= 1;
        }
        let closes = runs_on || close > s.start + 1 && matches!(self.w(close - 1), "”" | "\"");
        let paragraph = |at: Span| self.doc.paragraph_of(at.start());
        let here_paragraph = paragraph(self.doc.tokens[s.start].span);
        let same_paragraph = paragraph(last.content) == here_paragraph
            || here_paragraph.is_some_and(|p| paragraph(last.content) == p.checked_sub(1)) && self.quote_left_open(last.content);
        // Right after the quote, or after the reporting clause that closed it ("“…?” Clinton said. “…”").
        let here = self.sentence_of_token(s.start);
        let follows = |at: Span| self.doc.sentence_of(at.start()).is_some_and(|p| Some(p + 1) == here);
        let previous_sentence = follows(last.content) || last.cue.is_some_and(follows);
        if !(closes && same_paragraph && previous_sentence) {
            return None;
        }
        let to = self.before_punct(s.start, if runs_on { close } else { close - 1 });
        (to > s.start + 2).then(|| Claim {
            source: last.source.clone(),
            relay: last.relay.clone(),
            quoted: true,
            ..Claim::new(self.span(s.start + 1, to))
        })
    }

    /// Whether the paragraph starting at token `at` opens with a quotation mark.
    fn opens_with_quote(&self, at: usize) -> bool {
        matches!(self.w(at), "“" | "\"") && self.opens_paragraph(at)
    }

    /// Whether token `k` is the first of its paragraph.
    fn opens_paragraph(&self, k: usize) -> bool {
        self.paragraph_tokens(k).is_some_and(|p| p.start == k)
    }

    /// Whether the paragraph holding `content` ends with a quote still open: an odd count
    /// of typewriter marks, or a last curly mark that opens.
    fn quote_left_open(&self, content: Span) -> bool {
        let Some(p) = self.paragraph_tokens(self.doc.token_at_or_after(content.start())) else { return false };
        let marks: Vec<&str> = p.filter(|&i| matches!(self.w(i), "“" | "”" | "\"")).map(|i| self.doc.token_text(i)).collect();
        match marks.last() {
            Some(&"“") => true,
            Some(&"\"") => marks.len() % 2 == 1,
            _ => false,
        }
    }

    /// A sentence with no cue that states a figure or a date: the outlet's own claim.
    fn own_voice(&self, s: std::ops::Range<usize>) -> Option<Claim> {
        let span = self.span(s.start, s.end);
        let has_time = self.doc.times.iter().any(|t| span.contains(t.span) && !t.value.ends_with("_REF"));
        let has_figure = self.doc.quantities.iter().any(|q| span.contains(q.span));
        if !(has_time || has_figure) || s.len() < 5 {
            return None;
        }
        let to = self.before_punct(s.start, s.end);
        let from = self.dateline_end(s.start).filter(|&after| after < to).unwrap_or(s.start);
        Some(Claim::new(self.span(from, to)))
    }

    /// After a wire dateline opening the paragraph at token `k` ("ROME, Oct 18 (Reuters) -",
    /// "WASHINGTON (AP) —"): the token where the story starts. The dateline says where the
    /// report was filed, and by whom, not what anyone said.
    fn dateline_end(&self, k: usize) -> Option<usize> {
        let first = self.doc.tokens.get(k).map(|_| self.doc.token_text(k))?;
        let place_in_capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !first.chars().any(char::is_lowercase);
        if !place_in_capitals || !self.opens_paragraph(k) {
            return None;
        }
        let mut i = k;
        let mut in_brackets = false;
        while i < self.doc.tokens.len().min(k + 16) {
            let text = self.doc.token_text(i);
            let spaced = i > k && self.doc.tokens[i].space_before && self.doc.tokens.get(i + 1).is_some_and(|t| t.space_before);
            if (is_dash(self.w(i)) || text == "-") && spaced && !in_brackets {
                return Some(i + 1);
            }
            match text {
                "(" => in_brackets = true,
                ")" => in_brackets = false,
                "," | "." => {}
                // Inside the brackets, the agency ("(Reuters)", "(AP)"); outside, places and the date.
                _ if in_brackets || text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) => {}
                _ => return None,
            }
            i += 1;
        }
        None
    }

    /// Fills what lies inside the content: figures, times, entities, hedges; and the time
    /// of the report, outside every claim's content.
    fn fill_contents(&self, claim: &mut Claim, contents: &[Span]) {
        let c = claim.content;
        claim.quantities = (0..self.doc.quantities.len()).filter(|&q| c.contains(self.doc.quantities[q].span)).collect();
        claim.times = (0..self.doc.times.len()).filter(|&t| c.contains(self.doc.times[t].span)).collect();
        claim.entities = (0..self.doc.entities.len()).filter(|&e| self.doc.entities[e].mentions.iter().any(|&m| c.contains(m))).collect();
        let mut hedges: Vec<Span> = Vec::new();
        if let Some(cue) = claim.cue {
            if EPISTEMIC.contains(&self.w(self.last_token(cue))) {
                hedges.push(cue);
            }
        }
        for i in self.doc.token_range(c) {
            // "is expected to", "are believed to"
            let evidential = || self.w(i + 1) == "to" && i > 0 && EVIDENTIAL_PARTICIPLES.contains(&self.w(i)) && BE_FORMS.contains(&self.w(i - 1));
            // "could", "may" — but not "May" the month in mid-sentence.
            let capitalised = || self.doc.token_text(i).starts_with(char::is_uppercase) && self.sentence_of_token(i).is_some_and(|s| self.sentences[s].start != i);
            if (MODALS.contains(&self.w(i)) || EVIDENTIAL_ADVERBS.contains(&self.w(i)) || evidential()) && !capitalised() {
                hedges.push(self.doc.tokens[i].span);
            }
        }
        for &q in &claim.quantities {
            let q = &self.doc.quantities[q];
            hedges.extend(q.hedge.filter(|h| !self.doc.slice(*h).eq_ignore_ascii_case("some") || q.value.is_some()));
        }
        hedges.sort();
        hedges.dedup();
        claim.hedges = hedges;
        if claim.source.is_some() {
            if let (Some(cue), Some(s)) = (claim.cue, self.doc.sentence_of(c.start())) {
                let sentence = self.doc.sentences[s];
                // The reporting clause: from a few words before the source to the end of the cue's trailer.
                let window = {
                    let cue_at = self.last_token(cue);
                    let source_at = claim.source.as_ref().map_or(cue_at, |s| self.doc.token_at_or_after(s.span.start())).min(cue_at);
                    let sentence_end = self.doc.token_at_or_after(sentence.end());
                    let trailer = self.trailer_end(cue_at + 1, sentence_end, matches!(self.w(cue_at), "told" | "tells"));
                    (source_at.saturating_sub(6), trailer.max(cue_at + 1))
                };
                claim.said_on = (0..self.doc.times.len())
                    .filter(|&t| sentence.contains(self.doc.times[t].span) && !contents.iter().any(|c| c.overlaps(self.doc.times[t].span)))
                    .filter(|&t| self.doc.times[t].kind == dossier_doc::TimeType::Date)
                    .filter(|&t| !self.in_relative_clause(self.doc.token_at_or_after(self.doc.times[t].span.start()), self.doc.token_at_or_after(sentence.start())))
                    // Near the reporting clause ("…, the weather service said, and rain is
                    // expected over the weekend" is not dated by the weekend).
                    .filter(|&t| {
                        let at = self.doc.token_at_or_after(self.doc.times[t].span.start());
                        window.0 <= at && at < window.1
                    })
                    .min_by_key(|&t| self.doc.times[t].span.start().abs_diff(cue.start()));
            }
        }
    }

    /// Whether token `i` starts a sentence, after an opening quote or conjunction.
    fn is_sentence_opener(&self, i: usize, start: usize) -> bool {
        (start..i).all(|j| self.is_punct(j) || matches!(self.w(j), "but" | "and" | "yet" | "so" | "however" | "still"))
    }

    /// The end of tokens `[from, to)` without the punctuation that closes them.
    fn before_punct(&self, from: usize, mut to: usize) -> usize {
        while to > from && self.is_punct(to - 1) {
            to -= 1;
        }
        to
    }

    fn ends_sentence(&self, i: usize, end: usize) -> bool {
        (i..end).all(|j| self.is_punct(j))
    }

    /// The token after a report's trailer starting at `i`: for "told" its addressee
    /// ("reporters", "Reuters"), the medium ("in a statement"), its time ("on Tuesday") and
    /// place ("in Geneva").
    fn trailer_end(&self, i: usize, end: usize, told: bool) -> usize {
        let mut j = i;
        if told {
            // Past whom it was told: a few words up to a preposition or a time, when that
            // closes the sentence ("told Gizmodo by email."); else the addressee as far as it
            // is known, or those words up to the subject of what was said ("told CNN she would").
            let words = |stop_at_subject: bool| {
                (i..end.min(i + 4))
                    .find(|&j| self.is_punct(j) || self.in_time[j] || matches!(self.w(j), "that" | "on" | "in" | "at") || stop_at_subject && is_subject_pronoun(self.w(j)))
                    .unwrap_or(end.min(i + 4))
            };
            let closing = words(false);
            let known = self.addressee_end(i, end);
            // ("told reporters Trump would lose.": a known addressee, then a clause, is not
            // four words of addressee.)
            let clause_after = known.is_some_and(|a| a + 1 < closing && in_verb_group(self.w(a + 1)));
            j = if self.ends_sentence(closing, end) && !clause_after { closing } else { known.unwrap_or_else(|| words(true)) };
        }
        let timed = |k: usize| self.in_time.get(k) == Some(&true);
        let placed = |k: usize| timed(k) || self.is_place(k);
        const PREPOSITIONS: &[&str] = &["on", "in", "at", "from", "for", "since", "over", "during", "throughout"];
        loop {
            // "said on Friday", "said in Kyiv", "have said for years that …"; a place right
            // after the cue is what is said of it ("said Kyiv was …").
            let preposition = j + 1 < end && PREPOSITIONS.contains(&self.w(j)) && placed(j + 1);
            let in_place = j > i && self.is_place(j) && (PREPOSITIONS.contains(&self.w(j - 1)) || self.is_place(j - 1));
            if j < end && (timed(j) || in_place) || preposition {
                j += 1;
            } else if j > i && self.place_goes_on(j) {
                j += 2;
            } else if j + 1 < end && matches!(self.w(j), "on" | "via") && (PLATFORMS.contains(&self.w(j + 1)) || MEDIA.contains(&self.w(j + 1)) || matches!(self.w(j + 1), "phone" | "telephone" | "e-mail")) {
                // "wrote on Telegram", "said on X", "said via email"
                j += 2;
            } else if let Some(media) = (j + 2 < end && matches!(self.w(j), "in" | "on") && matches!(self.w(j + 1), "a" | "an" | "its" | "his" | "her" | "their" | "the"))
                .then(|| (j + 2..(j + 5).min(end)).find(|&m| MEDIA.contains(&self.w(m))))
                .flatten()
            {
                // "in a statement", "in a video address", "in a television interview"
                j = media + 1;
                if j < end && matches!(self.w(j), "address" | "conference" | "interview" | "appearance" | "briefing") {
                    j += 1;
                }
            } else if let Some(after) = self.venue_end(j, end) {
                j = after;
            } else if j > i && MEDIA.contains(&self.w(j - 1)) && matches!(self.w(j), "published" | "released" | "issued" | "posted" | "aired") {
                // "estimated in a report published on Friday that …"
                j += 1;
            } else if j < end && self.is_manner_adverb(j) {
                // "Gowdy said sarcastically.", "he said then.", "said repeatedly that …"
                j += 1;
            } else {
                return j;
            }
        }
    }

    /// Whether token `i` is an adverb of how or when something was said: a lower-case word
    /// in "-ly" ("sarcastically", "repeatedly"; not a noun such as "family" or "ally"), or
    /// one of a few of time ("then", "later", "again").
    fn is_manner_adverb(&self, i: usize) -> bool {
        let w = self.w(i);
        let lower_case = self.doc.token_text(i).starts_with(char::is_lowercase);
        const NOT_ADVERBS: &[&str] = &["family", "ally", "rally", "reply", "supply", "assembly", "belly", "bully", "jelly", "fly", "july", "italy", "only", "early", "holy", "ugly", "silly", "likely", "unlikely"];
        lower_case && (w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w) || matches!(w, "then" | "later" | "again" | "afterwards" | "afterward" | "earlier" | "too"))
    }

    /// Where a venue of the report starting at token `i` ends: "on NBC's Meet the Press",
    /// "during an interview on CNN's “State of the Union” Sunday", "at a rally in Iowa". It
    /// is a preposition opening a phrase that names an organisation or outlet, or a medium,
    /// and that runs to what is said ("that", a comma, a colon) or to the
    /// sentence's end — then nothing is said, only where it was.
    fn venue_end(&self, i: usize, end: usize) -> Option<usize> {
        if !matches!(self.w(i), "on" | "during" | "at" | "in" | "before" | "to") {
            return None;
        }
        // "said to the crowd at a rally", not "told his advisers to figure out … Congress".
        if self.w(i) == "to" && !(is_determiner(self.w(i + 1)) || POSSESSIVES.contains(&self.w(i + 1)) || self.mention_at.get(i + 1).copied().flatten().is_some() || is_source_noun(self.w(i + 1))) {
            return None;
        }
        let names_venue = |k: usize| {
            MEDIA.contains(&self.w(k))
                || matches!(self.w(k), "rally" | "show" | "program" | "programme" | "debate" | "hearing" | "event" | "meeting" | "summit" | "forum" | "website" | "blog" | "account")
                || self.mention_at[k].is_some_and(|e| matches!(self.doc.entities[e].kind, EntityKind::Outlet | EntityKind::Organization))
        };
        let mut named = false;
        for k in i + 1..end.min(i + 16) {
            named |= names_venue(k);
            if self.place_goes_on(k) || k > i + 1 && self.place_goes_on(k - 1) {
                continue;
            }
            if matches!(self.w(k), "that" | "," | ":") || self.ends_sentence(k, end) {
                return (named && k > i + 1).then_some(k);
            }
            // A verb or a clause opening means this is what is said, not where.
            if matches!(self.w(k), "who" | "which" | "when" | "if" | "would" | "will" | "was" | "is" | "are" | "were" | "has" | "have" | "had") {
                return None;
            }
        }
        None
    }

    /// The comma after the participial phrase opened by token `participle` where a quote
    /// resumes in lower case, going on with the sentence a reporting clause interrupted
    /// ("…,” Tester said, referring to the excuse, “you give …”). (After a participle of
    /// saying the quote is what it says: "…,” Benioff said, telling Cook, “since he passed, …”.)
    fn quote_resumed_after(&self, participle: usize, end: usize) -> Option<usize> {
        let w = self.w(participle);
        if !w.ends_with("ing") || PARTICIPLE_CUES.contains(&w) {
            return None;
        }
        let comma = (participle + 1..end).take_while(|&i| !matches!(self.w(i), "“" | "”" | "\"")).find(|&i| self.w(i) == "," && matches!(self.w(i + 1), "“" | "\""))?;
        (comma + 2 < end && self.doc.token_text(comma + 2).starts_with(char::is_lowercase)).then_some(comma)
    }

    /// Whether token `k` is inside the mention of a place.
    fn is_place(&self, k: usize) -> bool {
        self.mention_at.get(k).copied().flatten().is_some_and(|e| self.doc.entities[e].kind == EntityKind::Place)
    }

    /// Whether the comma at `k` joins a place to the state or country it is in
    /// ("Kenansville, N.C.", "Lviv, Ukraine").
    fn place_goes_on(&self, k: usize) -> bool {
        k > 0 && self.w(k) == "," && self.is_place(k - 1) && (self.is_place(k + 1) || k + 1 < self.doc.tokens.len() && US_STATE_ABBREVIATIONS.contains(&self.doc.token_text(k + 1)))
    }

    /// Whether only a trailer and closing punctuation follow token `i`; a closing
    /// subordinate clause counts as trailer ("… said Friday as he entered the talks").
    fn only_trailer(&self, i: usize, end: usize, told: bool) -> bool {
        let j = self.trailer_end(i, end, told);
        self.ends_sentence(j, end) || j > i && matches!(self.w(j), "as" | "when" | "while" | "after" | "before")
    }

    /// The end of the clause starting at `from`: the sentence end, or a contrast (", but").
    fn clause_end(&self, from: usize, end: usize) -> usize {
        (from..end)
            .find(|&i| {
                self.w(i) == ";"
                    || self.w(i) == "," && (CONTRAST.contains(&self.w(i + 1)) || self.reporting_clause_at(i + 1, end) || PARTICIPLE_CUES.contains(&self.w(i + 1)) || RELAYING_PARTICIPLES.contains(&self.w(i + 1)) || self.participial_at(i + 1))
                    // "… and said she would stand up": the speaker's next act is not what they said.
                    || i > from && matches!(self.w(i), "and" | "but") && self.next_cue_verb(i + 1)
            })
            .unwrap_or(end)
    }

    /// Whether a participial phrase starts at `i` ("…, encouraging his supporters to …",
    /// "…, forcing them to …", "…, implicitly putting his name on the line"): what the
    /// subject did while saying it, not what was said. The participle must take an object
    /// or particle, so that a list of nouns ("taxes, spending and debt") is not one; a
    /// condition ("…, depending on whether …") stays with what it qualifies.
    fn participial_at(&self, i: usize) -> bool {
        let i = if self.w(i).ends_with("ly") && self.w(i).len() > 4 { i + 1 } else { i };
        let w = self.w(i);
        let takes = |j: usize| {
            let next = self.w(j);
            is_determiner(next) || matches!(next, "him" | "them" | "us" | "it" | "on" | "to" | "back" | "up" | "out") || self.mention_at.get(j).copied().flatten().is_some()
        };
        w.len() > 5 && w.ends_with("ing") && !matches!(w, "including" | "according" | "during" | "depending" | "nothing" | "something" | "everything" | "anything") && self.doc.tokens[i].kind == TokenKind::Word && takes(i + 1)
    }

    /// Whether a listed cue verb (after any words of its verb group) starts at `i`.
    fn next_cue_verb(&self, mut i: usize) -> bool {
        while in_verb_group(self.w(i)) {
            i += 1;
        }
        is_verb_cue(self.w(i)) && !self.doc.token_text(i).starts_with(char::is_uppercase)
    }

    /// Whether a reporting clause starts at `i` and closes the sentence or the clause:
    /// "said Klaus Wohlrabe, head of …" or "officials said on Friday."
    fn reporting_clause_at(&self, mut i: usize, end: usize) -> bool {
        while i < end && matches!(self.w(i), "”" | "\"" | "’" | "'") {
            i += 1;
        }
        (i..end.min(i + 8)).take_while(|&k| !self.is_punct(k)).any(|k| {
            is_verb_cue(self.w(k)) && {
                let after = self.trailer_end(k + 1, end, matches!(self.w(k), "told" | "tells"));
                self.ends_sentence(after, end) || self.w(after) == "," || k == i
            }
        })
    }

    /// The start of the clause ending at `at`: after the last comma before it, or the sentence start.
    fn clause_start(&self, at: usize, start: usize) -> usize {
        (start..at).rev().find(|&i| matches!(self.w(i), "," | ";" | ":")).map_or(start, |i| i + 1)
    }

    fn next_comma(&self, from: usize, end: usize) -> usize {
        (from..end).find(|&i| self.w(i) == ",").unwrap_or(end)
    }

    fn closing_quote(&self, from: usize, end: usize) -> usize {
        (from..end).find(|&i| matches!(self.w(i), "”" | "\"")).map_or(end, |i| i + 1)
    }

    /// "He said, “I wonder why it was bad. Think of that.”": a quote still open where the
    /// content's sentence ends runs on to its closing mark in the paragraph, and the
    /// content with it (the sentences it takes in are then skipped as already said).
    fn through_open_quote(&self, claim: &mut Claim) {
        let last = self.last_token(claim.content);
        let Some(sentence) = self.sentence_of_token(last).map(|s| self.sentences[s].clone()) else { return };
        let Some(paragraph) = self.paragraph_tokens(last) else { return };
        let open_after = sentence.end < paragraph.end && self.in_quote[sentence.end];
        if !open_after || !self.ends_sentence(last + 1, sentence.end) {
            return;
        }
        let closes = |j: usize| matches!(self.w(j), "”" | "\"") && (j + 1 >= paragraph.end || !self.in_quote[j + 1]);
        if let Some(close) = (sentence.end..paragraph.end).find(|&j| closes(j)) {
            let from = self.doc.token_at_or_after(claim.content.start());
            claim.content = self.span(from, self.before_punct(from, close));
        }
    }

    /// The tokens of the paragraph holding token `k`.
    fn paragraph_tokens(&self, k: usize) -> Option<std::ops::Range<usize>> {
        let paragraph = self.doc.paragraphs.get(self.doc.paragraph_of(self.doc.tokens.get(k)?.span.start())?)?;
        Some(self.doc.token_at_or_after(paragraph.start())..self.doc.token_at_or_after(paragraph.end()))
    }

    /// "Pat Caddell: Democrat Voters Worried …" (a headline) and "“PENCE: Well, look, …"
    /// (a transcript): a name alone before a colon opening its sentence speaks what follows.
    /// A transcript's turn runs to the end of its paragraph.
    fn speaker_colon(&self, k: usize, s: std::ops::Range<usize>) -> Option<(Claim, usize)> {
        // ("Expert:innen", "10:30": a colon inside a word introduces nothing.)
        if self.doc.tokens.get(k + 1).is_some_and(|t| !t.space_before && t.kind != TokenKind::Punct) {
            return None;
        }
        let opened = matches!(self.w(s.start), "“" | "\"");
        let first = s.start + usize::from(opened);
        let named = |i: usize| self.doc.tokens[i].kind == TokenKind::Word && self.doc.token_text(i).starts_with(char::is_uppercase) || self.w(i) == ".";
        if k <= first || k - first > 4 || !(first..k).all(named) {
            return None;
        }
        let end = if opened { self.paragraph_tokens(k)?.end } else { s.end };
        // "Said Ellis: “…”": the verb, inverted, is the cue.
        let inverted = k > first + 1 && matches!(self.w(first), "said" | "says" | "added" | "adds" | "asked" | "wrote" | "writes" | "noted" | "replied" | "explained");
        // A speaker is someone: a name found, a transcript's capitals ("PENCE:") or a title
        // ("Mr. Smith:") — not a label ("Correction:") or a headline ("Stealth Over Health:").
        let someone = self.mention_at[k - 1].is_some_and(|e| matches!(self.doc.entities[e].kind, EntityKind::Person | EntityKind::Organization | EntityKind::Outlet))
            || (first..k).all(|i| self.doc.token_text(i).chars().all(|c| !c.is_lowercase()))
            || PERSON_TITLE_WORDS.contains(&self.w(first))
            // A headline's "Poll:", "Police:", "Study:".
            || k == first + 1 && is_source_noun(self.w(first));
        if !(someone || inverted) || COLON_LABELS.contains(&self.w(first)) {
            return None;
        }
        let (source, cue) = if inverted { (self.source_phrase(first + 1, k), self.doc.tokens[first].span) } else { (self.source_phrase(first, k), self.doc.tokens[k].span) };
        let claim = self.claim(k + 1, end, Some(source), cue, opened)?;
        Some((claim, end))
    }

    /// "“…” ― Sonya Herridge": a quote signed with a dash and a name after its closing mark.
    /// The quote may run over several sentences of its paragraph.
    fn signed_quote(&self, k: usize) -> Option<(Claim, usize)> {
        if k == 0 || !matches!(self.w(k - 1), "”" | "\"") {
            return None;
        }
        let capitalised = |i: usize| self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && self.doc.token_text(i).starts_with(char::is_uppercase);
        let paragraph = self.paragraph_tokens(k)?;
        let initial = |i: usize| self.w(i) == "." && capitalised(i - 1) && self.doc.token_text(i - 1).chars().count() == 1;
        let name_end = (k + 1..(k + 6).min(paragraph.end)).take_while(|&i| capitalised(i) || initial(i)).last()? + 1;
        let open = (paragraph.start..k - 1).rev().find(|&i| matches!(self.w(i), "“" | "\"" | "”"))?;
        // An earlier quote's close: this one's opening is not in the text. A closing mark
        // opening its paragraph opens the quote (a typesetting slip: ”Fear. I am …” ― Name).
        if self.w(open) == "”" && open != paragraph.start {
            return None;
        }
        let source = self.source_phrase(k + 1, name_end);
        let claim = self.claim(open, k, Some(source), self.doc.tokens[k].span, true)?;
        Some((claim, name_end))
    }

    /// "He said:" closing its sentence, and the next sentence opening a quote: what was said
    /// is that quote, to its closing mark within the paragraph.
    fn colon_quote(&self, k: usize, end: usize, source: &Source, cue: Span) -> Option<Claim> {
        if !(self.w(k + 1) == ":" && k + 2 == end) {
            return None;
        }
        let paragraph = self.paragraph_tokens(end)?;
        // "The governor added:" closing its paragraph: the next paragraph is what was said,
        // quotation marks or not (a block quote).
        let block = paragraph.start == end && self.paragraph_tokens(k).is_some_and(|p| p.end == end);
        let quoted = matches!(self.w(end), "“" | "\"");
        if !(quoted || block) {
            return None;
        }
        let to = if quoted { self.closing_quote(end + 1, paragraph.end) } else { paragraph.end };
        let mut claim = self.claim(end, to, Some(source.clone()), cue, quoted)?;
        self.relay_through_addressee(&mut claim, k, end);
        Some(claim)
    }

    /// Whether a cue is "according to" (of any case).
    fn is_according_to(&self, cue: Span) -> bool {
        self.doc.slice(cue).eq_ignore_ascii_case("according to")
    }

    /// "told reporters that …": skips the hearer.
    fn skip_object(&self, from: usize, end: usize) -> usize {
        (from..end.min(from + 12)).find(|&i| matches!(self.w(i), "that" | ":" | ",")).or_else(|| self.addressee_end(from, end)).unwrap_or(from)
    }

    /// Where the addressee of "told" starting at token `i` ends, when it is known: a name
    /// ("told CNN she would run"), an object pronoun or role noun ("told reporters the plan
    /// was dead"), or a determined phrase up to its name or role noun ("told the Financial
    /// Times").
    fn addressee_end(&self, i: usize, end: usize) -> Option<usize> {
        let press = |j: usize| matches!(self.w(j), "reporters" | "journalists");
        // "told Breitbart News host Alex Marlow how …": an outlet's role noun, and a role
        // noun's name, run on.
        let run_on = |mut j: usize| {
            if j < end && (is_source_noun(self.w(j)) || press(j)) && self.mention_at[j - 1].is_some() {
                j += 1;
            }
            match self.mention_at.get(j).copied().flatten() {
                Some(e) if self.doc.entities[e].kind == EntityKind::Person && is_source_noun(self.w(j - 1)) && !self.w(j - 1).ends_with('s') => self.mention_end(e, j, end),
                _ => j,
            }
        };
        if let Some(e) = self.mention_at.get(i).copied().flatten() {
            return Some(run_on(self.mention_end(e, i, end)));
        }
        if matches!(self.w(i), "him" | "her" | "them" | "us" | "me" | "you") || press(i) {
            return Some(i + 1);
        }
        if is_source_noun(self.w(i)) {
            return Some(run_on(i + 1));
        }
        if !(is_determiner(self.w(i)) || POSSESSIVES.contains(&self.w(i))) {
            return None;
        }
        // A short phrase closing the sentence is all addressee ("told the RT America audience.").
        let words_end = (i + 1..end.min(i + 6)).find(|&j| self.is_punct(j));
        if let Some(j) = words_end.filter(|&j| self.ends_sentence(j, end)) {
            return Some(j);
        }
        // Up to its role noun or name; or, a plain phrase, up to what opens the content: an
        // infinitive, a question word or a second determiner ("told the man to leave", "told
        // the man in charge what she did", "told the world the real reason").
        let phrase = (i + 1..end.min(i + 6)).take_while(|&j| !self.is_punct(j));
        phrase.clone().find(|&j| is_source_noun(self.w(j)) || self.mention_ending.contains_key(&j)).map(|j| j + 1).or_else(|| {
            phrase.skip(1).find(|&j| matches!(self.w(j), "to" | "what" | "how" | "why" | "whether" | "if" | "when" | "where") || is_determiner(self.w(j)))
        })
    }
}

/// Quantifiers and indefinite pronouns that stand for people as a subject ("Some believe
/// …", "many of whom say", "Then someone asked how …").
const QUANTIFIER_SOURCES: &[&str] = &["some", "many", "others", "all", "most", "few", "both", "several", "someone", "somebody", "everyone", "everybody", "anyone"];

/// Words of a share or count before "of" in a source ("nearly eight of", "52 percent of").
const SHARE_WORDS: &[&str] = &[
    "percent", "%", "nearly", "almost", "only", "about", "some", "over", "just", "roughly", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "half", "third", "majority", "most", "many", "several",
    "all", "each", "both",
];

/// What a "not" or a refusal does to a claim (see [`Finder::negation`]).
enum Negation {
    None,
    /// The cue is negated: the source holds the content not so.
    Negated,
    /// The source keeps from saying anything: no claim.
    Withheld,
}

/// Verbs of refusing to do something ("declined to say").
fn is_refusal(word: &str) -> bool {
    matches!(word, "declined" | "declines" | "decline" | "declining" | "refused" | "refuses" | "refuse" | "refusing")
}

/// Verbs of telling, in their forms after "not" or "never" ("did not say", "has not
/// disclosed", "never said"), whose refusal or negation tells nothing.
fn is_telling(word: &str) -> bool {
    matches!(
        word,
        "say" | "said" | "comment" | "commented" | "confirm" | "confirmed" | "disclose" | "disclosed" | "elaborate" | "elaborated"
            | "specify" | "specified" | "discuss" | "discussed" | "reveal" | "revealed" | "answer" | "answered" | "respond"
            | "responded" | "detail" | "detailed" | "identify" | "identified" | "name" | "named" | "give" | "given" | "gave"
            | "provide" | "provided" | "speculate" | "speculated" | "explain" | "explained" | "mention" | "mentioned" | "tell"
            | "told" | "talk" | "talked"
    )
}

/// A personal pronoun that can be a clause's subject ("he", "we", "i"; lower case).
fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "it" | "they" | "we" | "i")
}

/// Whether a token is a dash: "—", "―", "–", or "--" typed as two hyphens (one token).
fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "―" | "–" | "--")
}

#[cfg(test)]
mod tests;
