//! 70/20/10: each bucket's share of the effort against its target, by
//! money where costs are given, else by full-time equivalents — and which
//! one is always named.

use serde::Serialize;
use ts_rs::TS;

use super::model::{Bucket, BucketTargets, Initiative};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Cost,
    Fte,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Cost => "cost",
            Basis::Fte => "FTE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AllocationRow {
    pub bucket: Bucket,
    /// In percent.
    pub target: f64,
    /// In percent of the total.
    pub actual: f64,
    /// Actual minus target, in points.
    pub gap: f64,
    /// The bucket's cost or FTE.
    pub amount: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Allocation {
    pub basis: Basis,
    pub total: f64,
    pub rows: Vec<AllocationRow>,
}

/// The allocation of the initiatives that have a bucket.
pub fn allocation(initiatives: &[Initiative], targets: &BucketTargets) -> Allocation {
    let bucketed: Vec<&Initiative> = initiatives.iter().filter(|i| i.bucket.is_some()).collect();
    let basis = if bucketed.iter().any(|i| i.cost.is_some_and(|c| c > 0.0)) {
        Basis::Cost
    } else {
        Basis::Fte
    };
    let amount_of = |i: &Initiative| match basis {
        Basis::Cost => i.cost.unwrap_or(0.0),
        Basis::Fte => i.fte.unwrap_or(0.0),
    };
    let total: f64 = bucketed.iter().map(|i| amount_of(i)).sum();
    let rows = Bucket::ALL
        .iter()
        .map(|&bucket| {
            let amount: f64 = bucketed
                .iter()
                .filter(|i| i.bucket == Some(bucket))
                .map(|i| amount_of(i))
                .sum();
            let actual = if total > 0.0 {
                amount / total * 100.0
            } else {
                0.0
            };
            let target = targets.of(bucket);
            AllocationRow {
                bucket,
                target,
                actual,
                gap: actual - target,
                amount,
            }
        })
        .collect();
    Allocation { basis, total, rows }
}
