//! The time zone of a page's readers, so that a UTC timestamp gives the day the page
//! shows them: "2022-11-06T23:00:00Z" on a German page was published on 7 November.
//!
//! The zone comes from the country the page names for itself — the region of its
//! language tag ("es-AR"), then its address's country domain (".at"), then its language
//! alone where the language is spoken in one zone ("de", "ja") — and only for countries
//! that keep one clock. A page from a country of several zones (the United States,
//! Canada, Russia, Australia), or one that names no country, gets none: its UTC day is
//! kept rather than guessed.
//!
//! The zone rules are jiff's bundled copy of the IANA database, not the machine's: a
//! page's day must not depend on whether the machine has tzdata installed.

use jiff::tz::TimeZone;

/// Countries (ISO 3166 codes, and "uk" as the domain writes it) of one time zone, or of
/// several where one holds most of the people and the press (Brazil, Mexico, Russia).
const COUNTRY_ZONES: &[(&str, &str)] = &[
    ("ae", "Asia/Dubai"),
    ("al", "Europe/Tirane"),
    ("ar", "America/Argentina/Buenos_Aires"),
    ("at", "Europe/Vienna"),
    ("ba", "Europe/Sarajevo"),
    ("bd", "Asia/Dhaka"),
    ("be", "Europe/Brussels"),
    ("bg", "Europe/Sofia"),
    ("bo", "America/La_Paz"),
    ("br", "America/Sao_Paulo"),
    ("by", "Europe/Minsk"),
    ("ch", "Europe/Zurich"),
    ("cl", "America/Santiago"),
    ("cn", "Asia/Shanghai"),
    ("co", "America/Bogota"),
    ("cr", "America/Costa_Rica"),
    ("cu", "America/Havana"),
    ("cy", "Asia/Nicosia"),
    ("cz", "Europe/Prague"),
    ("de", "Europe/Berlin"),
    ("dk", "Europe/Copenhagen"),
    ("do", "America/Santo_Domingo"),
    ("ec", "America/Guayaquil"),
    ("ee", "Europe/Tallinn"),
    ("eg", "Africa/Cairo"),
    ("es", "Europe/Madrid"),
    ("fi", "Europe/Helsinki"),
    ("fr", "Europe/Paris"),
    ("gb", "Europe/London"),
    ("gr", "Europe/Athens"),
    ("gt", "America/Guatemala"),
    ("hk", "Asia/Hong_Kong"),
    ("hn", "America/Tegucigalpa"),
    ("hr", "Europe/Zagreb"),
    ("hu", "Europe/Budapest"),
    ("ie", "Europe/Dublin"),
    ("il", "Asia/Jerusalem"),
    ("in", "Asia/Kolkata"),
    ("ir", "Asia/Tehran"),
    ("is", "Atlantic/Reykjavik"),
    ("it", "Europe/Rome"),
    ("jm", "America/Jamaica"),
    ("jp", "Asia/Tokyo"),
    ("ke", "Africa/Nairobi"),
    ("kr", "Asia/Seoul"),
    ("lb", "Asia/Beirut"),
    ("li", "Europe/Vaduz"),
    ("lt", "Europe/Vilnius"),
    ("lu", "Europe/Luxembourg"),
    ("lv", "Europe/Riga"),
    ("md", "Europe/Chisinau"),
    ("me", "Europe/Podgorica"),
    ("mk", "Europe/Skopje"),
    ("mt", "Europe/Malta"),
    ("mx", "America/Mexico_City"),
    ("my", "Asia/Kuala_Lumpur"),
    ("ng", "Africa/Lagos"),
    ("ni", "America/Managua"),
    ("nl", "Europe/Amsterdam"),
    ("no", "Europe/Oslo"),
    ("nz", "Pacific/Auckland"),
    ("pa", "America/Panama"),
    ("pe", "America/Lima"),
    ("ph", "Asia/Manila"),
    ("pk", "Asia/Karachi"),
    ("pl", "Europe/Warsaw"),
    ("pr", "America/Puerto_Rico"),
    ("pt", "Europe/Lisbon"),
    ("py", "America/Asuncion"),
    ("qa", "Asia/Qatar"),
    ("ro", "Europe/Bucharest"),
    ("rs", "Europe/Belgrade"),
    ("ru", "Europe/Moscow"),
    ("sa", "Asia/Riyadh"),
    ("se", "Europe/Stockholm"),
    ("sg", "Asia/Singapore"),
    ("si", "Europe/Ljubljana"),
    ("sk", "Europe/Bratislava"),
    ("sv", "America/El_Salvador"),
    ("th", "Asia/Bangkok"),
    ("tr", "Europe/Istanbul"),
    ("tw", "Asia/Taipei"),
    ("ua", "Europe/Kyiv"),
    ("uk", "Europe/London"),
    ("uy", "America/Montevideo"),
    ("ve", "America/Caracas"),
    ("vn", "Asia/Ho_Chi_Minh"),
    ("za", "Africa/Johannesburg"),
];

/// Languages (ISO 639-1) spoken in one zone, or in several countries of one clock (German,
/// Dutch): a page in one of them, naming no country, is read there.
const LANGUAGE_ZONES: &[(&str, &str)] = &[
    ("bg", "Europe/Sofia"),
    ("cs", "Europe/Prague"),
    ("da", "Europe/Copenhagen"),
    ("de", "Europe/Berlin"),
    ("el", "Europe/Athens"),
    ("et", "Europe/Tallinn"),
    ("fi", "Europe/Helsinki"),
    ("fr", "Europe/Paris"),
    ("he", "Asia/Jerusalem"),
    ("hr", "Europe/Zagreb"),
    ("hu", "Europe/Budapest"),
    ("it", "Europe/Rome"),
    ("ja", "Asia/Tokyo"),
    ("ko", "Asia/Seoul"),
    ("lt", "Europe/Vilnius"),
    ("lv", "Europe/Riga"),
    ("nb", "Europe/Oslo"),
    ("nl", "Europe/Amsterdam"),
    ("nn", "Europe/Oslo"),
    ("no", "Europe/Oslo"),
    ("pl", "Europe/Warsaw"),
    ("ro", "Europe/Bucharest"),
    ("sk", "Europe/Bratislava"),
    ("sl", "Europe/Ljubljana"),
    ("sv", "Europe/Stockholm"),
    ("tr", "Europe/Istanbul"),
    ("uk", "Europe/Kyiv"),
];

/// What a page says of where it is from.
#[derive(Debug, Default, Clone, Copy)]
pub struct PagePlace<'a> {
    /// Its language tags (`<html lang>`, `og:locale`): "de-CH", "es_AR", "fr".
    pub languages: &'a [&'a str],
    /// Its own address (canonical or `og:url`).
    pub url: Option<&'a str>,
}

/// Country codes whose domain is used worldwide, not by the country ("co", "io", "tv").
const GENERIC_DOMAINS: &[&str] = &["co", "io", "tv", "me", "fm", "ai", "ly", "to", "cc", "ws", "gg"];

impl PagePlace<'_> {
    /// The zone of the page's readers, when the page names a country (or language) of
    /// one clock; `None` when it names a country of several or none.
    ///
    /// ```
    /// use dossier_extract::zone::PagePlace;
    /// let berlin = PagePlace { languages: &["de"], url: None }.zone().unwrap();
    /// assert_eq!(berlin.iana_name(), Some("Europe/Berlin"));
    /// // The region decides over the language; a country of several zones gives none.
    /// assert_eq!(PagePlace { languages: &["es-AR"], url: None }.zone().unwrap().iana_name(), Some("America/Argentina/Buenos_Aires"));
    /// assert!(PagePlace { languages: &["en-US"], url: Some("https://example.de/a") }.zone().is_none());
    /// ```
    pub fn zone(&self) -> Option<TimeZone> {
        let tags: Vec<(String, Option<String>)> = self
            .languages
            .iter()
            .filter_map(|tag| {
                let mut parts = tag.trim().split(['-', '_']);
                let language = parts.next().filter(|l| (2..=3).contains(&l.len()))?.to_ascii_lowercase();
                let region = parts.next().filter(|r| r.len() == 2).map(str::to_ascii_lowercase);
                Some((language, region))
            })
            .collect();
        // A named country settles it, one zone or several.
        if let Some(region) = tags.iter().find_map(|(_, r)| r.as_deref()) {
            return zone_of(COUNTRY_ZONES, region);
        }
        if let Some(country) = self.url.and_then(country_domain) {
            return zone_of(COUNTRY_ZONES, &country);
        }
        tags.iter().find_map(|(language, _)| zone_of(LANGUAGE_ZONES, language))
    }
}

/// The country code of a URL's host ("https://www.bbc.co.uk/news" → "uk"), if it ends in one.
fn country_domain(url: &str) -> Option<String> {
    let host = url.split("://").nth(1)?.split(['/', '?', '#', ':']).next()?;
    let last = host.rsplit('.').next()?.to_ascii_lowercase();
    (last.len() == 2 && last.bytes().all(|b| b.is_ascii_lowercase()) && !GENERIC_DOMAINS.contains(&last.as_str())).then_some(last)
}

fn zone_of(table: &[(&str, &str)], code: &str) -> Option<TimeZone> {
    let at = table.binary_search_by(|(c, _)| c.cmp(&code)).ok()?;
    jiff::tz::db().get(table[at].1).ok()
}

/// A UTC timestamp ("…Z", "…+00:00") as the clock of `zone` shows it, with its offset;
/// `None` for any other value.
///
/// ```
/// use dossier_extract::zone::{in_zone, PagePlace};
/// let berlin = PagePlace { languages: &["de"], url: None }.zone().unwrap();
/// assert_eq!(in_zone("2022-11-06T23:00:00.000Z", &berlin).as_deref(), Some("2022-11-07T00:00:00+01:00"));
/// assert_eq!(in_zone("2022-11-06T23:00:00+01:00", &berlin), None);
/// ```
pub fn in_zone(stamp: &str, zone: &TimeZone) -> Option<String> {
    if !is_utc(stamp) {
        return None;
    }
    let instant = stamp.parse::<jiff::Timestamp>().ok()?;
    Some(instant.to_zoned_datetime(zone.clone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

/// Whether a timestamp is written in UTC.
pub(crate) fn is_utc(stamp: &str) -> bool {
    stamp.ends_with('Z') || stamp.ends_with("+00:00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_every_zone_is_known() {
        for table in [COUNTRY_ZONES, LANGUAGE_ZONES] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "sorted for binary search");
            for (code, zone) in table {
                assert!(jiff::tz::db().get(zone).is_ok(), "{code}: {zone}");
            }
        }
    }

    #[test]
    fn the_country_comes_from_the_region_then_the_domain_then_the_language() {
        let name = |languages: &[&str], url| PagePlace { languages, url }.zone().and_then(|z| z.iana_name().map(str::to_string));
        assert_eq!(name(&["de-CH"], None).as_deref(), Some("Europe/Zurich"));
        assert_eq!(name(&["es"], Some("https://www.lanacion.com.ar/politica/x")).as_deref(), Some("America/Argentina/Buenos_Aires"));
        assert_eq!(name(&["en"], Some("https://www.bbc.co.uk/news")).as_deref(), Some("Europe/London"));
        // Spanish and English alone name no country; a worldwide domain names none.
        assert_eq!(name(&["es"], Some("https://example.com/")), None);
        assert_eq!(name(&["en"], Some("https://news.example.io/")), None);
        assert_eq!(name(&["en-US"], None), None, "the United States keep several clocks");
        assert_eq!(name(&["pt-BR"], None).as_deref(), Some("America/Sao_Paulo"));
    }

    #[test]
    fn a_utc_day_becomes_the_local_day() {
        let zone = |c| zone_of(COUNTRY_ZONES, c).unwrap();
        assert_eq!(in_zone("2022-05-04T00:53:29.274Z", &zone("ar")).as_deref(), Some("2022-05-03T21:53:29-03:00"));
        assert_eq!(in_zone("2022-07-01T22:30:00+00:00", &zone("de")).as_deref(), Some("2022-07-02T00:30:00+02:00"));
    }
}
