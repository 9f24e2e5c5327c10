//! End-to-end tests of the ledger: `dossier ingest`, the query commands and exports,
//! and the linking scored against the links drawn by hand in `tests/ledger-links.txt`.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).output().expect("the dossier binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-ledger-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The written corpus the linking was built on.
fn corpus() -> String {
    folder("ledger-corpus")
}

fn folder(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name).display().to_string()
}

fn ingest(db: &Path, jobs: &str) -> Output {
    dossier(&["ingest", &corpus(), "--db", &db.display().to_string(), "--jobs", jobs, "--input", "html"])
}

/// The exported ledger: articles (file stem, original) and claims (appearances, relations).
struct Exported {
    /// article id → file stem
    files: HashMap<i64, String>,
    /// article id → the article it is a copy of
    copy_of: HashMap<i64, i64>,
    /// cluster id → appearances (article id, content)
    clusters: HashMap<i64, Vec<(i64, String)>>,
    /// (kind, cluster, other cluster) as shown from each side
    relations: Vec<(String, i64, i64)>,
}

fn export(db: &Path) -> Exported {
    let out = dossier(&["export", "--format", "jsonl", "--db", &db.display().to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut e = Exported { files: HashMap::new(), copy_of: HashMap::new(), clusters: HashMap::new(), relations: Vec::new() };
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v["type"] == "article" {
            let a = &v["article"];
            let id = a["id"].as_i64().unwrap();
            let origin = a["filing"]["provenance"]["origin"].as_str().unwrap();
            e.files.insert(id, Path::new(origin).file_stem().unwrap().to_string_lossy().into_owned());
            if let Some(o) = a["copy_of"].as_i64() {
                e.copy_of.insert(id, o);
            }
        } else {
            let c = &v["claim"];
            let id = c["row"]["id"].as_i64().unwrap();
            let appearances = c["appearances"].as_array().unwrap().iter().map(|a| (a["article"].as_i64().unwrap(), a["content"]["text"].as_str().unwrap().to_string()));
            e.clusters.insert(id, appearances.collect());
            for r in c["relations"].as_array().unwrap() {
                e.relations.push((r["kind"].as_str().unwrap().to_string(), id, r["claim"].as_i64().unwrap()));
            }
        }
    }
    e
}

/// The hand-drawn links.
struct Gold {
    copies: Vec<Vec<String>>,
    /// claim name → (file, phrase)
    claims: Vec<(String, Vec<(String, String)>)>,
    /// (kind, name, name); refines is ordered narrower → wider
    relations: Vec<(String, String, String)>,
}

fn gold(links: &str) -> Gold {
    let text = std::fs::read_to_string(folder(links)).unwrap();
    let mut g = Gold { copies: Vec::new(), claims: Vec::new(), relations: Vec::new() };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (head, rest) = line.split_once(' ').unwrap();
        match head {
            "copies" => g.copies.push(rest.split_whitespace().map(str::to_string).collect()),
            "claim" => {
                let (name, items) = rest.split_once(':').unwrap();
                let name = name.trim();
                let items = items
                    .split(';')
                    .map(|item| {
                        let (file, phrase) = item.trim().split_once(' ').unwrap();
                        (file.to_string(), phrase.trim().trim_matches('"').to_string())
                    })
                    .collect();
                g.claims.push((name.to_string(), items));
            }
            kind => {
                let (a, b) = rest.split_once(' ').unwrap();
                g.relations.push((kind.to_string(), a.to_string(), b.to_string()));
            }
        }
    }
    g
}

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn pairs<T: Ord + Clone>(groups: impl IntoIterator<Item = Vec<T>>) -> BTreeSet<(T, T)> {
    let mut out = BTreeSet::new();
    for g in groups {
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                if a != b {
                    out.insert(if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) });
                }
            }
        }
    }
    out
}

fn compare<T: Ord>(predicted: &BTreeSet<T>, gold: &BTreeSet<T>) -> Score {
    let tp = predicted.intersection(gold).count();
    Score { tp, fp: predicted.len() - tp, fn_: gold.len() - tp }
}

/// Scores copies, same-claim pairs and relations; prints each and returns the pooled score.
fn score(e: &Exported, g: &Gold, misses: &mut Vec<String>) -> (Score, Score, Score) {
    // Copies: pairs of articles in one copy group.
    let mut groups: HashMap<i64, Vec<String>> = HashMap::new();
    for (&id, file) in &e.files {
        let root = e.copy_of.get(&id).copied().unwrap_or(id);
        groups.entry(root).or_default().push(file.clone());
    }
    let copies = compare(&pairs(groups.into_values()), &pairs(g.copies.iter().cloned()));

    // Each gold appearance → the predicted claim (cluster, appearance index) whose content holds its phrase.
    let mut gold_of: HashMap<(i64, usize), String> = HashMap::new(); // predicted appearance → gold claim
    let mut cluster_of_item: HashMap<(String, String), i64> = HashMap::new();
    let mut clusters: Vec<(&i64, &Vec<(i64, String)>)> = e.clusters.iter().collect();
    clusters.sort();
    for (name, items) in &g.claims {
        for (file, phrase) in items {
            let found = clusters.iter().find_map(|(&cluster, apps)| {
                apps.iter().position(|(article, content)| e.files.get(article) == Some(file) && content.contains(phrase.as_str())).map(|i| (cluster, i))
            });
            match found {
                Some((cluster, i)) => {
                    gold_of.insert((cluster, i), name.clone());
                    cluster_of_item.insert((file.clone(), phrase.clone()), cluster);
                }
                None => misses.push(format!("no claim holds {file} {phrase:?}")),
            }
        }
    }
    // Same-claim pairs: predicted pairs of appearances in one cluster, from different articles.
    let mut claim_score = Score::default();
    let mut found_gold_pairs = 0;
    for (&cluster, apps) in &e.clusters {
        for i in 0..apps.len() {
            for j in i + 1..apps.len() {
                if apps[i].0 == apps[j].0 {
                    continue;
                }
                match (gold_of.get(&(cluster, i)), gold_of.get(&(cluster, j))) {
                    (Some(a), Some(b)) if a == b => claim_score.tp += 1,
                    (a, b) => {
                        claim_score.fp += 1;
                        misses.push(format!("linked as one claim: {:?} ({a:?}) and {:?} ({b:?})", apps[i].1, apps[j].1));
                    }
                }
            }
        }
    }
    for (name, items) in &g.claims {
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                if a.0 == b.0 {
                    continue;
                }
                match (cluster_of_item.get(a), cluster_of_item.get(b)) {
                    (Some(x), Some(y)) if x == y => found_gold_pairs += 1,
                    _ => misses.push(format!("{name}: {} {:?} and {} {:?} not linked", a.0, a.1, b.0, b.1)),
                }
            }
        }
    }
    let gold_pairs: usize = g.claims.iter().map(|(_, items)| pairs([items.iter().map(|i| i.0.clone()).collect::<Vec<_>>()]).len()).sum();
    claim_score.fn_ = gold_pairs - found_gold_pairs.min(gold_pairs);

    // Relations, between the gold claims the predicted clusters stand for.
    let cluster_gold: HashMap<i64, &String> = gold_of.iter().map(|((c, _), name)| (*c, name)).collect();
    let norm = |kind: &str, a: &str, b: &str| -> (String, String, String) {
        match kind {
            "refines" => ("refines".into(), a.into(), b.into()),
            "refined-by" => ("refines".into(), b.into(), a.into()),
            _ if a < b => (kind.into(), a.into(), b.into()),
            _ => (kind.into(), b.into(), a.into()),
        }
    };
    let mut predicted = BTreeSet::new();
    for (kind, a, b) in &e.relations {
        let (na, nb) = (cluster_gold.get(a).map(|s| s.as_str()).unwrap_or("?"), cluster_gold.get(b).map(|s| s.as_str()).unwrap_or("?"));
        let na = if na == "?" { format!("?C{a}") } else { na.to_string() };
        let nb = if nb == "?" { format!("?C{b}") } else { nb.to_string() };
        predicted.insert(norm(kind, &na, &nb));
    }
    let gold_relations: BTreeSet<_> = g.relations.iter().map(|(k, a, b)| norm(k, a, b)).collect();
    let relations = compare(&predicted, &gold_relations);
    for r in predicted.difference(&gold_relations) {
        misses.push(format!("relation not drawn by hand: {r:?}"));
    }
    for r in gold_relations.difference(&predicted) {
        misses.push(format!("relation missed: {r:?}"));
    }
    (copies, claim_score, relations)
}

#[test]
fn links_on_the_written_corpus() {
    let dir = scratch("links");
    let gold = gold("ledger-links.txt");
    let by_name = dir.join("by-name.sqlite");
    let all = score_run(&by_name, ingest(&by_name, "2"), &gold, 33);
    // This corpus was used while the linking was built: it guards the targets.
    assert!(all.precision() >= 0.95 && all.recall() >= 0.90, "linking fell below its target: {all:?}");
    // Newest first: links must not depend on the order articles arrive in.
    let mut files: Vec<String> = std::fs::read_dir(corpus()).unwrap().map(|e| e.unwrap().path().display().to_string()).collect();
    files.sort();
    files.reverse();
    let reversed = dir.join("reversed.sqlite");
    let mut args = vec!["ingest".to_string(), "--db".into(), reversed.display().to_string()];
    args.extend(files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let again = score_run(&reversed, dossier(&args), &gold, 33);
    assert_eq!((again.tp, again.fp, again.fn_), (all.tp, all.fp, all.fn_), "the order of arrival changed the links");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn links_on_the_held_out_corpus() {
    let dir = scratch("held-out");
    let db = dir.join("ledger.sqlite");
    let out = dossier(&["ingest", &folder("ledger-heldout"), "--db", &db.display().to_string()]);
    let all = score_run(&db, out, &gold("ledger-heldout-links.txt"), 14);
    // Written after the linking, scored as first run (see the closing note): a floor at that measure.
    assert!(all.precision() >= FIRST_HELD_OUT.0 && all.recall() >= FIRST_HELD_OUT.1, "held-out linking fell below its first measure: {all:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Precision and recall of all links on the held-out corpus when it was first run.
const FIRST_HELD_OUT: (f64, f64) = (0.65, 0.70);

/// Scores one ingested ledger against the hand-drawn links, printing each kind of link.
fn score_run(db: &Path, out: Output, gold: &Gold, articles: usize) -> Score {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let e = export(db);
    assert_eq!(e.files.len(), articles);
    let mut misses = Vec::new();
    let (copies, claims, relations) = score(&e, gold, &mut misses);
    let mut all = Score::default();
    for (name, s) in [("copies", copies), ("same claim", claims), ("relations", relations)] {
        println!("{name:>10}: precision {:.3} recall {:.3} ({} found, {} wrong, {} missed)", s.precision(), s.recall(), s.tp, s.fp, s.fn_);
        all.add(s);
    }
    println!("{:>10}: precision {:.3} recall {:.3}", "all links", all.precision(), all.recall());
    for m in &misses {
        println!("  {m}");
    }
    assert_eq!((copies.fp, copies.fn_), (0, 0), "copy groups are exact");
    all
}

#[test]
fn a_second_ingest_is_a_no_op_and_workers_do_not_change_the_links() {
    let dir = scratch("idempotent");
    let (one, four) = (dir.join("one.sqlite"), dir.join("four.sqlite"));
    assert!(ingest(&one, "1").status.success());
    let again = ingest(&one, "1");
    assert!(again.status.success());
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("0 new articles") && said.contains("33 already kept"), "{said}");
    assert!(ingest(&four, "4").status.success());
    let view = |db: &Path| {
        let e = export(db);
        let mut clusters: Vec<_> = e.clusters.into_iter().collect();
        clusters.sort();
        (clusters, e.copy_of.into_iter().collect::<BTreeSet<_>>(), e.relations.into_iter().collect::<BTreeSet<_>>())
    };
    assert!(view(&one) == view(&four), "one worker and four workers must file the same ledger");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_files_are_reported_and_skipped_without_losing_the_batch() {
    let dir = scratch("bad");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::copy(Path::new(&corpus()).join("s1-lantern-0305.html"), pages.join("a-good.html")).unwrap();
    std::fs::write(pages.join("b-empty.html"), "").unwrap();
    std::fs::write(pages.join("c-image.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(pages.join("d-broken.warc"), "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>cut").unwrap();
    std::fs::write(pages.join("e-lines.jsonl"), "{\"url\": \"https://x.test/1\", \"text\": \"The minister said on Monday that 12 schools would close.\", \"published\": \"2025-01-06\"}\nnot json\n").unwrap();
    let db = dir.join("ledger.sqlite");
    let out = dossier(&["ingest", &pages.display().to_string(), "--db", &db.display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for named in ["b-empty.html", "c-image.html", "d-broken.warc#1", "e-lines.jsonl:2"] {
        assert!(stderr.lines().any(|l| l.starts_with("dossier: ") && l.contains(named)), "{named} not reported in {stderr}");
    }
    assert!(stderr.contains("2 new articles"), "{stderr}");
    let listed = dossier(&["claims", "--db", &db.display().to_string(), "--format", "json"]);
    let rows: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let contents: Vec<&str> = rows.as_array().unwrap().iter().map(|r| r["content"].as_str().unwrap()).collect();
    assert!(contents.iter().any(|c| c.contains("12 schools would close")), "{contents:?}");
    assert!(contents.iter().any(|c| c.contains("52 cargo ships")), "{contents:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn queries_and_exports() {
    let dir = scratch("queries");
    let db = dir.join("ledger.sqlite");
    let db_arg = db.display().to_string();
    assert!(ingest(&db, "2").status.success());
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--db", &db_arg]);
        let out = dossier(&all);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let about: Value = serde_json::from_str(&run(&["claims", "--about", "Vantor Systems", "--format", "json"])).unwrap();
    let about = about.as_array().unwrap();
    assert!(!about.is_empty() && about.iter().all(|r| r["first_seen"].as_str().unwrap() >= "2025-09-02"));
    let since = run(&["claims", "--since", "2025-06-01", "--until", "2025-06-30", "--format", "csv"]);
    assert!(since.starts_with("ID,FIRST SEEN,ORIGIN") && since.lines().skip(1).all(|l| l.contains(",2025-06-")), "{since}");
    let first = about[0]["id"].as_i64().unwrap();
    let shown = run(&["show", &format!("C{first}")]);
    assert!(shown.contains("appearances (first first):") && shown.contains("relay:"), "{shown}");
    assert!(run(&["show", "A1"]).contains("sha256:"));
    assert!(run(&["show", "Vantor Systems"]).contains("claims about it"));
    let hits = run(&["search", "container terminal", "--format", "jsonl"]);
    assert!(hits.lines().count() >= 2, "{hits}");
    let figures = run(&["figures", "--about", "Vantor Systems"]);
    assert!(figures.contains("[0, 2000]") && figures.contains("1200"), "{figures}");
    let reviews = run(&["export", "--format", "claimreview"]);
    let review: Value = serde_json::from_str(reviews.lines().next().unwrap()).unwrap();
    assert_eq!(review["@type"], "ClaimReview");
    let ftm = run(&["export", "--format", "ftm"]);
    assert!(ftm.lines().any(|l| l.contains("\"schema\":\"Mention\"")) && ftm.lines().any(|l| l.contains("\"schema\":\"Person\"")));
    let events = run(&["export", "--format", "plover"]);
    let event: Value = serde_json::from_str(events.lines().next().expect("a denial in the corpus is a PLOVER event")).unwrap();
    assert_eq!((event["event_type"].as_str(), event["mode"].as_str()), (Some("REJECT"), Some("verbal")), "{event}");
    let tables = dir.join("tables");
    run(&["export", "--format", "csv", "--out", &tables.display().to_string()]);
    for t in ["articles.csv", "claims.csv", "appearances.csv", "relations.csv"] {
        assert!(std::fs::read_to_string(tables.join(t)).unwrap().lines().count() > 1, "{t} is empty");
    }
    let missing = dossier(&["claims", "--db", &dir.join("none.sqlite").display().to_string()]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no ledger at"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// What a ledger file holds, checked from outside: SQLite's own integrity and foreign-key
/// checks, and the ledger's invariants that one article's transaction keeps (a cluster's
/// count of appearances equals its claims; an article's claims are numbered without gaps).
/// Returns the number of articles held.
fn consistent(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    assert!(!conn.prepare("PRAGMA foreign_key_check").unwrap().exists([]).unwrap(), "a row points at nothing");
    let miscounted: i64 = conn.query_row("SELECT count(*) FROM clusters k WHERE appearances != (SELECT count(*) FROM claims c WHERE c.cluster = k.id)", [], |r| r.get(0)).unwrap();
    assert_eq!(miscounted, 0, "clusters whose appearances disagree with their claims");
    let gaps: i64 = conn
        .query_row("SELECT count(*) FROM (SELECT article FROM claims GROUP BY article HAVING count(*) != max(ordinal) + 1)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(gaps, 0, "articles with claims missing");
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap()
}

#[test]
fn twenty_kills_at_random_points_lose_nothing_committed_and_a_rerun_finishes_the_batch() {
    use std::io::Write;
    let dir = scratch("killed");
    // Distinct pages: each corpus page with an edition line of its own.
    const PAGES: usize = 4000;
    let pages = dir.join("pages.jsonl");
    let mut file = std::fs::File::create(&pages).unwrap();
    let corpus_pages: Vec<String> = std::fs::read_dir(corpus()).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    for i in 0..PAGES {
        let html = corpus_pages[i % corpus_pages.len()].replace("</article>", &format!("<p>Edition {i} of the morning file.</p></article>"));
        writeln!(file, "{}", serde_json::json!({"url": format!("test:{i}"), "html": html})).unwrap();
    }
    drop(file);
    let db = dir.join("ledger.sqlite");
    let db_arg = db.display().to_string();
    // SIGKILL after a pseudo-random 20–200 ms each time (a fixed seed, so a failure repeats).
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let (mut kept, mut held) = (0, Vec::new());
    for kill in 1..=20 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let wait = 20 + state % 181;
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["ingest", &pages.display().to_string(), "--db", &db_arg])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        assert!(child.try_wait().unwrap().is_none(), "the batch was done before kill {kill}: make it longer");
        child.kill().unwrap();
        child.wait().unwrap();
        let now = if db.exists() { consistent(&db) } else { 0 };
        assert!(now >= kept, "kill {kill} (after {wait} ms) lost committed articles: {now} < {kept}");
        kept = now;
        held.push(format!("{wait} ms: {now}"));
    }
    eprintln!("articles held after each kill: {}", held.join(", "));
    let rerun = dossier(&["ingest", &pages.display().to_string(), "--db", &db_arg]);
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    let said = String::from_utf8_lossy(&rerun.stderr);
    assert!(said.contains(&format!("{kept} already kept")), "the rerun must skip the {kept} kept: {said}");
    assert_eq!(consistent(&db), PAGES as i64, "every page exactly once");
    std::fs::remove_dir_all(&dir).unwrap();
}
