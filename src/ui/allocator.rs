//! The window's memory allocator settings. The window is one long-lived process with a handful of
//! threads (the frame, the worker's lanes, the daily backup, jobs). With glibc's defaults each
//! thread that allocates while another does gets its own arena, and a freed buffer of a few
//! megabytes goes back into an arena rather than to the system (the threshold for giving it back
//! grows with the largest buffer freed). Measured on the real window at a million notes
//! (`scripts/window-rss.sh`, see docs/performance.md), these settings keep about 7 MB less
//! resident (152 MB at peak with glibc's defaults, 145 MB with these). The command line's
//! short-lived processes keep the defaults.

/// One arena for all threads: small allocations still come from each thread's own cache
/// (glibc's tcache) without a lock. Two arenas kept 3 MB more than one in the same measurement.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENAS: libc::c_int = 1;
/// Buffers from this size up are mapped on their own and returned to the system when freed,
/// whatever size was freed before (a fixed threshold turns off glibc's growing one).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAP_FROM: libc::c_int = 128 * 1024;
/// Free memory at the top of an arena beyond this is returned to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_ABOVE: libc::c_int = 256 * 1024;

/// Applies the settings. Call it first thing, before any thread is started. Elsewhere than
/// Linux with glibc it does nothing.
pub fn keep_memory_small() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's tuning; called before other threads exist.
    // A setting it refuses (returns 0) leaves glibc's default in place, which is harmless.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_FROM);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_ABOVE);
    }
}
