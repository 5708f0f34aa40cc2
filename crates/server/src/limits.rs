//! Per-client token buckets: each IP earns `rate` tokens a second up to `burst`,
//! and a request spends one.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// Past this many tracked clients, full (idle) buckets are forgotten so that
/// memory stays bounded however many addresses knock.
const MAX_TRACKED_CLIENTS: usize = 10_000;

pub(crate) struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    pub(crate) fn new(rate: f64, burst: f64) -> RateLimiter {
        RateLimiter {
            rate: rate.max(0.0),
            burst: burst.max(1.0),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// True when the client may go on; false means answer 429.
    pub(crate) fn allow(&self, client: IpAddr) -> bool {
        self.allow_at(client, Instant::now())
    }

    fn allow_at(&self, client: IpAddr, now: Instant) -> bool {
        // A poisoned lock only means another request panicked mid-update:
        // the map is still usable.
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_TRACKED_CLIENTS && !buckets.contains_key(&client) {
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.updated).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        let earned = now.saturating_duration_since(bucket.updated).as_secs_f64() * self.rate;
        bucket.tokens = (bucket.tokens + earned).min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_is_spent_then_refilled_at_the_rate() {
        let limiter = RateLimiter::new(2.0, 3.0);
        let client: IpAddr = [127, 0, 0, 1].into();
        let other: IpAddr = [127, 0, 0, 2].into();
        let start = Instant::now();
        assert!((0..3).all(|_| limiter.allow_at(client, start)));
        assert!(!limiter.allow_at(client, start));
        // Another client has its own bucket.
        assert!(limiter.allow_at(other, start));
        // Half a second at 2/s earns one token.
        let later = start + Duration::from_millis(500);
        assert!(limiter.allow_at(client, later));
        assert!(!limiter.allow_at(client, later));
    }
}
