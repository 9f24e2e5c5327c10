//! Every output of `dossier extract` validates against `docs/output.schema.json`, and
//! every span's `text` is the body between its char offsets.

use serde_json::Value as Json;
use std::path::Path;
use std::process::Command;

fn examples() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .collect();
    pages.sort();
    pages
}

fn extract_all(extra: &[&str]) -> Vec<Json> {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("extract")
        .args(extra)
        .args(examples())
        .output()
        .expect("dossier runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn outputs_validate_against_the_schema() {
    let schema: Json = serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/output.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    assert!(!validator.is_valid(&serde_json::json!({"document": {}})), "the schema must reject an incomplete report");
    let reports = [extract_all(&[]), extract_all(&["--published", "2024-10-04"]), extract_all(&["--input", "plain"])].concat();
    assert_eq!(reports.len(), 3 * examples().len());
    for report in &reports {
        let errors: Vec<String> = validator.iter_errors(report).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {}", report["document"]["path"], errors.join("\n"));
    }
}

/// Walks a report and checks every `{start, end, text}` against the body.
fn check_spans(value: &Json, body: &[char], where_: &str) {
    match value {
        Json::Object(map) => {
            if let (Some(s), Some(e), Some(t)) = (map.get("start").and_then(Json::as_u64), map.get("end").and_then(Json::as_u64), map.get("text").and_then(Json::as_str)) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= body.len(), "{where_}: span {s}..{e} outside the body");
                assert_eq!(body[s..e].iter().collect::<String>(), t, "{where_}: span text differs from the body");
            }
            for (k, v) in map {
                if k != "article" || v.get("body").is_none() {
                    check_spans(v, body, &format!("{where_}.{k}"));
                }
            }
        }
        Json::Array(items) => items.iter().for_each(|v| check_spans(v, body, where_)),
        _ => {}
    }
}

#[test]
fn every_span_points_at_its_text() {
    for report in extract_all(&["--published", "2024-10-04"]) {
        let body: Vec<char> = report["article"]["body"].as_str().unwrap().chars().collect();
        check_spans(&report["article"]["paragraphs"], &body, "paragraphs");
        for key in ["sentences", "entities", "quantities", "times", "claims"] {
            check_spans(&report[key], &body, key);
        }
    }
}
