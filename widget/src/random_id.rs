//! Version 4 UUIDs for response ids and Idempotency-Keys. `crypto.randomUUID` exists only in
//! secure contexts, which a frame on a plain-http host page is not; `getRandomValues` always does.

/// A random UUID (from `Math.random` in the unlikely browser without `crypto`).
pub fn random_uuid() -> String {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window().and_then(|window| window.crypto().ok());
    if crypto.is_none_or(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_err()) {
        bytes = bytes.map(|_| (js_sys::Math::random() * 256.0) as u8);
    }
    uuid_v4(bytes)
}

/// Formats 16 random bytes as a version 4, RFC 4122 variant UUID (by hand: `format!`'s hex
/// padding costs the bundle more than this loop).
fn uuid_v4(mut bytes: [u8; 16]) -> String {
    const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut uuid = String::with_capacity(36);
    for (index, byte) in bytes.into_iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            uuid.push('-');
        }
        uuid.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        uuid.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
    }
    uuid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_4_uuids() {
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        let counting: [u8; 16] = std::array::from_fn(|i| i as u8 * 17);
        assert_eq!(uuid_v4(counting), "00112233-4455-4677-8899-aabbccddeeff");
    }
}
