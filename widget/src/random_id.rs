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

/// Formats 16 random bytes as a version 4, RFC 4122 variant UUID.
fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_4_uuids() {
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }
}
