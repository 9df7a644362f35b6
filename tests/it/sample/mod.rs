//! A realistic report document built by hand, independent of any assessment, and a hostile
//! variant of it: what the document backends are tested on.

use readiness::document::*;
use readiness::frameworks::Load;

/// Markdown, HTML, Mermaid, URLs, mentions, terminal controls, bidi overrides and zero-width
/// characters: a string no backend may let act as anything but text.
pub const HOSTILE: &str = "</title><script>alert(1)</script><img src=x onerror=alert(2)> **b** _e_ \
[l](http://evil.example/x) ![i](//evil.example/i.png) `c` | p | # h\n- item\n```mermaid\ngraph TD; A-->B\n``` \
%%{init: {'theme':'dark'}}%% click A call alert() :smile: @team www.evil.example $x$ ~~s~~ &amp; \" ' \\ \
\u{1b}[31mred\u{1b}[0m \u{9b}2J \u{202e}rtl\u{202c} zero\u{200b}width \u{7}bell {c} ; end.";

fn p(text: &str) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

fn spans(parts: &[(&str, bool)]) -> Vec<Span> {
    parts.iter().map(|(t, strong)| Span { text: t.to_string(), strong: *strong }).collect()
}

fn col(header: &str, align: Align, wide: bool) -> Column {
    Column { header: header.into(), align, wide }
}

fn cells(row: &[&str]) -> Vec<Vec<Span>> {
    row.iter().map(|c| vec![Span::plain(*c)]).collect()
}

fn section(anchor: &str, title: &str, appendix: bool, blocks: Vec<Block>) -> Section {
    Section { anchor: anchor.into(), title: title.into(), blocks, appendix }
}

const DIMENSIONS: [&str; 7] = [
    "Data foundation",
    "Technology and integration",
    "Skills",
    "Strategy and leadership",
    "Governance and ethics",
    "Culture and change",
    "Customer experience",
];
const SCORES: [f64; 7] = [58.0, 46.5, 38.0, 71.0, 44.0, 63.0, 67.0];
const LOW: [f64; 7] = [58.0, 40.0, 38.0, 71.0, 36.0, 63.0, 60.0];
const HIGH: [f64; 7] = [58.0, 55.0, 38.0, 71.0, 57.0, 63.0, 74.0];

pub fn sample() -> Document {
    let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Document {
        title: "AI marketing readiness: Harbour & Pine Outfitters Ltd.".into(),
        meta: Meta {
            client: "Harbour & Pine Outfitters Ltd.".into(),
            date: "25 November 2026".into(),
            headline: "55 out of 100: ready to pilot personalisation, not yet to automate decisions.".into(),
            generator: "readiness 0.1.0".into(),
            language: "en".into(),
            contents: Some("Contents".into()),
            byline: strings(&["Prepared by Jane Doe, Northstar Advisory", "Confidential: for the board"]),
            paper: readiness::document::Paper::A4,
        },
        cover: vec![Block::KeyFigures(vec![
            KeyFigure { label: "Overall readiness".into(), value: "55 / 100".into(), note: "50–61 with the unknowns".into() },
            KeyFigure { label: "Tier".into(), value: "Developing".into(), note: "second of four".into() },
            KeyFigure { label: "Confidence".into(), value: "88%".into(), note: "of question weight answered".into() },
        ])],
        sections: vec![
            section("summary", "Executive summary", false, vec![
                Block::Paragraph(spans(&[
                    ("Harbour & Pine scores ", false),
                    ("55 out of 100", true),
                    (". Its customer data is unified and its leadership committed, but only one person can \
                      build a campaign model and consent is recorded for the web shop alone.", false),
                ])),
                Block::Heading("Three priorities".into()),
                Block::List { ordered: true, items: vec![
                    spans(&[("Record consent in the stores. ", true), ("First action: extend the web consent banner's \
                      records to the loyalty sign-up in the till (Foundation, months 1–3).", false)]),
                    spans(&[("Train a second analyst. ", true), ("First action: pair the CRM manager with the \
                      analyst on the churn model (Foundation).", false)]),
                    spans(&[("Pilot product recommendations. ", true), ("First action: A/B test recommendations \
                      in the weekly e-mail (Scale, from month 4).", false)]),
                ]},
                Block::Callout { tone: Tone::Warning, title: "What waiting costs".into(), body: spans(&[(
                    "Competitors in outdoor retail report 10–15% higher e-mail revenue from personalisation; \
                     every quarter without consent records in the stores keeps half the customer base out of it.",
                    false)]) },
                Block::Callout { tone: Tone::Positive, title: "Quick wins".into(), body: spans(&[(
                    "Send-time optimisation in the e-mail platform already licensed; a churn list from the \
                     loyalty data the team has.", false)]) },
                Block::List { ordered: false, items: vec![
                    spans(&[("Top risk: ", false), ("consent gaps", true), (" — owner: CRM manager", false)]),
                    spans(&[("Watch: ", false), ("autonomous agents", true), (" — revisit in 2027", false)]),
                ]},
            ]),
            section("readiness", "Readiness by dimension", false, vec![
                p("Scores run from 0 to 100. The shaded band is the range the unanswered questions leave open."),
                Block::Chart(Chart {
                    title: "Readiness by dimension".into(),
                    alt: "Spider chart of seven dimensions: strategy and leadership highest at 71, skills lowest \
                          at 38; technology, governance and customer experience have a range left open by unknowns."
                        .into(),
                    kind: ChartKind::Spider {
                        axes: strings(&DIMENSIONS),
                        max: 100.0,
                        series: vec![Series { name: "Harbour & Pine".into(), values: SCORES.to_vec() }],
                        band: Some(Band { label: "Range with unknowns".into(), low: LOW.to_vec(), high: HIGH.to_vec() }),
                    },
                }),
                Block::Table(Table {
                    caption: Some("Scores and what limits them".into()),
                    columns: vec![
                        col("Dimension", Align::Left, false),
                        col("Score", Align::Right, false),
                        col("Range", Align::Right, false),
                        col("What holds it back", Align::Left, true),
                    ],
                    rows: DIMENSIONS
                        .iter()
                        .zip(SCORES.iter().zip(LOW.iter().zip(HIGH)))
                        .map(|(d, (s, (l, h)))| {
                            let why = match *d {
                                "Skills" => "One analyst; no one else can build or check a model.",
                                "Governance and ethics" => "No review of automated decisions; consent in the stores unknown.",
                                "Technology and integration" => "E-mail and shop joined; the tills send data once a night.",
                                _ => "Nothing blocking at this stage.",
                            };
                            cells(&[d, &number(*s), &format!("{}–{}", number(*l), number(h)), why])
                        })
                        .collect(),
                }),
            ]),
            section("technologies", "Technology radar", false, vec![
                p("Where each technology stands for Harbour & Pine: adopt now, pilot, assess, or hold."),
                Block::Chart(Chart {
                    title: "Technology radar".into(),
                    alt: "Radar of twelve technologies in four rings and four trend categories: two to adopt, \
                          three to pilot, four to assess and three on hold; two more are watched outside the rings."
                        .into(),
                    kind: ChartKind::Radar {
                        rings: strings(&["Adopt", "Pilot", "Assess", "Hold"]),
                        sectors: strings(&["Personalization", "Automation", "Analytics", "Content"]),
                        items: [
                            ("Send-time optimisation", 0, 1),
                            ("Lookalike audiences", 0, 0),
                            ("Product recommendations", 1, 0),
                            ("Churn prediction", 1, 2),
                            ("Generative ad copy", 1, 3),
                            ("Conversational AI", 2, 1),
                            ("Attribution modelling", 2, 2),
                            ("Dynamic pricing", 2, 0),
                            ("Adaptive creative", 2, 3),
                            ("Emotion AI", 3, 0),
                            ("Voice commerce", 3, 1),
                            ("Metaverse store", 3, 3),
                        ]
                        .iter()
                        .map(|(label, ring, sector)| RadarItem { label: label.to_string(), ring: *ring, sector: *sector })
                        .collect(),
                        outside_title: "On the horizon".into(),
                        outside: vec!["Autonomous AI agents".into(), "Quantum AI".into()],
                    },
                }),
            ]),
            section("roadmap", "Roadmap", false, vec![
                Block::Chart(Chart {
                    title: "Twelve-month roadmap".into(),
                    alt: "Gantt chart of twelve months in three phases: consent and training in the foundation \
                          phase, recommendations and churn pilots from month 4, attribution from month 9."
                        .into(),
                    kind: ChartKind::Gantt {
                        months: 12,
                        month_labels: strings(&["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
                        phases: vec![
                            Phase { name: "Foundation".into(), start: 1, end: 3 },
                            Phase { name: "Scale".into(), start: 4, end: 8 },
                            Phase { name: "Optimization".into(), start: 9, end: 12 },
                        ],
                        rows: [
                            ("Foundation", "Consent records in stores", 1, 3, BarKind::Action),
                            ("Foundation", "Second analyst trained", 1, 3, BarKind::Action),
                            ("Foundation", "Send-time optimisation", 2, 3, BarKind::Technology),
                            ("Scale", "Product recommendations", 4, 8, BarKind::Technology),
                            ("Scale", "Churn prediction", 5, 8, BarKind::Technology),
                            ("Optimization", "Attribution modelling", 9, 12, BarKind::Technology),
                            ("Optimization", "Review of automated decisions", 9, 10, BarKind::Action),
                        ]
                        .iter()
                        .map(|(group, label, start, end, kind)| GanttRow {
                            group: group.to_string(),
                            label: label.to_string(),
                            start: *start,
                            end: *end,
                            kind: *kind,
                        })
                        .collect(),
                        legend: GanttLegend { action: "Action".into(), technology: "Technology".into() },
                    },
                }),
            ]),
            section("risks", "Risks", false, vec![
                Block::Chart(Chart {
                    title: "Risks by severity and likelihood".into(),
                    alt: "Heat map of five risks: consent gaps are high in severity and likely; skills shortage \
                          is medium and likely; the others are less likely."
                        .into(),
                    kind: ChartKind::HeatMap {
                        row_title: "Severity".into(),
                        col_title: "Likelihood".into(),
                        rows: strings(&["High", "Medium", "Low"]),
                        cols: strings(&["Unlikely", "Possible", "Likely"]),
                        cells: vec![
                            vec![vec![], vec!["Vendor lock-in".into()], vec!["Consent gaps".into()]],
                            vec![vec![], vec!["Biased recommendations".into()], vec!["Skills shortage".into()]],
                            vec![vec!["Brand safety".into()], vec![], vec![]],
                        ],
                    },
                }),
                Block::Table(Table {
                    caption: None,
                    columns: vec![
                        col("Risk", Align::Left, false),
                        col("Severity", Align::Left, false),
                        col("Owner", Align::Left, false),
                        col("Mitigation", Align::Left, true),
                    ],
                    rows: vec![
                        cells(&["Consent gaps", "High", "CRM manager", "Record consent at the till before any store data feeds a model."]),
                        cells(&["Skills shortage", "Medium", "Head of marketing", "Train a second analyst; document the churn model."]),
                        cells(&["Vendor lock-in", "High", "IT lead", "Keep customer data in the company's warehouse; export monthly."]),
                        cells(&["Biased recommendations", "Medium", "Analyst", "Check recommendation reach by region and age each quarter."]),
                        cells(&["Brand safety", "Low", "Brand manager", "Human review of generated copy before it is sent."]),
                    ],
                }),
            ]),
            section("progress", "Progress since the last assessment", false, vec![
                Block::Chart(Chart {
                    title: "Before and after".into(),
                    alt: "Bar chart comparing May and November 2026: every dimension rose, skills the least, from 35 to 38."
                        .into(),
                    kind: ChartKind::Bars {
                        max: 100.0,
                        categories: strings(&DIMENSIONS),
                        series: vec![
                            Series { name: "May 2026".into(), values: vec![49.0, 40.0, 35.0, 62.0, 30.0, 58.0, 61.0] },
                            Series { name: "November 2026".into(), values: SCORES.to_vec() },
                        ],
                    },
                }),
            ]),
            section("methodology", "Appendix A: Methodology", true, vec![
                p("Each answer is scored on a fixed scale; a dimension's score is the weighted mean of its answers, \
                   and the overall score the weighted mean of the dimensions."),
                Block::List { ordered: true, items: vec![
                    spans(&[("Answers map to 0, 25, 50, 75 or 100.", false)]),
                    spans(&[("An unknown answer counts as 0 in the score and 100 at the top of the range.", false)]),
                    spans(&[("Tiers: 0–39, 40–59, 60–79, 80–100.", false)]),
                ]},
                Block::Callout { tone: Tone::Info, title: "Sources".into(), body: spans(&[(
                    "Uplift figures are vendor-reported and attributed to their article, author and date.", false)]) },
            ]),
            section("answers", "Appendix B: Answers", true, vec![Block::Table(Table {
                caption: Some("Answers given in the interview".into()),
                columns: vec![col("Question", Align::Left, true), col("Answer", Align::Left, true), col("Score", Align::Right, false)],
                rows: (1..=14)
                    .map(|i| {
                        cells(&[
                            &format!("Question {i}: how far does the team use customer data to decide what to send?"),
                            if i % 5 == 0 { "Don't know" } else { "Most campaigns use segments built from purchase history." },
                            &number(f64::from(i % 5) * 25.0),
                        ])
                    })
                    .collect(),
            })]),
        ],
    }
}

/// The sample with the hostile string appended to every string in it, wherever it is.
pub fn hostile() -> Document {
    let mut value = serde_json::to_value(sample()).expect("a document serializes");
    poison(&mut value);
    serde_json::from_value(value).expect("the hostile document deserializes")
}

/// Appends the hostile string to every text; enum variants (a tone, an alignment, a bar's
/// kind, the paper) are names, not text, and are left alone.
fn poison(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = format!("{s} {HOSTILE}"),
        serde_json::Value::Array(items) => items.iter_mut().for_each(poison),
        serde_json::Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                if !(matches!(key.as_str(), "tone" | "align" | "kind" | "paper") && field.is_string()) {
                    poison(field);
                }
            }
        }
        _ => {}
    }
}

/// The portfolio summary of the three examples, with a failed file named in Markdown, HTML and
/// Mermaid syntax, as `readiness batch` builds it.
pub fn portfolio() -> Document {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let as_of = "2026-11-25".parse().unwrap();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut summary = readiness::portfolio::Summary::default();
    let columns = readiness::portfolio::Columns::of(&fw);
    for name in ["small-ecommerce.toml", "b2b-software.toml", "large-retailer-gdpr.toml"] {
        let answers =
            readiness::read_answers(&fw, &examples.join(name), readiness::answers::Completeness::Complete).unwrap();
        let scores = readiness::score::scores(&fw, &answers, as_of, readiness::score::Detail::Row);
        summary.add(&columns, &columns.row(name, &fw, &answers, &scores));
    }
    let failed = [std::path::PathBuf::from("clients/x|<b>y<b>*z* [l](u) `c` %%{init}%% @team.toml")];
    readiness::report::portfolio_document(&fw, &summary, &failed, as_of)
}
