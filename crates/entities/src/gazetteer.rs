//! The bundled gazetteer and lexicons, parsed once per process.

use crate::lists::{KNOWN_NAMES, METONYMS};
use dossier_doc::{Doc, EntityKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const GAZETTEER: &str = include_str!("../data/gazetteer.tsv");
const COMMON_WORDS: &str = include_str!("../data/common-words.txt");
const GIVEN_NAMES: &str = include_str!("../data/given-names.txt");
/// Longest name, in tokens, that is looked up.
const MAX_TOKENS: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    // Order is preference when one surface has several readings.
    Name,
    Alias,
    Demonym,
    Capital,
    City,
    Region,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntityKind,
    pub canonical: String,
    pub role: Role,
}

pub struct Gazetteer {
    /// Surface forms, keyed by their tokens joined with single spaces.
    by_surface: HashMap<String, Vec<Entry>>,
    first_tokens: HashSet<String>,
    common: HashSet<&'static str>,
    given: HashSet<&'static str>,
    /// A country's demonym, by the country's canonical name.
    demonyms: HashMap<String, String>,
}

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER_CELL: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER_CELL.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            by_surface: HashMap::default(),
            first_tokens: HashSet::default(),
            common: COMMON_WORDS.lines().collect(),
            given: GIVEN_NAMES.lines().collect(),
            demonyms: HashMap::default(),
        };
        for line in GAZETTEER.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(canonical), Some(surface), Some(role)) = (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let role = match role {
                "name" => Role::Name,
                "alias" => Role::Alias,
                "demonym" => Role::Demonym,
                "capital" => Role::Capital,
                "city" => Role::City,
                _ => Role::Region,
            };
            if role == Role::Demonym {
                g.demonyms.entry(canonical.to_string()).or_insert_with(|| surface.to_string());
            }
            g.add(kind, canonical_name(kind, canonical), surface, role);
        }
        for &(kind, canonical, surface) in KNOWN_NAMES {
            g.add(kind, canonical.to_string(), surface, Role::Name);
        }
        for &(surface, state) in METONYMS {
            g.add("place", state.to_string(), surface, Role::Alias);
        }
        g
    }

    fn add(&mut self, kind: &str, canonical: String, surface: &str, role: Role) {
        let kind = match kind {
            "person" => EntityKind::Person,
            "organization" => EntityKind::Organization,
            "outlet" => EntityKind::Outlet,
            "place" => EntityKind::Place,
            _ => EntityKind::Other,
        };
        let tokens = dossier_text::tokenize(surface);
        let words: Vec<&str> = tokens.iter().map(|t| &surface[t.span.start()..t.span.end()]).collect();
        if words.is_empty() || words.len() > MAX_TOKENS {
            return;
        }
        self.first_tokens.insert(words[0].to_string());
        self.by_surface.entry(words.join(" ")).or_default().push(Entry { kind, canonical, role });
    }

    /// The lookup key of `doc.tokens[a..b]`.
    pub fn key(&self, doc: &Doc, a: usize, b: usize) -> String {
        (a..b).map(|i| doc.token_text(i)).collect::<Vec<_>>().join(" ")
    }

    /// The length in tokens of the longest known name starting at token `a`, ending by `b`.
    pub fn longest_match(&self, doc: &Doc, a: usize, b: usize) -> Option<usize> {
        if !self.first_tokens.contains(doc.token_text(a)) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for (n, i) in (a..b.min(a + MAX_TOKENS)).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(doc.token_text(i));
            if self.by_surface.contains_key(&key) {
                best = Some(n + 1);
            }
        }
        best
    }

    /// The preferred reading of a surface: a country's name before a capital before a city.
    pub fn best(&self, surface: &str) -> Option<&Entry> {
        self.by_surface.get(surface)?.iter().min_by_key(|e| e.role)
    }

    /// The city a capital's surface names, in the spelling of the countries list ("Kyiv").
    pub fn city_name(&self, surface: &str) -> String {
        surface.to_string()
    }

    pub fn is_demonym(&self, surface: &str) -> bool {
        self.by_surface.get(surface).is_some_and(|entries| entries.iter().any(|e| e.role == Role::Demonym))
    }

    pub fn demonym(&self, country: &str) -> Option<&str> {
        self.demonyms.get(country).map(String::as_str)
    }

    pub fn is_common(&self, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            self.common.contains(word.to_lowercase().as_str())
        } else {
            self.common.contains(word)
        }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }
}

/// Outlets keep "The" only when the rest is one word ("The Times"; "Kyiv Post", "New York Times").
fn canonical_name(kind: &str, name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) if kind == "outlet" && rest.contains(' ') => rest.to_string(),
        _ => name.to_string(),
    }
}
