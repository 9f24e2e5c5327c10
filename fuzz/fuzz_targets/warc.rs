//! Any bytes as a WARC file: records or failures, never a panic, never more than the
//! page limit held for one record.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(records) = dossier_intake::read(Box::new(std::io::Cursor::new(bytes.to_vec())), "crawl.warc", "crawl.warc".into()) {
        for doc in records.flatten() {
            assert!(doc.bytes.len() <= dossier_page::MAX_PAGE_BYTES + 1);
        }
    }
});
