//! The `jixiao` command line: parses arguments and calls the library.

mod cli;

/// mimalloc rather than the system allocator: a build makes hundreds of
/// thousands of small allocations, and with mimalloc a batch of units takes
/// about a tenth fewer instructions and less time waiting on shared heap
/// locks (`bench/compare.sh` measures it). Its v2 series without transparent
/// huge pages keeps the peak memory of one report where the system
/// allocator's is (about 12 MiB).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
