//! Speed of each stage of the pipeline, in-process (criterion): import (the seed markdown and the
//! district plan as .docx), adapt (built-in plan + mam-non), export (the district-size plan with
//! its 99-row appendix), the live preview (estimated, and with typst's page breaks as the app
//! shows it), the PDF, and the checker. `make bench` runs these and
//! benches/compare.sh (whole processes against python-docx and pandoc).
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kehoach::model::{Decisions, UnitProfile};
use kehoach_adapt::{adapt, AdaptOptions, Preset};
use kehoach_export::{html, to_docx, ExportOptions};
use kehoach_import as import;
use kehoach_lint as lint;

const SEED: &str = include_str!("../../import/builtin/ke-hoach-04-KH-UBND-quan1-2024.md");
const DOCX: &[u8] = include_bytes!("../../../tests/fixtures/quan1-2024.wordlike.docx");
const PROFILE: &str = include_str!("../../../tests/fixtures/tuoi-hong.unit.toml");

fn pipeline(c: &mut Criterion) {
    let district = import::builtin("quan1-2024").unwrap();
    let profile = UnitProfile::from_toml(PROFILE).unwrap();
    let preset = Preset::builtin("mam-non").unwrap();
    let run_adapt = |parent| {
        let opts = AdaptOptions {
            apply_defaults: true,
        };
        adapt(parent, &profile, &preset, &Decisions::default(), opts).unwrap()
    };
    let unit = run_adapt(&district).plan;
    let opts = ExportOptions {
        created: Some("2024-01-05T00:00:00Z".into()),
        ..Default::default()
    };

    c.bench_function("import/markdown (seed district plan)", |b| {
        b.iter(|| import::read_bytes("quan1.md", black_box(SEED.as_bytes())).unwrap())
    });
    c.bench_function("import/docx (district plan, Word-like)", |b| {
        b.iter(|| import::read_bytes("quan1.docx", black_box(DOCX)).unwrap())
    });
    c.bench_function("adapt (built-in plan + mam-non)", |b| {
        b.iter(|| run_adapt(black_box(&district)))
    });
    c.bench_function("export/docx (district plan, 99-row appendix)", |b| {
        b.iter(|| to_docx(black_box(&district), &opts).unwrap())
    });
    c.bench_function("preview/html (kindergarten plan)", |b| {
        b.iter(|| html::render(black_box(&unit), &Default::default()))
    });
    c.bench_function(
        "preview/paged (kindergarten plan, typst page breaks)",
        |b| b.iter(|| kehoach::app::preview(black_box(&unit), Default::default())),
    );
    c.bench_function("export/pdf (kindergarten plan)", |b| {
        b.iter(|| kehoach_pdf::to_pdf(black_box(&unit), &opts.layout, &opts.author).unwrap())
    });
    c.bench_function("check (district plan)", |b| {
        b.iter(|| lint::check(black_box(&district)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = pipeline
}
criterion_main!(benches);
