//! End-to-end tests of `dossier serve`: a server started on a fixture ledger, spoken to
//! over HTTP. Every page renders, filters change what is listed, highlights sit on the
//! right characters, hostile text is escaped, and ingest by POST needs the token.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `dossier serve` on a free port and waits for it to say where it listens.
fn serve(db: &Path, token: Option<&str>) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.args(["serve", "--db", &db.display().to_string(), "--addr", "127.0.0.1:0"]).stderr(Stdio::piped()).stdout(Stdio::null());
    command.env_remove("DOSSIER_TOKEN");
    if let Some(t) = token {
        command.env("DOSSIER_TOKEN", t);
    }
    let mut child = command.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().expect("the server says where it listens").unwrap();
        if let Some(rest) = line.strip_prefix("dossier: the desk is at http://") {
            break rest.trim_end_matches('/').to_string();
        }
    };
    Server { child, addr }
}

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

fn request(server: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n", server.addr, body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Reply { status, headers: headers.to_lowercase(), body: body.to_string() }
}

fn get(server: &Server, path: &str) -> Reply {
    request(server, "GET", path, &[], b"")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-desk-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Each payload, if it ran, would set the page's title to PWNED.
const HOSTILE: &str = "<script>document.title='PWNED'</script> The mayor said the bridge would reopen on Monday, \" onmouseover=\"document.title='PWNED'\" and <img src=x onerror=\"document.title='PWNED'\"> more.";

/// The written corpus plus one page whose text carries script payloads.
fn fixture(dir: &Path) -> PathBuf {
    let db = dir.join("ledger.sqlite");
    let hostile = dir.join("hostile.jsonl");
    std::fs::write(&hostile, format!("{}\n", serde_json::json!({"url": "https://evil.test/\"><script>document.title='PWNED'</script>", "text": HOSTILE, "published": "2025-10-01", "publisher": "<b>Evil</b> Times"}))).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ledger-corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_dossier")).args(["ingest", &corpus.display().to_string(), &hostile.display().to_string(), "--db", &db.display().to_string()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

#[test]
fn every_page_renders_with_its_api_and_filters_change_the_list() {
    let dir = scratch("pages");
    let server = serve(&fixture(&dir), None);
    let all: Value = serde_json::from_str(&get(&server, "/api/claims").body).unwrap();
    let claims = all["claims"].as_array().unwrap();
    assert!(claims.len() > 20);
    let contradicted: Value = serde_json::from_str(&get(&server, "/api/claims?contradicted=yes").body).unwrap();
    let contradicted = contradicted["claims"].as_array().unwrap();
    assert!(!contradicted.is_empty() && contradicted.len() < claims.len());
    assert!(contradicted.iter().all(|c| !c["contradicted_by"].as_array().unwrap().is_empty()));
    let about: Value = serde_json::from_str(&get(&server, "/api/claims?about=Vantor%20Systems&since=2025-09-03").body).unwrap();
    assert!(about["claims"].as_array().unwrap().iter().all(|c| c["first_seen"].as_str().unwrap() >= "2025-09-03"));
    let first = claims[0]["id"].as_i64().unwrap();
    for path in [
        "/claims".to_string(),
        "/claims?hedged=yes&sort=most-seen".into(),
        format!("/claims/{first}"),
        "/articles/1".into(),
        "/entities/Vantor%20Systems".into(),
        "/outlets/Meridian%20Wire".into(),
        "/claims?outlet=Meridian%20Wire".into(),
        "/search?q=container+terminal".into(),
        "/openapi.json".into(),
        format!("/api/claims/{first}"),
        "/api/articles/1".into(),
        "/api/entities/Vantor%20Systems".into(),
        "/api/search?q=cranes".into(),
        "/desk.css".into(),
    ] {
        let reply = get(&server, &path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        assert!(reply.headers.contains("content-security-policy: default-src 'none'"), "{path} has no CSP");
    }
    // The entity page draws its claims on a timeline, each dot a link to its claim.
    let entity = scraper::Html::parse_document(&get(&server, "/entities/Vantor%20Systems").body);
    let dots: Vec<&str> = entity.select(&scraper::Selector::parse("svg.timeline a").unwrap()).filter_map(|a| a.value().attr("href")).collect();
    assert!(dots.len() >= 3 && dots.iter().all(|h| h.starts_with("/claims/")), "timeline links: {dots:?}");
    // A claim whose origin is a known entity links to that entity's page, and the link answers.
    let listing = scraper::Html::parse_document(&get(&server, "/claims?about=Vantor%20Systems").body);
    let origin = listing.select(&scraper::Selector::parse("table.claims a[href^='/entities/']").unwrap()).next().expect("an origin linked to its entity");
    assert_eq!(get(&server, origin.value().attr("href").unwrap()).status, 200);
    assert_eq!(get(&server, "/claims/999999").status, 404);
    assert_eq!(get(&server, "/api/articles/999999").status, 404);
    // Every path of the OpenAPI document answers.
    let api: Value = serde_json::from_str(&get(&server, "/openapi.json").body).unwrap();
    assert!(api["paths"].as_object().unwrap().len() >= 6);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn highlights_sit_on_the_right_characters() {
    let dir = scratch("marks");
    let server = serve(&fixture(&dir), None);
    // The first article with a source, a figure and a time.
    let (id, reply) = (1..=34)
        .map(|id| (id, serde_json::from_str::<Value>(&get(&server, &format!("/api/articles/{id}")).body).unwrap()))
        .find(|(_, r)| ["source", "figure", "time"].iter().all(|k| r["highlights"].as_array().unwrap().iter().any(|m| m["kind"] == *k)))
        .expect("an article with sources, figures and times");
    let body: Vec<char> = reply["article"]["filing"]["body"].as_str().unwrap().chars().collect();
    let marks = reply["highlights"].as_array().unwrap();
    let page = scraper::Html::parse_document(&get(&server, &format!("/articles/{id}")).body);
    // For each kind, the marked characters on the page are exactly the API's spans, in order.
    for kind in ["source", "cue", "figure", "time"] {
        let mut spans: Vec<(usize, usize)> = marks.iter().filter(|m| m["kind"] == kind).map(|m| (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize)).collect();
        spans.sort_unstable();
        spans.dedup();
        let expected: String = spans.iter().map(|&(s, e)| body[s..e].iter().collect::<String>()).collect();
        let selector = scraper::Selector::parse(&format!("div.body mark.{kind}")).unwrap();
        let shown: String = page.select(&selector).map(|m| m.text().collect::<String>()).collect();
        assert_eq!(shown, expected, "{kind} highlights");
        if kind != "cue" {
            assert!(!shown.is_empty(), "article 1 has {kind}s");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_from_articles_is_escaped_everywhere() {
    let dir = scratch("escape");
    let server = serve(&fixture(&dir), None);
    let hits: Value = serde_json::from_str(&get(&server, "/api/search?q=bridge+reopen").body).unwrap();
    let article = hits["hits"].as_array().unwrap().iter().find(|h| h["kind"] == "article").expect("the hostile page is searchable")["id"].as_i64().unwrap();
    let claims: Value = serde_json::from_str(&get(&server, "/api/claims?contains=bridge").body).unwrap();
    let mut pages = vec![format!("/articles/{article}"), "/search?q=bridge+reopen".into(), "/claims?contains=bridge".into(), "/claims?about=%3Cscript%3Edocument.title%3D1%3C/script%3E".into()];
    pages.extend(claims["claims"].as_array().unwrap().iter().map(|c| format!("/claims/{}", c["id"])));
    for path in pages {
        let page = get(&server, &path).body;
        for payload in ["<script>document", "<img src=x", "onmouseover=\"document", "<b>Evil</b>"] {
            assert!(!page.contains(payload), "{path} carries {payload:?} unescaped");
        }
    }
    let page = get(&server, &format!("/articles/{article}")).body;
    assert!(page.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"), "the text is shown, escaped");
    assert!(!page.contains("<script"), "no script element at all");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ingest_by_post_needs_the_token_and_limits_the_size() {
    let dir = scratch("post");
    let db = fixture(&dir);
    let page = serde_json::json!({"text": "The port authority said on Monday that 30 ships were waiting outside Gdansk.", "published": "2025-03-10", "publisher": "Desk Test"}).to_string();
    let json = [("Content-Type", "application/json")];
    {
        let read_only = serve(&db, None);
        assert_eq!(request(&read_only, "POST", "/api/articles", &json, page.as_bytes()).status, 403);
    }
    let server = serve(&db, Some("s3cret"));
    assert_eq!(request(&server, "POST", "/api/articles", &json, page.as_bytes()).status, 401);
    assert_eq!(request(&server, "POST", "/api/articles", &[("Authorization", "Bearer wrong")], page.as_bytes()).status, 401);
    let auth = [("Authorization", "Bearer s3cret"), ("Content-Type", "application/json")];
    let filed = request(&server, "POST", "/api/articles", &auth, page.as_bytes());
    assert_eq!(filed.status, 201, "{}", filed.body);
    let id = serde_json::from_str::<Value>(&filed.body).unwrap()["article"].as_i64().unwrap();
    assert_eq!(get(&server, &format!("/api/articles/{id}")).status, 200);
    assert_eq!(request(&server, "POST", "/api/articles", &auth, page.as_bytes()).status, 200, "the same page again is already kept");
    assert_eq!(request(&server, "POST", "/api/articles", &auth, b"{\"url\": 1}").status, 400);
    let huge = vec![b'a'; dossier_desk::MAX_REQUEST_BYTES + 1024];
    assert_eq!(request(&server, "POST", "/api/articles", &auth, &huge).status, 413);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A headless browser for the tests below: `$DOSSIER_CHROMIUM`, else Debian's chromium.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("DOSSIER_CHROMIUM").map(PathBuf::from);
    named.into_iter().chain(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].map(PathBuf::from)).find(|p| p.exists())
}

/// The page's DOM once loaded and any script has had its time to run.
fn browse(browser: &Path, url: &str, screenshot: Option<&Path>) -> String {
    let mut args = vec!["--headless".to_string(), "--no-sandbox".into(), "--disable-gpu".into(), "--no-first-run".into(), "--virtual-time-budget=3000".into()];
    let profile = std::env::temp_dir().join(format!("dossier-chromium-{}", std::process::id()));
    args.push(format!("--user-data-dir={}", profile.display()));
    match screenshot {
        Some(path) => args.extend([format!("--screenshot={}", path.display()), "--window-size=1280,1000".into(), "--hide-scrollbars".into()]),
        None => args.push("--dump-dom".into()),
    }
    args.push(url.to_string());
    let out = Command::new(browser).args(&args).stderr(Stdio::null()).output().expect("the browser runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn in_a_real_browser_pages_render_highlight_and_run_no_script_from_articles() {
    let Some(browser) = chromium() else {
        // .ci/run installs Debian's chromium; a machine without one cannot run this test.
        assert!(std::env::var_os("CI").is_none(), "CI must have a headless chromium (apt-get install chromium)");
        eprintln!("skipped: no chromium here (apt-get install chromium, or set DOSSIER_CHROMIUM)");
        return;
    };
    let dir = scratch("browser");
    let server = serve(&fixture(&dir), None);
    let url = |path: &str| format!("http://{}{path}", server.addr);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/desk-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let hits: Value = serde_json::from_str(&get(&server, "/api/search?q=bridge+reopen").body).unwrap();
    let hostile = hits["hits"][0]["id"].as_i64().unwrap();
    let first_claim = serde_json::from_str::<Value>(&get(&server, "/api/claims").body).unwrap()["claims"][0]["id"].as_i64().unwrap();
    let pages = [
        ("claims", "/claims".to_string()),
        ("claims-contradicted", "/claims?contradicted=yes".into()),
        ("claim", format!("/claims/{first_claim}")),
        ("article", "/articles/2".into()),
        ("article-hostile", format!("/articles/{hostile}")),
        ("entity", "/entities/Vantor%20Systems".into()),
        ("outlet", "/outlets/Meridian%20Wire".into()),
        ("search", "/search?q=bridge+reopen".into()),
    ];
    let selector = |css: &str| scraper::Selector::parse(css).unwrap();
    let mut rows = Vec::new();
    for (name, path) in &pages {
        let dom = scraper::Html::parse_document(&browse(&browser, &url(path), None));
        let title: String = dom.select(&selector("title")).next().map(|t| t.text().collect()).unwrap_or_default();
        assert!(title.ends_with("· dossier"), "{path} rendered with title {title:?}");
        assert!(!title.contains("PWNED"), "a script from an article ran on {path}");
        assert!(dom.select(&selector("h1")).next().is_some(), "{path} has a heading");
        rows.push(dom.select(&selector("table.claims tbody tr")).count());
        browse(&browser, &url(path), Some(&shots.join(format!("{name}.png"))));
        assert!(shots.join(format!("{name}.png")).metadata().is_ok_and(|m| m.len() > 1000), "no screenshot of {path}");
    }
    assert!(rows[1] > 0 && rows[1] < rows[0], "the contradicted filter lists fewer claims: {} of {}", rows[1], rows[0]);
    // Highlights in the browser's DOM sit on the API's spans.
    let api: Value = serde_json::from_str(&get(&server, "/api/articles/2").body).unwrap();
    let body: Vec<char> = api["article"]["filing"]["body"].as_str().unwrap().chars().collect();
    let dom = scraper::Html::parse_document(&browse(&browser, &url("/articles/2"), None));
    for kind in ["source", "figure"] {
        let mut spans: Vec<(usize, usize)> =
            api["highlights"].as_array().unwrap().iter().filter(|m| m["kind"] == kind).map(|m| (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize)).collect();
        spans.sort_unstable();
        spans.dedup();
        let expected: String = spans.iter().map(|&(s, e)| body[s..e].iter().collect::<String>()).collect();
        let shown: String = dom.select(&selector(&format!("div.body mark.{kind}"))).map(|m| m.text().collect::<String>()).collect();
        assert_eq!(shown, expected, "{kind} highlights in the browser");
    }
    eprintln!("screenshots in {}", shots.display());
    std::fs::remove_dir_all(&dir).unwrap();
}
