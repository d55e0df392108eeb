//! `cargo xtask bench-photo`: sanitising a 12-megapixel camera JPEG (decode, orientation,
//! Lanczos3 resize to 2048 px, JPEG encode, 320 px thumbnail, blurhash), next to ImageMagick's
//! `convert -auto-orient -strip -resize 2048x2048` on the same file.
//!
//! The input is synthesised (smooth gradients, fine texture and noise, so it compresses like a
//! photo, ~4–5 MB) with an EXIF orientation of 6, the usual portrait shot from a phone.

use std::{path::Path, process::Command, time::Instant};

use criterion::{criterion_group, Criterion};
use image::{codecs::jpeg::JpegEncoder, Rgb, RgbImage};
use innomed_core::photos::{sanitize, SanitizeOptions};

/// Minimal big-endian EXIF: IFD0 with one entry, Orientation = 6.
const EXIF_ORIENTATION_6: &[u8] =
    b"Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0";

fn camera_jpeg() -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let pixels = RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as i32 - 12;
        let texture = (((x / 3) ^ (y / 3)) % 16) as i32;
        let channel = |base: i32| (base + noise + texture).clamp(0, 255) as u8;
        Rgb([
            channel((x * 200 / 4000) as i32 + 30),
            channel((y * 180 / 3000) as i32 + 40),
            channel(((x + y) * 120 / 7000) as i32 + 60),
        ])
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 92)
        .encode_image(&pixels)
        .expect("encode the input");
    let app1_len = u16::try_from(EXIF_ORIENTATION_6.len() + 2).expect("size");
    [
        &jpeg[..2],
        &[0xFF, 0xE1],
        &app1_len.to_be_bytes(),
        EXIF_ORIENTATION_6,
        &jpeg[2..],
    ]
    .concat()
}

fn bench(c: &mut Criterion) {
    let input = camera_jpeg();
    let options = SanitizeOptions::default();
    let mut group = c.benchmark_group("photo");
    group.sample_size(20);
    group.bench_function("sanitize 12 MP JPEG", |b| {
        b.iter(|| sanitize(&input, &options).expect("sanitise"))
    });
    group.finish();
    imagemagick(&input);
}

/// The same file through ImageMagick, timed from the outside (process start included, as a
/// script would run it); median of 10 runs.
fn imagemagick(input: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("camera.jpg");
    std::fs::write(&source, input).expect("write input");
    let Some(tool) = ["magick", "convert"].into_iter().find(|t| {
        Command::new(t)
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        println!("imagemagick: not installed (apt install imagemagick), no comparison");
        return;
    };
    let mut times: Vec<f64> = (0..10)
        .map(|i| {
            let out = dir.path().join(format!("out{i}.jpg"));
            let started = Instant::now();
            run(tool, &source, &out);
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = (times[4] + times[5]) / 2.0;
    println!("imagemagick ({tool} -auto-orient -strip -resize 2048x2048 -quality 85): median {median:.1} ms over 10 runs");
}

fn run(tool: &str, source: &Path, out: &Path) {
    let status = Command::new(tool)
        .arg(source)
        .args([
            "-auto-orient",
            "-strip",
            "-resize",
            "2048x2048",
            "-quality",
            "85",
        ])
        .arg(out)
        .status()
        .expect("run imagemagick");
    assert!(status.success(), "imagemagick failed");
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
