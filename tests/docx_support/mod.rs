//! Helpers shared by the read-back tests.

pub mod read_back;
pub mod sample;
