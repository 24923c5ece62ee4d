//! HTML (stub).
pub(super) fn declared_encoding(_bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    None
}
pub(super) fn looks_like_html(_text: &str) -> bool {
    false
}
pub(super) fn extract(text: &str) -> String {
    text.to_string()
}
