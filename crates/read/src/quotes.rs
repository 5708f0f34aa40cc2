//! The quotes reader (being implemented).

use crate::Context;
use dateline_model::Reading;

pub fn read(_reading: &mut Reading, _cx: &Context) {}
