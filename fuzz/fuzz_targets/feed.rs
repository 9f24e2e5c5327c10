//! Any bytes as an RSS or Atom feed file: items or failures, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(records) = dossier_intake::read(Box::new(std::io::Cursor::new(bytes.to_vec())), "feed.xml", "feed.xml".into()) {
        records.for_each(drop);
    }
});
