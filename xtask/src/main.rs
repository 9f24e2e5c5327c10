//! Builds dossier's bundled resources from the open data in `../shared/data`.
//!
//! `cargo run -p xtask -- gazetteer [SHARED_DATA_DIR]` writes, deterministically:
//! - `crates/entities/data/gazetteer.tsv`: `kind \t canonical \t surface \t role` rows from
//!   countries (ODbL), GeoNames cities and regions (CC BY), news outlets (MIT) and US
//!   office holders (CC0);
//! - `crates/entities/data/common-words.txt`: words that UD English-EWT (CC BY-SA 4.0)
//!   writes in lower case at least as often as capitalised mid-sentence, so that
//!   "Reading" or "Visiting" at a sentence start is not taken for a name;
//! - `crates/entities/data/given-names.txt`: first tokens of person names in
//!   UNER-EWT train (CC BY-SA 4.0) and US office holders' first names.
//!
//! The output is sorted and deduplicated, so a rebuild from the same data is byte-identical.
//!
//! `train-pos`, `train-names`, `train-cues` and `train-bounds` train the part-of-speech tagger (UD
//! English-EWT and GUM), the name recognizer (UNER-EWT and three more name sets), the cue
//! detector and the content-bounds ranker (PolNeAR train) with fixed seeds, print their
//! own dev scores, and write their models into the crates that use them. The cue
//! detector reads what the entity stage finds, and the ranker the contents the rules
//! find with the detector's cues, so they run in that order: `train-names`, `train-cues`,
//! `train-bounds`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use yaml_rust2::{Yaml, YamlLoader};

type Rows = BTreeSet<(String, String, String, String)>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map_or("", String::as_str);
    let run: fn(&Path) -> Result<(), String> = match command {
        "gazetteer" => build,
        "train-pos" => train_pos,
        "train-names" => train_names,
        "train-cues" => train_cues,
        "train-bounds" => train_bounds,
        _ => {
            eprintln!("usage: cargo run -p xtask -- gazetteer|train-pos|train-names|train-cues|train-bounds [SHARED_DATA_DIR (default ../shared/data)]");
            std::process::exit(2);
        }
    };
    let data = PathBuf::from(args.get(1).map_or("../shared/data", String::as_str));
    if let Err(e) = run(&data) {
        eprintln!("xtask {command}: {e}");
        std::process::exit(1);
    }
}

/// Trains the part-of-speech tagger on UD English-EWT train and the CC BY genres of UD
/// English-GUM train (fixed seed), prints its accuracy on EWT dev and test with gold tokens,
/// and writes `crates/text/models/upos.bin`.
fn train_pos(data: &Path) -> Result<(), String> {
    use dossier_text::pos::{read_conllu, train, Tagger};
    let ewt = data.join("nlp/ud-english-ewt");
    let split = |name: &str| read(&ewt.join(name)).map(|text| read_conllu(&text));
    let (mut train_set, dev, test) = (split("en_ewt-ud-train.conllu")?, split("en_ewt-ud-dev.conllu")?, split("en_ewt-ud-test.conllu")?);
    train_set.extend(read_conllu(&dossier_eval::segmentation::gum_split(&data.join("nlp/gum-ccby-genres"), "train")?));
    let started = std::time::Instant::now();
    let tagger = train(&train_set, ITERATIONS, 0x5eed, |i, acc| println!("iteration {i}: {acc:.4} on train (as it trains)"));
    println!("trained on {} sentences in {:.1} s", train_set.len(), started.elapsed().as_secs_f64());
    let bytes = tagger.to_bytes();
    // Scores are of the model as committed (quantised), read back from its bytes.
    let tagger = Tagger::from_bytes(&bytes)?;
    for (name, set) in [("dev", &dev), ("test", &test)] {
        let (right, total) = tagger.agreement(set);
        println!("UPOS accuracy on EWT {name}, gold tokens: {:.4} ({right}/{total})", right as f64 / total as f64);
    }
    write_model("crates/text/models/upos.bin", &bytes)
}

/// Trains the name recognizer on UNER English-EWT train (fixed seed), prints its exact-span
/// F1 on UNER dev (the tagger alone; `dossier-eval names` scores the whole entity stage),
/// and writes `crates/entities/models/names.bin`.
fn train_names(data: &Path) -> Result<(), String> {
    use dossier_entities::recognizer::{spans, train, Recognizer};
    use dossier_eval::names::{load_conll, load_iob2, NameDoc};
    let nlp = data.join("nlp");
    let prepare = |docs: Vec<NameDoc>| -> Vec<_> {
        docs.iter()
            .map(|d| {
                let (doc, gold) = d.example();
                let hints = dossier_entities::rule_labels(&doc);
                (doc, gold, hints)
            })
            .collect()
    };
    let conll = |kind: &str| -> Option<&'static str> {
        match kind {
            "PER" | "person" | "politician" => Some("PER"),
            "LOC" | "location" | "country" => Some("LOC"),
            "ORG" | "organisation" | "politicalparty" => Some("ORG"),
            _ => None,
        }
    };
    // UNER-EWT train, with three sets of the same name-only convention: WikiGold (CC BY),
    // CrossNER politics (MIT) and the SEC filings (CC BY). BTC was tried and left out: its
    // tweets tag "@" as the first token of a person, which taught the tagger to start
    // names one token early; re3d tags noun phrases ("U.S. service members"), not names.
    let mut train_docs = load_iob2(&nlp.join("uner-english-ewt/en_ewt-ud-train.early-20221202.iob2"))?;
    train_docs.extend(load_conll(&nlp.join("wikigold/wikigold.conll.txt"), SENTENCES_PER_DOC, conll)?);
    for split in ["train.txt", "dev.txt"] {
        train_docs.extend(load_conll(&nlp.join("crossner-politics").join(split), SENTENCES_PER_DOC, conll)?);
    }
    train_docs.extend(load_conll(&nlp.join("sec-filings/FIN5.train.txt"), SENTENCES_PER_DOC, conll)?);
    let train_set = prepare(train_docs);
    let dev = prepare(load_iob2(&nlp.join("uner-english-ewt/en_ewt-ud-dev.iob2"))?);
    let started = std::time::Instant::now();
    let recognizer = train(&train_set, NAME_ITERATIONS, 0x5eed, |i, acc| println!("iteration {i}: {acc:.4} of labels right on train (as it trains)"));
    println!("trained on {} documents in {:.1} s", train_set.len(), started.elapsed().as_secs_f64());
    let bytes = recognizer.to_bytes();
    let recognizer = Recognizer::from_bytes(&bytes)?;
    let (mut right, mut predicted, mut gold) = (0, 0, 0);
    for (doc, labels, hints) in &dev {
        let want = spans(labels);
        let got = recognizer.recognize(doc, hints);
        right += got.iter().filter(|s| want.contains(s)).count();
        (predicted, gold) = (predicted + got.len(), gold + want.len());
    }
    let (p, r) = (right as f64 / predicted.max(1) as f64, right as f64 / gold.max(1) as f64);
    println!("UNER-EWT dev, PER/LOC/ORG exact span (the tagger alone): P {p:.3} R {r:.3} F1 {:.3}", 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE));
    write_model("crates/entities/models/names.bin", &bytes)
}

/// Trains the cue detector on PolNeAR train (fixed seed), prints how well it finds the
/// heads of gold cues among the candidate words of PolNeAR dev (the detector alone;
/// `dossier-eval attribution` scores the claims), and writes `crates/claims/models/cues.bin`.
fn train_cues(data: &Path) -> Result<(), String> {
    use dossier_claims::learned::{candidates, cue_head, train, CueModel};
    use dossier_eval::attribution::load;
    let polnear = data.join("attribution/polnear/data");
    let examples = |split: &str| -> Result<Vec<(Vec<u64>, bool)>, String> {
        let mut out = Vec::new();
        for d in load(&polnear.join(split))? {
            let run = dossier_eval::Analysed::new(&d.text, None).map_err(|e| format!("{}: {e}", d.name))?;
            let chars: Vec<char> = d.text.chars().collect();
            // The head word of each gold cue, in code points.
            let heads: Vec<(usize, usize)> = d
                .gold
                .iter()
                .filter_map(|a| {
                    let mut words: Vec<(usize, usize)> = Vec::new();
                    for &(a, b) in &a.cue {
                        let mut i = a;
                        while i < b {
                            while i < b && !chars[i].is_alphanumeric() {
                                i += 1;
                            }
                            let start = i;
                            while i < b && !chars[i].is_whitespace() {
                                i += 1;
                            }
                            if i > start {
                                words.push((start, i));
                            }
                        }
                    }
                    let lower: Vec<String> = words.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>().to_lowercase()).collect();
                    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
                    words.get(cue_head(&lower)).copied()
                })
                .collect();
            for (k, features) in candidates(&run.doc) {
                let (a, b) = run.original(run.doc.tokens[k].span);
                out.push((features, heads.iter().any(|&(c, e)| a < e && c < b)));
            }
        }
        Ok(out)
    };
    let (train_set, dev) = (examples("train")?, examples("dev")?);
    let started = std::time::Instant::now();
    let model = train(&train_set, CUE_ITERATIONS, 0x5eed);
    println!("trained on {} candidate words ({} cues) in {:.1} s", train_set.len(), train_set.iter().filter(|e| e.1).count(), started.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    let model = CueModel::from_bytes(&bytes)?;
    let (mut right, mut predicted, mut gold) = (0, 0, 0);
    for (features, truth) in &dev {
        let guess = model.is_cue(features);
        right += usize::from(guess && *truth);
        predicted += usize::from(guess);
        gold += usize::from(*truth);
    }
    let (p, r) = (right as f64 / predicted.max(1) as f64, right as f64 / gold.max(1) as f64);
    println!("PolNeAR dev, cue heads among candidate words (the detector alone): P {p:.3} R {r:.3} F1 {:.3}", 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE));
    write_model("crates/claims/models/cues.bin", &bytes)
}

/// Trains the content-bounds ranker on PolNeAR train (fixed seed) from the contents the
/// rules find, prints how often it puts an edge where PolNeAR dev's gold has it against
/// the rules alone, and writes `crates/claims/models/bounds.bin`. It reads what the cue
/// detector finds, so `train-cues` runs before it.
fn train_bounds(data: &Path) -> Result<(), String> {
    use dossier_claims::bounds::{edge_candidates, train, BoundsModel, Edge};
    use dossier_eval::attribution::{load, polnear_content};
    let polnear = data.join("attribution/polnear/data");
    // Each edge of a rule-found content whose cue is a gold cue with one content span:
    // its candidates' features and which of them give the gold edge; beside them, which
    // candidate is the rules' edge.
    type Examples = (Vec<(Vec<Vec<u64>>, Vec<bool>)>, Vec<usize>);
    let examples = |split: &str| -> Result<Examples, String> {
        let (mut out, mut rules_at) = (Vec::new(), Vec::new());
        for d in load(&polnear.join(split))? {
            let mut run = dossier_eval::Analysed::new(&d.text, None).map_err(|e| format!("{}: {e}", d.name))?;
            run.doc.claims = dossier_claims::annotate_with(&run.doc, None);
            let candidates_of = edge_candidates(&run.doc, &run.doc.claims);
            let original: Vec<char> = d.text.chars().collect();
            for (claim, both) in run.doc.claims.iter().zip(candidates_of) {
                let Some(cue) = claim.cue else { continue };
                let (ca, cb) = run.original(cue);
                let Some(gold) = d.gold.iter().find(|g| g.cue.iter().any(|&(a, b)| a < cb && ca < b)).filter(|g| g.content.len() == 1) else { continue };
                let (ga, gb) = gold.content[0];
                let tokens = run.doc.token_range(claim.content);
                for (edge, candidates) in [Edge::Start, Edge::End].into_iter().zip(both) {
                    let rule = match edge {
                        Edge::Start => tokens.start,
                        Edge::End => tokens.end,
                    };
                    let Some(rule_at) = candidates.iter().position(|(at, _)| *at == rule) else { continue };
                    let mut right: Vec<bool> = candidates
                        .iter()
                        .map(|&(at, _)| {
                            let (from, to) = match edge {
                                Edge::Start => (at, tokens.end),
                                Edge::End => (tokens.start, at),
                            };
                            let span = run.doc.tokens[from].span.cover(run.doc.tokens[to - 1].span);
                            let (a, b) = polnear_content(&original, run.original(span));
                            match edge {
                                Edge::Start => a == ga,
                                Edge::End => b == gb,
                            }
                        })
                        .collect();
                    // PolNeAR's edges take in what dossier's leave out (a leading "that",
                    // quote marks, closing punctuation), so several boundaries may give the
                    // gold edge: the innermost is the one dossier writes.
                    let innermost = match edge {
                        Edge::Start => right.iter().rposition(|&r| r),
                        Edge::End => right.iter().position(|&r| r),
                    };
                    right.iter_mut().enumerate().for_each(|(k, r)| *r = Some(k) == innermost);
                    out.push((candidates.into_iter().map(|(_, f)| f).collect(), right));
                    rules_at.push(rule_at);
                }
            }
        }
        Ok((out, rules_at))
    };
    let ((train_set, _), (dev, dev_rules_at)) = (examples("train")?, examples("dev")?);
    let started = std::time::Instant::now();
    let model = train(&train_set, BOUND_ITERATIONS, 0x5eed);
    println!("trained on {} content edges ({} with the gold edge in reach) in {:.1} s", train_set.len(), train_set.iter().filter(|e| e.1.contains(&true)).count(), started.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    let model = BoundsModel::from_bytes(&bytes)?;
    let (mut rules, mut ranked, mut reachable) = (0, 0, 0);
    for ((features, right), rule_at) in dev.iter().zip(&dev_rules_at) {
        rules += usize::from(right[*rule_at]);
        ranked += usize::from(model.best(features).is_some_and(|b| right[b]));
        reachable += usize::from(right.contains(&true));
    }
    println!("PolNeAR dev, {} content edges of gold cues: the rules' edge is gold for {rules}, the ranker's for {ranked} (gold within reach: {reachable})", dev.len());
    write_model("crates/claims/models/bounds.bin", &bytes)
}

/// Passes over the content-edge training data (5 and 20 score alike on PolNeAR dev).
const BOUND_ITERATIONS: usize = 10;

/// Passes over the cue training data (5 and 20 score alike on PolNeAR dev).
const CUE_ITERATIONS: usize = 10;

/// Passes over the name training data (5 to 15 score alike on UNER dev).
const NAME_ITERATIONS: usize = 10;
/// Sentences grouped into one document for sets without document breaks.
const SENTENCES_PER_DOC: usize = 20;

/// Passes over the training data: dev accuracy stops rising after about eight.
const ITERATIONS: usize = 12;

fn build(data: &Path) -> Result<(), String> {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/entities/data");
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let common = common_words(&data.join("nlp/ud-english-ewt/en_ewt-ud-train.conllu"))?;
    let mut rows = Rows::new();
    let countries = countries(data, &mut rows)?;
    places(data, &countries, &common, &mut rows)?;
    outlets(data, &mut rows)?;
    let mut given = people(data, &mut rows)?;
    given.extend(uner_given_names(&data.join("nlp/uner-english-ewt/en_ewt-ud-train.early-20221202.iob2"), &common)?);

    let mut tsv = String::from("# kind\tcanonical\tsurface\trole — generated by `cargo run -p xtask -- gazetteer`; see NOTICE.md\n");
    for (kind, canonical, surface, role) in &rows {
        tsv.push_str(&format!("{kind}\t{canonical}\t{surface}\t{role}\n"));
    }
    write(&out.join("gazetteer.tsv"), &tsv)?;
    write(&out.join("common-words.txt"), &(common.iter().cloned().collect::<Vec<_>>().join("\n") + "\n"))?;
    write(&out.join("given-names.txt"), &(given.iter().cloned().collect::<Vec<_>>().join("\n") + "\n"))?;
    println!("gazetteer: {} rows; common words: {}; given names: {}", rows.len(), common.len(), given.len());
    Ok(())
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes a trained model at `path` (from the workspace root) and says so.
fn write_model(path: &str, bytes: &[u8]) -> Result<(), String> {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    write(&out, bytes)?;
    println!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e} (is ../shared/data there?)", path.display()))
}

fn latin(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c) || c == '’')
}

/// Lower-cased words that EWT writes in lower case at least as often as capitalised
/// anywhere but at a sentence start.
fn common_words(conllu: &Path) -> Result<BTreeSet<String>, String> {
    let mut lower: HashMap<String, u32> = HashMap::new();
    let mut capital: HashMap<String, u32> = HashMap::new();
    let mut first = true;
    for line in read(conllu)?.lines() {
        if line.is_empty() {
            first = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[0].contains(['-', '.']) {
            continue;
        }
        let form = cols[1];
        if !form.chars().all(char::is_alphabetic) {
            first = false;
            continue;
        }
        let key = form.to_lowercase();
        if form.chars().next().is_some_and(char::is_lowercase) {
            *lower.entry(key).or_default() += 1;
        } else if !first && cols[3] != "PROPN" {
            *capital.entry(key).or_default() += 1;
        } else if cols[3] == "PROPN" {
            *capital.entry(key).or_default() += 2;
        }
        first = false;
    }
    Ok(lower
        .into_iter()
        .filter(|(w, n)| *n >= 2 && *n >= capital.get(w).copied().unwrap_or(0))
        .map(|(w, _)| w)
        .collect())
}

/// Countries with their official names, alternative spellings, demonyms and capitals.
/// Returns the set of country names (to keep cities from shadowing them).
fn countries(data: &Path, rows: &mut Rows) -> Result<BTreeSet<String>, String> {
    let path = data.join("gazetteers/countries-mledoze/countries.json");
    let json: serde_json::Value = serde_json::from_str(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut names = BTreeSet::new();
    for c in json.as_array().ok_or("countries.json is not a list")? {
        let common = c["name"]["common"].as_str().unwrap_or_default().to_string();
        if common.is_empty() {
            continue;
        }
        names.insert(common.clone());
        let mut add = |surface: &str, role: &str| {
            if !surface.is_empty() && latin(surface) && !surface.contains(',') {
                rows.insert(("place".into(), common.clone(), surface.to_string(), role.into()));
            }
        };
        add(&common, "name");
        add(c["name"]["official"].as_str().unwrap_or_default(), "alias");
        let codes = [c["cca2"].as_str().unwrap_or_default(), c["cca3"].as_str().unwrap_or_default()];
        for alt in c["altSpellings"].as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
            // Two- and three-letter codes collide with words ("IN", "CAN"); keep only the famous ones.
            let is_code = alt.len() <= 3 && alt.chars().all(|ch| ch.is_ascii_uppercase());
            let famous = matches!(alt, "US" | "USA" | "UK" | "UAE" | "DRC" | "ROK");
            if (!is_code || famous) && (!codes.contains(&alt) || matches!(alt, "US" | "USA")) {
                add(alt, "alias");
            }
        }
        for g in ["m", "f"] {
            add(c["demonyms"]["eng"][g].as_str().unwrap_or_default(), "demonym");
        }
        for cap in c["capital"].as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
            add(cap, "capital");
        }
    }
    Ok(names)
}

/// GeoNames cities over 100,000 people (and all capitals) and first-level regions.
fn places(data: &Path, countries: &BTreeSet<String>, common: &BTreeSet<String>, rows: &mut Rows) -> Result<(), String> {
    // Single words that name regions in some country but describe in English ("Western").
    const DESCRIPTORS: &[&str] = &[
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
        "Middle", "Coast", "Coastal", "Capital", "Federal", "Northwest", "Northeast", "Southwest", "Southeast",
        "Islands", "Highlands", "Lakes", "Mountain", "Valley", "Plains", "Interior", "Inner", "Outer", "Greater",
    ];
    let usable = |name: &str| {
        name.chars().count() >= 4 && latin(name) && !countries.contains(name) && !common.contains(&name.to_lowercase()) && !DESCRIPTORS.contains(&name)
    };
    let zip_path = data.join("gazetteers/geonames-2013/cities15000.zip");
    let file = fs::File::open(&zip_path).map_err(|e| format!("{}: {e}", zip_path.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", zip_path.display()))?;
    let mut text = String::new();
    archive
        .by_name("cities15000.txt")
        .map_err(|e| format!("{}: {e}", zip_path.display()))?
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 15 {
            continue;
        }
        let population: u64 = cols[14].parse().unwrap_or(0);
        if !(population >= 100_000 || cols[7] == "PPLC") {
            continue;
        }
        let alternates: Vec<&str> = cols[3].split(',').collect();
        // 2013 transliterations carry apostrophes ("Donets’k"); English news drops them.
        let plain: String = cols[1].chars().filter(|c| !matches!(c, '’' | '\'')).collect();
        let canonical = if plain != cols[1] && alternates.contains(&plain.as_str()) { plain } else { cols[1].to_string() };
        for surface in std::iter::once(cols[1]).chain(std::iter::once(canonical.as_str())).chain(alternates.iter().copied()) {
            let english_like = surface.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-');
            let capitalised = surface.starts_with(|c: char| c.is_ascii_uppercase());
            // Spelling variants ("Kiev"/"Kyiv") and exonyms that keep the name's first letters
            // ("München"/"Munich"); other alternates are old or foreign names ("Stalino").
            let folded = |s: &str| -> String { s.chars().filter_map(fold).take(3).collect::<String>().to_lowercase() };
            let variant = surface.chars().next() == cols[1].chars().next() && edit_distance(surface, cols[1]) <= 2
                || surface.chars().count() >= 5 && folded(surface) == folded(cols[1]);
            if usable(surface) && (surface == cols[1] || english_like && capitalised && variant) {
                rows.insert(("place".into(), canonical.clone(), surface.into(), "city".into()));
            }
        }
    }
    let admin1 = read(&data.join("gazetteers/geonames-2013/admin1CodesASCII.txt"))?;
    for line in admin1.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 && usable(cols[2]) && cols[2].chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-') {
            rows.insert(("place".into(), cols[2].into(), cols[2].into(), "region".into()));
        }
    }
    Ok(())
}

fn outlets(data: &Path, rows: &mut Rows) -> Result<(), String> {
    let text = read(&data.join("gazetteers/news-outlets-freebie/websources.csv"))?;
    for line in text.lines().skip(1) {
        // source_id,name,language,... — names in this file carry no commas.
        let cols: Vec<&str> = line.split(',').collect();
        if cols.len() >= 3 && cols[2] == "en" && cols[1].chars().count() >= 3 && latin(cols[1]) {
            let name = cols[1].trim();
            rows.insert(("outlet".into(), name.into(), name.into(), "name".into()));
        }
    }
    Ok(())
}

/// US members of Congress and presidents / vice-presidents. Returns their first names.
fn people(data: &Path, rows: &mut Rows) -> Result<BTreeSet<String>, String> {
    let mut given = BTreeSet::new();
    for file in ["legislators-current.yaml", "executive.yaml"] {
        let path = data.join("gazetteers/us-congress-legislators").join(file);
        let docs = YamlLoader::load_from_str(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
        for person in docs.first().and_then(Yaml::as_vec).into_iter().flatten() {
            let name = &person["name"];
            let (Some(first), Some(last)) = (name["first"].as_str(), name["last"].as_str()) else { continue };
            let short = format!("{} {last}", name["nickname"].as_str().unwrap_or(first));
            let canonical = name["official_full"].as_str().map_or(short.clone(), str::to_string);
            let mut forms: BTreeMap<String, &str> = BTreeMap::new();
            forms.insert(canonical.clone(), "name");
            forms.insert(short, "alias");
            forms.insert(format!("{first} {last}"), "alias");
            for (surface, role) in forms {
                rows.insert(("person".into(), canonical.clone(), surface, role.into()));
            }
            given.insert(first.to_string());
            if let Some(nick) = name["nickname"].as_str() {
                given.insert(nick.to_string());
            }
        }
    }
    Ok(given)
}

/// First tokens of multi-token PER spans in UNER-EWT train that are not common words.
fn uner_given_names(iob2: &Path, common: &BTreeSet<String>) -> Result<BTreeSet<String>, String> {
    let mut given = BTreeSet::new();
    let mut previous_begins_person: Option<String> = None;
    for line in read(iob2)?.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            previous_begins_person = None;
            continue;
        }
        if cols[2] == "I-PER" {
            if let Some(first) = previous_begins_person.take() {
                if first.chars().count() >= 2 && first.chars().all(char::is_alphabetic) && !common.contains(&first.to_lowercase()) {
                    given.insert(first);
                }
            }
        }
        previous_begins_person = (cols[2] == "B-PER").then(|| cols[1].to_string());
    }
    Ok(given)
}

/// Levenshtein distance over lower-cased characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// A letter without its accent, for comparing names across languages.
fn fold(c: char) -> Option<char> {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' | 'ý' => 'y',
        'Ö' | 'Ó' => 'O',
        'Ü' | 'Ú' => 'U',
        'Ä' | 'Á' => 'A',
        c if c.is_alphabetic() => c,
        _ => return None,
    };
    Some(plain)
}
