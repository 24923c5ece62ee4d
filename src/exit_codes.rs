//! Exit codes, in one place.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | success (and, with `--exit-code`, no differences) |
//! | 1    | with `--exit-code`: the editions differ |
//! | 2    | an error: bad input, bad arguments, failed write |

/// The run succeeded.
pub const SUCCESS: i32 = 0;
/// With `--exit-code`: the two editions differ.
pub const DIFFERENCES: i32 = 1;
/// Something went wrong; a one-line message is on stderr.
pub const ERROR: i32 = 2;
