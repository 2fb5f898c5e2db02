//! The frame's memory allocator: blocks of power-of-two sizes carved from the end of memory and
//! kept, once freed, on one free list per size for the next request of that size. The frame
//! lives for one survey (minutes), so it never gives memory back; in exchange it is a tenth of
//! the size of Rust's default allocator (dlmalloc) in the bundle.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// The smallest block holds the free list's link (a pointer).
const SMALLEST_CLASS: u32 = 3;
const CLASSES: usize = usize::BITS as usize;
const PAGE: usize = 65_536;

/// The size class of a layout: blocks of `1 << class` bytes, at least its size and its alignment.
fn class_of(layout: Layout) -> u32 {
    let size = layout.size().max(layout.align());
    size.next_power_of_two().trailing_zeros().max(SMALLEST_CLASS)
}

/// `address` rounded up to a multiple of `1 << class` (at most a page): every block is aligned
/// to its size, so to any alignment its layout asks for (new pages start at a page boundary).
fn aligned(address: usize, class: u32) -> usize {
    let alignment = 1usize << class.min(PAGE.trailing_zeros());
    (address + alignment - 1) & !(alignment - 1)
}

struct Heap {
    /// The first free block of each class (0: none); each free block starts with the next one's
    /// address.
    free: [usize; CLASSES],
    /// Where the next new block can start, and the end of memory.
    next: usize,
    end: usize,
}

pub struct FrameAllocator(UnsafeCell<Heap>);

// SAFETY: the frame runs on one thread (wasm32 without threads).
unsafe impl Sync for FrameAllocator {}

impl FrameAllocator {
    pub const fn new() -> Self {
        FrameAllocator(UnsafeCell::new(Heap { free: [0; CLASSES], next: 0, end: 0 }))
    }
}

#[cfg(target_arch = "wasm32")]
fn grow(bytes: usize) -> Option<usize> {
    let previous = core::arch::wasm32::memory_grow(0, bytes.div_ceil(PAGE));
    (previous != usize::MAX).then(|| previous * PAGE)
}

#[cfg(not(target_arch = "wasm32"))]
fn grow(_bytes: usize) -> Option<usize> {
    None
}

// SAFETY: blocks never overlap (each is carved once from untouched memory and only reused after
// it was freed), and each is aligned to its size, at least the layout's size and alignment.
unsafe impl GlobalAlloc for FrameAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread, and no allocation happens while this borrow lives.
        let heap = unsafe { &mut *self.0.get() };
        let class = class_of(layout);
        let reused = heap.free[class as usize];
        if reused != 0 {
            // SAFETY: a free block starts with the link written by `dealloc`.
            heap.free[class as usize] = unsafe { *(reused as *const usize) };
            return reused as *mut u8;
        }
        let size = 1usize << class;
        let mut start = aligned(heap.next, class);
        if start + size > heap.end {
            // New pages (the rest of the last ones is left unused: at most one block).
            let Some(grown) = grow(size) else { return std::ptr::null_mut() };
            start = grown;
            heap.end = grown + size.div_ceil(PAGE) * PAGE;
        }
        heap.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`; the block is ours and at least a pointer wide.
        let heap = unsafe { &mut *self.0.get() };
        let class = class_of(layout) as usize;
        unsafe { *(block as *mut usize) = heap.free[class] };
        heap.free[class] = block as usize;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's layout with the new size is valid (GlobalAlloc's contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class_of(new_layout) == class_of(layout) {
            return block;
        }
        // SAFETY: a fresh block of the new size; the old one is freed after the copy.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_powers_of_two_at_least_the_size_and_alignment() {
        assert_eq!(class_of(layout(1, 1)), 3);
        assert_eq!(class_of(layout(8, 4)), 3);
        assert_eq!(class_of(layout(9, 1)), 4);
        assert_eq!(class_of(layout(4, 32)), 5);
        assert_eq!(class_of(layout(65_537, 8)), 17);
    }

    #[test]
    fn blocks_start_at_a_multiple_of_their_size() {
        assert_eq!(aligned(0, 3), 0);
        assert_eq!(aligned(9, 3), 16);
        assert_eq!(aligned(16, 4), 16);
        assert_eq!(aligned(70_000, 16), 131_072);
        assert_eq!(aligned(70_000, 20), 131_072);
    }
}
