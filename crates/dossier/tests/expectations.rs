//! End to end: `dossier extract` on each example page yields every item of its
//! `.expected.yaml` (what a careful analyst writes down from that page).
//!
//! Items are matched by their quoted phrases, not by offsets. Prose-only fields of the
//! fixtures (`implies`, `event`, `relayed_by`, `note`, `checks`) are for readers and are
//! not checked here.

use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;
use yaml_rust2::{Yaml, YamlLoader};

/// (page, expectations, publication date given on the command line, if any)
const FIXTURES: &[(&str, &str, Option<&str>)] = &[
    ("nk-shells.txt", "nk-shells.expected.yaml", Some("2024-10-04")),
    ("kharkiv-power-plant.html", "kharkiv-power-plant.expected.yaml", None),
    ("baltic-cable.txt", "baltic-cable.expected.yaml", None),
    ("gaza-convoy.txt", "gaza-convoy.expected.yaml", None),
    ("chipmaker-layoffs.txt", "chipmaker-layoffs.expected.yaml", None),
    ("poland-drones.txt", "poland-drones.expected.yaml", None),
    ("measles-europe.txt", "measles-europe.expected.yaml", None),
    ("journalist-jailed.txt", "journalist-jailed.expected.yaml", Some("2024-05-22")),
    ("oil-revenues.txt", "oil-revenues.expected.yaml", Some("2024-02-05")),
    ("italy-floods.html", "italy-floods.expected.yaml", None),
    ("pokrovsk-losses.txt", "pokrovsk-losses.expected.yaml", Some("2024-10-07")),
];

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

pub fn run_dossier(page: &Path, published: Option<&str>) -> Json {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.arg("extract").arg(page);
    if let Some(p) = published {
        cmd.args(["--published", p]);
    }
    let out = cmd.output().expect("dossier runs");
    assert!(out.status.success(), "dossier failed on {}: {}", page.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("dossier prints JSON")
}

#[test]
fn every_expected_item_is_found() {
    let mut misses = Vec::new();
    for &(page, expected, published) in FIXTURES {
        let report = run_dossier(&examples().join(page), published);
        let text = std::fs::read_to_string(examples().join(expected)).expect("fixture exists");
        let yaml = &YamlLoader::load_from_str(&text).expect("fixture is YAML")[0];
        let mut check = Checker { report: &report, misses: Vec::new() };
        check.article(&yaml["article"]);
        check.entities(&yaml["entities"]);
        check.times(&yaml["times"]);
        check.not_quantities(&yaml["not_quantities"]);
        check.claims(&yaml["claims"]);
        check.unattributed(&yaml["unattributed"]);
        misses.extend(check.misses.into_iter().map(|m| format!("{page}: {m}")));
    }
    assert!(misses.is_empty(), "{} expected item(s) missed:\n{}", misses.len(), misses.join("\n"));
}

struct Checker<'a> {
    report: &'a Json,
    misses: Vec<String>,
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Real(r) => Some(r.clone()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn number(y: &Yaml) -> Option<f64> {
    match y {
        Yaml::Integer(i) => Some(*i as f64),
        Yaml::Real(r) => r.parse().ok(),
        _ => None,
    }
}

/// Drops a leading article and surrounding punctuation, squashes whitespace.
fn norm(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches(|c: char| c.is_ascii_punctuation() || "“”‘’".contains(c));
    let s = s.strip_prefix("The ").or_else(|| s.strip_prefix("the ")).unwrap_or(s);
    s.to_string()
}

fn text_of(span: &Json) -> &str {
    span["text"].as_str().unwrap_or_default()
}

/// Char ranges of every occurrence of `needle` in the body.
fn occurrences(body: &str, needle: &str) -> Vec<(usize, usize)> {
    body.match_indices(needle)
        .map(|(b, m)| {
            let start = body[..b].chars().count();
            (start, start + m.chars().count())
        })
        .collect()
}

fn inside(span: &Json, range: (usize, usize)) -> bool {
    let (s, e) = (span["start"].as_u64().unwrap_or(0) as usize, span["end"].as_u64().unwrap_or(0) as usize);
    range.0 <= s && e <= range.1
}

impl Checker<'_> {
    fn miss(&mut self, m: String) {
        self.misses.push(m);
    }

    fn body(&self) -> &str {
        self.report["article"]["body"].as_str().unwrap_or_default()
    }

    fn article(&mut self, a: &Yaml) {
        let out = &self.report["article"];
        for (key, field) in [("title", "title"), ("publisher", "publisher")] {
            if let Some(want) = scalar(&a[key]) {
                if out[field].as_str() != Some(want.as_str()) {
                    self.miss(format!("article.{key}: want {want:?}, got {}", out[field]));
                }
            }
        }
        if let Some(want) = scalar(&a["published"]) {
            if out["published"]["value"].as_str().map(|v| v.starts_with(&want)) != Some(true) {
                self.miss(format!("article.published: want {want}, got {}", out["published"]));
            }
        }
        for key in ["section", "byline"] {
            if let Some(want) = a[key].as_vec() {
                let want: Vec<String> = want.iter().filter_map(scalar).collect();
                let got: Vec<String> = out[key].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
                if want != got {
                    self.miss(format!("article.{key}: want {want:?}, got {got:?}"));
                }
            }
        }
        for c in a["captions"].as_vec().into_iter().flatten() {
            let found = out["captions"].as_array().into_iter().flatten().any(|got| {
                got["text"].as_str() == c["text"].as_str() && (c["credit"].is_badvalue() || got["credit"].as_str() == c["credit"].as_str())
            });
            if !found {
                self.miss(format!("caption {:?} not found in {}", c["text"].as_str(), out["captions"]));
            }
        }
        let body = self.body().to_string();
        let removed: Vec<(String, String)> = out["removed"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| (r["text"].as_str().unwrap_or_default().to_string(), r["reason"].as_str().unwrap_or_default().to_string()))
            .collect();
        for item in a["boilerplate_removed"].as_vec().into_iter().flatten().filter_map(scalar) {
            if item.starts_with("second copy of") {
                if !removed.iter().any(|(_, reason)| reason == "duplicate-caption") {
                    self.miss(format!("boilerplate: no duplicate caption removed ({item})"));
                }
                continue;
            }
            if body.contains(&item) {
                self.miss(format!("boilerplate {item:?} is in the body"));
            }
            if !removed.iter().any(|(t, _)| t == &item) {
                self.miss(format!("boilerplate {item:?} is not listed as removed"));
            }
        }
        if let Some(start) = scalar(&a["body_starts_with"]) {
            if !body.starts_with(&start) {
                self.miss(format!("body starts {:?}, want {start:?}", body.chars().take(40).collect::<String>()));
            }
        }
        if let Some(end) = scalar(&a["body_ends_with"]) {
            if !body.ends_with(&end) {
                self.miss(format!("body ends {:?}, want {end:?}", body.chars().rev().take(40).collect::<String>().chars().rev().collect::<String>()));
            }
        }
        if let Some(n) = a["body_paragraphs"].as_i64() {
            let got = out["paragraphs"].as_array().map_or(0, Vec::len);
            if got as i64 != n {
                self.miss(format!("body has {got} paragraphs, want {n}"));
            }
        }
    }

    fn entities(&mut self, e: &Yaml) {
        let Some(map) = e.as_hash() else { return };
        for (name, forms) in map {
            let name = scalar(name).unwrap_or_default();
            let entity = self.report["entities"].as_array().into_iter().flatten().find(|x| x["name"].as_str() == Some(name.as_str())).cloned();
            let Some(entity) = entity else {
                self.miss(format!("entity {name:?} not found"));
                continue;
            };
            let mentions: Vec<String> = entity["mentions"].as_array().into_iter().flatten().map(|m| norm(text_of(m))).collect();
            for form in forms.as_vec().into_iter().flatten().filter_map(scalar) {
                let form = norm(&form);
                let word_inside = |m: &String| format!(" {m} ").contains(&format!(" {form} "));
                if !mentions.iter().any(|m| *m == form || word_inside(m)) {
                    self.miss(format!("entity {name:?}: no mention {form:?} (mentions: {mentions:?})"));
                }
            }
        }
    }

    fn times(&mut self, t: &Yaml) {
        let body = self.body().to_string();
        for want in t.as_vec().into_iter().flatten() {
            let text = scalar(&want["text"]).unwrap_or_default();
            let value = scalar(&want["value"]).unwrap_or_default();
            let kind = scalar(&want["type"]);
            let places = occurrences(&body, &text);
            if places.is_empty() {
                self.miss(format!("time {text:?} is not in the body"));
            }
            for place in places {
                let found = self.report["times"].as_array().into_iter().flatten().any(|x| {
                    inside(&x["span"], place) && x["value"].as_str() == Some(value.as_str()) && kind.as_deref().is_none_or(|k| x["type"].as_str() == Some(k))
                });
                if !found {
                    self.miss(format!("time {text:?} at {place:?}: want {value} ({kind:?})"));
                }
            }
        }
    }

    fn not_quantities(&mut self, n: &Yaml) {
        let body = self.body().to_string();
        for text in n.as_vec().into_iter().flatten().filter_map(scalar) {
            for place in occurrences(&body, &text) {
                let overlapping = self.report["quantities"].as_array().into_iter().flatten().find(|q| {
                    let (s, e) = (q["span"]["start"].as_u64().unwrap_or(0) as usize, q["span"]["end"].as_u64().unwrap_or(0) as usize);
                    s < place.1 && place.0 < e
                });
                if let Some(q) = overlapping {
                    self.miss(format!("{text:?} is not a quantity, got {}", q["span"]));
                }
            }
        }
    }

    fn by_id<'j>(&'j self, list: &str, id: &Json) -> Option<&'j Json> {
        self.report[list].as_array()?.iter().find(|x| x["id"] == *id)
    }

    fn claims(&mut self, c: &Yaml) {
        for want in c.as_vec().into_iter().flatten() {
            let label = scalar(&want["id"]).unwrap_or_default();
            let content = norm(&scalar(&want["content"]).unwrap_or_default());
            let claim = self.report["claims"].as_array().into_iter().flatten().find(|x| norm(text_of(&x["content"])) == content).cloned();
            let Some(claim) = claim else {
                self.miss(format!("claim {label}: no claim with content {content:?}"));
                continue;
            };
            if let Some(source) = scalar(&want["source"]) {
                let got_name = claim["source"]["name"].as_str().unwrap_or_default();
                let got_span = norm(text_of(&claim["source"]["span"]));
                if got_name != source && got_span != norm(&source) {
                    self.miss(format!("claim {label}: source {source:?}, got {} / {got_span:?}", claim["source"]["name"]));
                }
            }
            if let Some(cue) = scalar(&want["cue"]) {
                if !text_of(&claim["cue"]).eq_ignore_ascii_case(&cue) {
                    self.miss(format!("claim {label}: cue {cue:?}, got {:?}", text_of(&claim["cue"])));
                }
            }
            if let Some(polarity) = scalar(&want["polarity"]) {
                if claim["polarity"].as_str() != Some(polarity.as_str()) {
                    self.miss(format!("claim {label}: polarity {polarity}, got {}", claim["polarity"]));
                }
            }
            if let Some(quoted) = want["quoted"].as_bool() {
                if claim["quoted"].as_bool() != Some(quoted) {
                    self.miss(format!("claim {label}: quoted {quoted}, got {}", claim["quoted"]));
                }
            }
            if let Some(relay) = want["relay"].as_vec() {
                let want: Vec<String> = relay.iter().filter_map(scalar).collect();
                let got: Vec<String> = claim["relay"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
                if want != got {
                    self.miss(format!("claim {label}: relay {want:?}, got {got:?}"));
                }
            }
            let hedges: Vec<String> = claim["hedges"].as_array().into_iter().flatten().map(|h| text_of(h).to_lowercase()).collect();
            for h in want["hedges"].as_vec().into_iter().flatten().filter_map(scalar) {
                if !hedges.contains(&h.to_lowercase()) {
                    self.miss(format!("claim {label}: hedge {h:?} missing (got {hedges:?})"));
                }
            }
            for key in ["said_on", "time"] {
                if want[key].is_badvalue() {
                    continue;
                }
                let text = scalar(&want[key]["text"]).unwrap_or_default();
                let value = scalar(&want[key]["value"]).unwrap_or_default();
                let ids: Vec<Json> = if key == "said_on" { vec![claim["said_on"].clone()] } else { claim["times"].as_array().cloned().unwrap_or_default() };
                let ok = ids.iter().filter_map(|id| self.by_id("times", id)).any(|t| t["value"].as_str() == Some(value.as_str()) && text.contains(text_of(&t["span"])));
                if !ok {
                    self.miss(format!("claim {label}: {key} {text:?} = {value} not found"));
                }
            }
            for q in want["quantities"].as_vec().into_iter().flatten() {
                self.quantity(&label, &claim, q);
            }
        }
    }

    fn quantity(&mut self, label: &str, claim: &Json, want: &Yaml) {
        let text = scalar(&want["text"]).unwrap_or_default();
        let ids = claim["quantities"].as_array().cloned().unwrap_or_default();
        let found = ids.iter().filter_map(|id| self.by_id("quantities", id)).find(|q| text.contains(text_of(&q["span"]))).cloned();
        let Some(q) = found else {
            self.miss(format!("claim {label}: quantity {text:?} not found"));
            return;
        };
        let interval = &q["interval"];
        if let Some(v) = number(&want["value"]) {
            let got = q["value"].as_f64().or(interval["low"].as_f64().filter(|_| want["bounds"].as_str().is_some_and(|b| b.starts_with(['(', '[']))));
            if got.is_none_or(|g| (g - v).abs() > 1e-9 * v.abs().max(1.0)) {
                self.miss(format!("claim {label}: quantity {text:?} value {v}, got {}", q["value"]));
            }
        }
        for key in ["unit", "per", "currency"] {
            if let Some(w) = scalar(&want[key]) {
                if q[key].as_str() != Some(w.as_str()) {
                    self.miss(format!("claim {label}: quantity {text:?} {key} {w:?}, got {}", q[key]));
                }
            }
        }
        if scalar(&want["kind"]).as_deref() == Some("share") && q["kind"] != "share" {
            self.miss(format!("claim {label}: quantity {text:?} is a share, got {}", q["kind"]));
        }
        match scalar(&want["bounds"]).as_deref() {
            None => {}
            Some("approximate") if q["approximate"] != true => {
                self.miss(format!("claim {label}: quantity {text:?} should be approximate"));
            }
            Some("exact") if interval["low"] != interval["high"] || q["approximate"] == true => {
                self.miss(format!("claim {label}: quantity {text:?} should be exact, got {interval}"));
            }
            Some("approximate" | "exact") => {}
            Some(bounds) => {
                let want = parse_bounds(bounds);
                let got = (interval["low"].as_f64(), interval["low_inclusive"].as_bool() == Some(true), interval["high"].as_f64(), interval["high_inclusive"].as_bool() == Some(true));
                if want != Some(got) {
                    self.miss(format!("claim {label}: quantity {text:?} bounds {bounds}, got {interval}"));
                }
            }
        }
    }

    fn unattributed(&mut self, u: &Yaml) {
        for want in u.as_vec().into_iter().flatten() {
            let text = scalar(&want["text"]).unwrap_or_default();
            let claim = self.report["claims"].as_array().into_iter().flatten().find(|c| c["source"].is_null() && text_of(&c["content"]).contains(&text)).cloned();
            let Some(claim) = claim else {
                self.miss(format!("unattributed claim containing {text:?} not found"));
                continue;
            };
            if let Some(value) = scalar(&want["time"]["value"]) {
                let ok = claim["times"].as_array().into_iter().flatten().filter_map(|id| self.by_id("times", id)).any(|t| t["value"].as_str() == Some(value.as_str()));
                if !ok {
                    self.miss(format!("unattributed {text:?}: time {value} not attached"));
                }
            }
        }
    }
}

/// "[10000, inf)" → (Some(10000), true, None, false)
fn parse_bounds(b: &str) -> Option<(Option<f64>, bool, Option<f64>, bool)> {
    let b = b.trim();
    let low_inclusive = b.starts_with('[');
    let high_inclusive = b.ends_with(']');
    let (low, high) = b.get(1..b.len() - 1)?.split_once(',')?;
    let bound = |s: &str| match s.trim() {
        "inf" | "-inf" => None,
        n => n.parse().ok(),
    };
    let (low, high) = (bound(low), bound(high));
    Some((low, low_inclusive && low.is_some(), high, high_inclusive && high.is_some()))
}
