//! Grouping a newest-first list by the day it happened on (plain Rust, tested without a browser).

/// Consecutive items sharing a day, in their order: `(day, items)`. `day_of` names an item's day
/// (a date written in the viewer's time zone).
pub fn group_by_day<T>(items: Vec<T>, day_of: impl Fn(&T) -> String) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for item in items {
        let day = day_of(&item);
        match groups.last_mut() {
            Some((last, members)) if *last == day => members.push(item),
            _ => groups.push((day, vec![item])),
        }
    }
    groups
}

/// The address of the page: only unread ones, and how many are shown (defaults left out).
pub fn notifications_href(unread_only: bool, shown: Option<u32>) -> String {
    let shown = shown.map(|n| n.to_string()).unwrap_or_default();
    format!(
        "/notifications{}",
        crate::api::url::query(&[("unread", if unread_only { "1" } else { "" }), ("shown", &shown)])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_group_neighbours_only_in_order() {
        let items = vec![("d2", 1), ("d2", 2), ("d1", 3), ("d0", 4), ("d0", 5)];
        let groups = group_by_day(items, |(day, _)| (*day).to_owned());
        let shape: Vec<(String, Vec<i32>)> =
            groups.into_iter().map(|(day, items)| (day, items.into_iter().map(|(_, n)| n).collect())).collect();
        assert_eq!(
            shape,
            vec![("d2".to_owned(), vec![1, 2]), ("d1".to_owned(), vec![3]), ("d0".to_owned(), vec![4, 5])]
        );
        assert!(group_by_day(Vec::<u8>::new(), |_| String::new()).is_empty());
    }

    #[test]
    fn the_address_holds_the_filter_and_the_length() {
        assert_eq!(notifications_href(false, None), "/notifications");
        assert_eq!(notifications_href(true, Some(40)), "/notifications?unread=1&shown=40");
    }

    /// Native only: proptest's random source does not build for wasm32-unknown-unknown.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn grouping_keeps_every_item_in_order(days in proptest::collection::vec(0u8..4, 0..40)) {
                let groups = group_by_day(days.clone(), |d| d.to_string());
                let flat: Vec<u8> = groups.iter().flat_map(|(_, items)| items.clone()).collect();
                prop_assert_eq!(flat, days);
                for pair in groups.windows(2) {
                    prop_assert_ne!(&pair[0].0, &pair[1].0);
                }
            }
        }
    }
}
