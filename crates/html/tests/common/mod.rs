pub mod shingles;
