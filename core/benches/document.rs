//! `cargo xtask bench-document`: cleaning a 50-page scanned PDF (about 20 MB: one greyscale
//! JPEG per page, an information dictionary and XMP), time and peak memory, next to qpdf
//! rebuilding the same file from its pages only (`qpdf --empty --pages in.pdf 1-z -- out.pdf`,
//! which drops the document's information dictionary, XMP, names and actions) in the same run.
//!
//! Peak memory is the process's high-water mark (VmHWM) reset just before each measured call
//! (`/proc/self/clear_refs`), minus the input already in memory; qpdf's is its maximum resident
//! size as `/usr/bin/time` reports it.

use std::{path::Path, process::Command, time::Instant};

use criterion::{criterion_group, Criterion};
use image::{codecs::jpeg::JpegEncoder, GrayImage, Luma};
use innomed_core::documents::{clean_pdf, DocumentLimits};
use lopdf::{dictionary, Document, Object, Stream};

const PAGES: usize = 50;

/// A page scanned at 150 dpi: paper grain and lines of "text", so it compresses like a scan.
fn scanned_page(page: usize) -> Vec<u8> {
    let mut seed = 0x9E37_79B9_u32 ^ page as u32;
    let pixels = GrayImage::from_fn(1240, 1754, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 40) as i32;
        let ink = (y / 24).is_multiple_of(2)
            && !(x / 9 + y / 24 + page as u32).is_multiple_of(7)
            && x > 120;
        Luma([(if ink { 40 } else { 215 } + grain).clamp(0, 255) as u8])
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 70)
        .encode_image(&pixels)
        .expect("encode a page");
    jpeg
}

fn scanned_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for page in 0..PAGES {
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 1240, "Height" => 1754,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
            },
            scanned_page(page),
        ));
        let content = doc.add_object(Stream::new(
            dictionary! {},
            b"q 595 0 0 842 0 0 cm /Im0 Do Q".to_vec(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => image } },
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Count" => PAGES as i64, "Kids" => kids },
        ),
    );
    let xmp = doc.add_object(Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        b"<x:xmpmeta><dc:creator>Scanner du cabinet</dc:creator></x:xmpmeta>".to_vec(),
    ));
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id, "Metadata" => xmp });
    let info = doc.add_object(dictionary! {
        "Author" => Object::string_literal("Dr Martin"), "Producer" => Object::string_literal("Scan 3.2"),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

/// The high-water mark of this process's resident memory, in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn bench(c: &mut Criterion) {
    let input = scanned_pdf();
    let limits = DocumentLimits::default();
    println!("input: {PAGES} pages, {:.1} MB", input.len() as f64 / 1e6);
    // Measured first, while the allocator holds nothing freed by earlier runs.
    if reset_peak() {
        let before = peak_rss().unwrap_or(0);
        let clean = clean_pdf(&input, &limits).expect("clean");
        let peak = peak_rss().unwrap_or(0);
        println!(
            "innomed clean_pdf: peak memory {:.1} MB above the {:.1} MB already resident (output {:.1} MB)",
            peak.saturating_sub(before) as f64 / 1e6,
            before as f64 / 1e6,
            clean.bytes.len() as f64 / 1e6
        );
    }
    let mut group = c.benchmark_group("document");
    group.sample_size(10);
    group.bench_function("clean 50-page scanned PDF", |b| {
        b.iter(|| clean_pdf(&input, &limits).expect("clean"))
    });
    group.finish();

    qpdf(&input);
}

/// The same file through qpdf, timed from the outside (process start included); median of 10.
fn qpdf(input: &[u8]) {
    if !Command::new("qpdf")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        println!("qpdf: not installed (apt install qpdf), no comparison");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("scan.pdf");
    std::fs::write(&source, input).expect("write input");
    let mut times: Vec<f64> = (0..10)
        .map(|i| {
            let out = dir.path().join(format!("out{i}.pdf"));
            let started = Instant::now();
            run(&source, &out, false);
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = (times[4] + times[5]) / 2.0;
    println!("qpdf --empty --pages in.pdf 1-z --: median {median:.1} ms over 10 runs");
    if Path::new("/usr/bin/time").exists() {
        run(&source, &dir.path().join("measured.pdf"), true);
    }
}

fn run(source: &Path, out: &Path, measure: bool) {
    let mut command = if measure {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "qpdf: peak memory %M kB", "qpdf"]);
        c
    } else {
        Command::new("qpdf")
    };
    let status = command
        .arg("--empty")
        .arg("--pages")
        .arg(source)
        .arg("1-z")
        .arg("--")
        .arg(out)
        .status()
        .expect("run qpdf");
    assert!(status.success(), "qpdf failed");
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
