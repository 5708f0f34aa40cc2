//! Precomputes the alias index: runs the crate's own loader (the same source
//! files, included below) over resources/world and writes the index to
//! OUT_DIR/aliases.bin, which the crate embeds and reads at start-up instead
//! of folding and ranking ~300k aliases in every process.

// The loader's modules as the library has them; the parts only the library
// uses (scanning, lookups) are dead code here.
#![allow(dead_code)]

#[path = "src/blob.rs"]
mod blob;
#[path = "src/entity.rs"]
mod entity;
#[path = "src/hash.rs"]
mod hash;
#[path = "src/index.rs"]
mod index;
#[path = "src/load.rs"]
mod load;
#[path = "src/tokens.rs"]
mod tokens;

use std::path::PathBuf;

fn main() {
    for path in [
        "../../resources/world",
        "src/blob.rs",
        "src/entity.rs",
        "src/hash.rs",
        "src/index.rs",
        "src/load.rs",
        "src/tokens.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let loaded = load::load_embedded(true);
    let index = loaded.aliases.unwrap_or_default();
    let bytes = blob::write(&index, loaded.entities.len());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("aliases.bin"), bytes).expect("OUT_DIR is writable");
}
