//! Hand-written word lists: the closed classes that decide what a capitalised run is.

/// Last words that make a name a news outlet ("Kyiv Post", "Fox News").
pub const OUTLET_HEADS: &[&str] = &[
    "Times", "Post", "Journal", "Herald", "Telegraph", "Guardian", "Gazette", "Tribune", "Chronicle", "Observer",
    "Independent", "Mirror", "Express", "Standard", "Examiner", "Inquirer", "News", "Daily", "Press", "Wire",
    "Radio", "TV", "Television", "Broadcasting", "Magazine", "Monitor", "Courier", "Dispatch", "Bulletin",
    "Mail", "Star", "Sun", "Record", "Register", "Sentinel", "Pravda", "Izvestia", "Kommersant", "Insider",
];

/// Words that make a name an organisation ("Defence Ministry", "Bank of England").
pub const ORGANIZATION_HEADS: &[&str] = &[
    "Ministry", "Department", "Agency", "Council", "Committee", "Commission", "Party", "Parliament", "Congress",
    "Senate", "Army", "Navy", "Force", "Forces", "Police", "Service", "Services", "Office", "Bank", "Fund",
    "Institute", "University", "College", "Foundation", "Association", "Union", "Corporation", "Company",
    "Inc.", "Ltd", "Ltd.", "Corp.", "Co.", "Group", "Organization", "Organisation", "Court", "Assembly",
    "Government", "Administration", "Authority", "Bureau", "Guard", "Command", "Embassy", "Church", "Board",
    "Federation", "Coalition", "Alliance", "Movement", "Club", "Centre", "Center", "Cabinet", "Directorate",
    "Staff", "Secretariat", "Tribunal", "Brigade", "Battalion", "Regiment", "Division", "Intelligence",
    "Security", "Academy", "Society", "Trust", "Network", "Institution", "Chamber", "Duma", "Rada", "Knesset",
    "Programme", "Program", "Mission", "Initiative", "Project", "Council", "Observatory", "Corps", "Commissioner",
    "Agencies", "Ministries", "Partners", "Holdings", "Airlines", "Airways", "Railways", "Bureau", "Inc", "Ltd", "LLC",
    "Plc", "AG", "SE", "GmbH", "SA", "Unit", "Squad", "Court", "Parliament", "Prosecutor", "Prosecutors",
];

/// Last words of company names; unlike [`ORGANIZATION_HEADS`] they need a name before them
/// ("Infineon Technologies", but "Energy prices rose").
pub const COMPANY_SUFFIXES: &[&str] = &[
    "Technologies", "Technology", "Motors", "Systems", "Industries", "Pharmaceuticals", "Labs", "Laboratories",
    "Capital", "Electric", "Electronics", "Energy", "Petroleum", "Oil", "Gas", "Steel", "Chemicals", "Semiconductor",
    "Semiconductors", "Software", "Communications", "Telecom", "Insurance", "Investments", "Ventures", "Enterprises",
];

/// Words before a name that say it is a person's ("President Biden", "dictator Kim Jong Un").
pub const PERSON_TITLES: &[&str] = &[
    "President", "president", "Prime", "Minister", "minister", "Chancellor", "chancellor", "King", "Queen", "Prince",
    "Princess", "Pope", "Sen.", "Senator", "senator", "Rep.", "Representative", "Gov.", "Governor", "governor",
    "Mayor", "mayor", "Gen.", "General", "general", "Adm.", "Admiral", "Col.", "Colonel", "Lt.", "Capt.", "Maj.",
    "Sgt.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rev.", "Secretary", "secretary", "Ambassador", "ambassador",
    "dictator", "leader", "spokesman", "spokeswoman", "spokesperson", "commander", "Commander", "Chief", "chief",
    "Judge", "judge", "Justice", "Speaker", "speaker", "Sheikh", "Emir", "Ayatollah", "Sir", "Dame", "Lord",
    "Lady", "CEO", "chairman", "Chairman", "chairwoman", "director", "Director", "envoy", "analyst", "professor",
    "journalist", "correspondent", "reporter", "editor", "author", "lawmaker", "deputy", "Deputy", "Vice",
    "Foreign", "Defence", "Defense", "Interior", "Finance", "Health", "Justice", "Premier", "premier", "ruler",
    "executive", "Executive", "officer", "founder", "co-founder", "economist", "scientist", "researcher", "head",
    "boss", "manager", "coach", "striker", "singer", "actor", "actress", "writer", "novelist", "lawyer", "attorney",
    "activist", "candidate", "rapper", "Chef", "chef", "presenter", "host",
];

/// Lower-case nouns before a name that say what kind of body it is ("the union IG Metall").
pub const ORGANIZATION_NOUNS: &[&str] = &[
    "company", "firm", "group", "union", "party", "agency", "bank", "carmaker", "chipmaker", "maker", "insurer",
    "retailer", "operator", "airline", "lender", "manufacturer", "producer", "conglomerate", "charity", "organisation",
    "organization", "militia", "movement", "club", "team", "regulator", "watchdog", "startup", "giant", "supplier",
    "automaker", "planemaker", "drugmaker", "carrier", "subsidiary", "contractor", "miner", "brewer", "exchange",
];

/// Titles inside a capitalised run that make the words before them the title holder's
/// employer ("Apple CEO Steve Jobs", "Airbus Chief Executive Tom Enders").
pub const EMPLOYER_TITLES: &[&str] = &[
    "CEO", "CFO", "COO", "Chairman", "Chairwoman", "Chief", "Spokesman", "Spokeswoman", "Founder", "Co-founder",
];

/// What follows an organisation's name and its "’s" ("Boeing’s shares", "Apple’s chief
/// executive"): things only a company or institution has.
pub const OWNED_BY_ORGANIZATIONS: &[&str] = &[
    "shares", "stock", "board", "headquarters", "employees", "workers", "profit", "profits", "revenue", "revenues",
    "sales", "earnings", "spokesman", "spokeswoman", "spokesperson", "chairman", "executives", "subsidiary",
    "products", "factory", "factories", "plant", "plants", "shareholders", "investors", "customers", "stores",
    "ceo", "chief", "unit", "division", "fleet", "share",
];

/// Words after a name that make it an organisation's ("Boeing shares", "Apple spokeswoman").
pub const ORGANIZATION_FOLLOWERS: &[&str] = &[
    "shares", "stock", "spokesman", "spokeswoman", "spokesperson", "executives", "employees", "workers",
    "shareholders", "headquarters", "stores", "dealers", "dealerships",
];

/// People named by their work, before "at" and the company or institution they work at
/// ("analysts at Hargreaves").
pub const WORKERS: &[&str] = &[
    "analyst", "analysts", "economist", "economists", "strategist", "strategists", "researcher", "researchers",
    "scientist", "scientists", "engineer", "engineers", "executive", "executives", "employee", "employees",
    "trader", "traders", "spokesman", "spokeswoman", "spokesperson", "manager", "managers", "partner", "partners",
];

/// Lower-case nouns before a name that make it a news outlet ("the broadcaster NHK").
pub const OUTLET_NOUNS: &[&str] = &[
    "newspaper", "broadcaster", "daily", "tabloid", "weekly", "magazine", "website", "outlet", "publication",
    "channel", "network", "station", "portal",
];

/// Government seats used for their state ("the Kremlin said").
pub const METONYMS: &[(&str, &str)] = &[
    ("Kremlin", "Russia"),
    ("White House", "United States"),
    ("Downing Street", "United Kingdom"),
    ("Whitehall", "United Kingdom"),
    ("Elysee", "France"),
    ("Élysée", "France"),
    ("Zhongnanhai", "China"),
    ("Blue House", "South Korea"),
    ("Quai d'Orsay", "France"),
];

/// Prepositions after which a capital is the city, not its state ("in Pyongyang").
pub const LOCATIVES: &[&str] = &[
    "in", "at", "near", "from", "to", "outside", "around", "across", "into", "via", "through", "toward", "towards",
    "inside", "visiting", "visited", "visit", "within", "of", "between", "over", "above", "off", "left", "reached",
    "entered", "arrived", "leaving", "left", "streets", "downtown", "central", "northern", "southern", "eastern",
    "western", "Visiting",
];

/// Outlets and organisations that matter in news and are missing from the bundled lists.
pub const KNOWN_NAMES: &[(&str, &str, &str)] = &[
    // (kind, canonical, surface)
    ("outlet", "The Times", "The Times"),
    ("outlet", "The Guardian", "The Guardian"),
    ("outlet", "The Independent", "The Independent"),
    ("outlet", "The Telegraph", "The Telegraph"),
    ("outlet", "The Economist", "The Economist"),
    ("outlet", "The Hill", "The Hill"),
    ("outlet", "The Atlantic", "The Atlantic"),
    ("outlet", "Kyiv Post", "Kyiv Post"),
    ("outlet", "Kyiv Independent", "Kyiv Independent"),
    ("outlet", "Reuters", "Reuters"),
    ("outlet", "Associated Press", "Associated Press"),
    ("outlet", "Associated Press", "AP"),
    ("outlet", "Agence France-Presse", "Agence France-Presse"),
    ("outlet", "Agence France-Presse", "AFP"),
    ("outlet", "Bloomberg", "Bloomberg"),
    ("outlet", "BBC", "BBC"),
    ("outlet", "CNN", "CNN"),
    ("outlet", "Al Jazeera", "Al Jazeera"),
    ("outlet", "TASS", "TASS"),
    ("outlet", "RIA Novosti", "RIA Novosti"),
    ("outlet", "Interfax", "Interfax"),
    ("outlet", "Yonhap", "Yonhap"),
    ("outlet", "KCNA", "KCNA"),
    ("outlet", "Xinhua", "Xinhua"),
    ("outlet", "NHK", "NHK"),
    ("outlet", "Kyodo", "Kyodo"),
    ("outlet", "Ukrinform", "Ukrinform"),
    ("outlet", "Meduza", "Meduza"),
    ("outlet", "Novaya Gazeta", "Novaya Gazeta"),
    ("outlet", "Politico", "Politico"),
    ("outlet", "Axios", "Axios"),
    ("outlet", "NPR", "NPR"),
    ("outlet", "Der Spiegel", "Der Spiegel"),
    ("outlet", "Le Monde", "Le Monde"),
    ("outlet", "Financial Times", "Financial Times"),
    ("outlet", "Wall Street Journal", "Wall Street Journal"),
    ("organization", "NATO", "NATO"),
    ("organization", "United Nations", "United Nations"),
    ("organization", "United Nations", "UN"),
    ("organization", "United Nations", "U.N."),
    ("organization", "European Union", "European Union"),
    ("organization", "European Union", "EU"),
    ("organization", "International Atomic Energy Agency", "IAEA"),
    ("organization", "International Monetary Fund", "IMF"),
    ("organization", "World Health Organization", "WHO"),
    ("organization", "OPEC", "OPEC"),
    ("organization", "Red Cross", "Red Cross"),
    ("organization", "Amnesty International", "Amnesty International"),
    ("organization", "Human Rights Watch", "Human Rights Watch"),
    ("organization", "Pentagon", "Pentagon"),
    ("organization", "Hamas", "Hamas"),
    ("organization", "Hezbollah", "Hezbollah"),
    ("organization", "Wagner Group", "Wagner"),
    ("organization", "Federal Bureau of Investigation", "FBI"),
    ("organization", "Central Intelligence Agency", "CIA"),
    ("place", "Gaza", "Gaza"),
    ("place", "West Bank", "West Bank"),
    ("place", "Crimea", "Crimea"),
    ("place", "Donbas", "Donbas"),
    ("place", "United States", "U.S."),
    ("place", "United States", "U.S.A."),
    ("place", "United Kingdom", "U.K."),
    ("place", "Europe", "Europe"),
    ("place", "Asia", "Asia"),
    ("place", "Africa", "Africa"),
    ("place", "North America", "North America"),
    ("place", "South America", "South America"),
    ("place", "Latin America", "Latin America"),
    ("place", "Middle East", "Middle East"),
    ("place", "Antarctica", "Antarctica"),
    ("place", "Oceania", "Oceania"),
    ("place", "Central Asia", "Central Asia"),
    ("place", "Southeast Asia", "Southeast Asia"),
    ("place", "Eastern Europe", "Eastern Europe"),
    ("place", "Western Europe", "Western Europe"),
    ("place", "Balkans", "Balkans"),
    ("place", "Caucasus", "Caucasus"),
    ("place", "Scandinavia", "Scandinavia"),
    ("place", "Sahel", "Sahel"),
    ("place", "Arctic", "Arctic"),
];

/// Organisation heads that stand alone as a name ("Parliament voted"); other heads need a
/// name before them ("Service" alone is not an organisation).
pub const STANDALONE_HEADS: &[&str] = &[
    "Parliament", "Congress", "Senate", "Duma", "Knesset", "Rada", "Cabinet", "Bundestag", "Politburo", "Pentagon",
];

/// Last words that make an unknown name a place ("Middle East", "Black Sea").
pub const PLACE_SUFFIXES: &[&str] = &[
    "East", "West", "North", "South", "Gulf", "Sea", "Ocean", "River", "Valley", "Mountains", "Island", "Islands",
    "Bay", "Coast", "Peninsula", "Strait", "Region", "Province", "County", "District", "City", "Street", "Square",
    "Avenue", "Bridge", "Airport", "Port", "Lake", "Desert", "Plateau", "Basin", "Canal", "Oblast", "Krai",
];

/// Last words of names that are events, laws or works, not people ("World Cup", "Patriot Act").
pub const OTHER_SUFFIXES: &[&str] = &[
    "War", "Cup", "Games", "Olympics", "Prize", "Act", "Bill", "Treaty", "Agreement", "Accord", "Summit",
    "Conference", "Day", "Week", "Festival", "Award", "Awards", "Championship", "League", "Series", "Show",
    "Revolution", "Crisis", "Plan", "Protocol", "Doctrine", "Declaration", "Convention", "Program", "Policy",
];

/// Lower-case words that may sit inside a name ("Bank of England", "Abu Bakr al-Baghdadi").
pub const NAME_CONNECTORS: &[&str] = &["of", "for", "de", "du", "la", "von", "van", "der", "al", "bin", "el"];

/// Verbs after a bare name that make it a person ("Smith said").
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "noted", "wrote", "stated", "explained", "argued", "insisted", "claimed",
    "warned", "denied", "admitted", "recalled", "asked", "replied", "tweeted", "posted",
];
