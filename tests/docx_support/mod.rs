//! Helpers shared by the read-back tests.

#![allow(dead_code)]

pub mod pages;
pub mod pdf;
pub mod read_back;
pub mod sample;
pub mod schema_order;
pub mod units;
