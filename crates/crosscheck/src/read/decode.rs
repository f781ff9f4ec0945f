//! Bytes → text: obey the encoding the user chose, or detect it, and never guess silently.
//!
//! Japanese customer lists arrive as UTF-8 (with or without BOM), as Excel's "Unicode text"
//! (UTF-16LE, TAB-separated), as CP932 from Japanese Windows and now and then as EUC-JP from old
//! Unix systems. A U+FFFD slipped in for a bad byte would make two spellings of a name differ and
//! the reconciliation would report mismatches that are not there, so decoding is strict: a byte
//! sequence that is not valid in the encoding is an error naming the file, line and byte. When
//! both CP932 and EUC-JP read a file cleanly (short files of kanji or half-width kana can be
//! both), the reading that looks more like Japanese wins (`detect`).
//!
//! Files can be 150 MB: valid UTF-8 becomes a `String` without a copy, and the other encodings
//! are decoded in one pass straight into a `String`.

use super::detect::{plausibility, sniff_utf16};
pub use super::encoding::TextEncoding;
use crate::error::{Error, ErrorKind, Result};
use encoding_rs::DecoderResult;
use TextEncoding::*;

/// Text decoded from a file, BOM removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
}

/// Decode a file's bytes. `requested` = None means auto-detect. `file` names the file in errors.
/// Takes ownership so valid UTF-8 is turned into a String without a copy (files are up to 150 MB).
///
/// A requested UTF-8 reports `Utf8Bom` when the file had a BOM (which is stripped), `Utf8` when not.
#[cfg(test)]
pub fn decode(bytes: Vec<u8>, requested: Option<TextEncoding>, file: &str) -> Result<Decoded> {
    decode_with_progress(bytes, requested, file, &mut |_| {})
}

/// `decode`, telling `progress` the share decoded (0 to 1) as it goes: turning a 128 MB CP932
/// file into text takes ~0.3 s in the browser, too long to go without a word.
pub fn decode_with_progress(
    bytes: Vec<u8>,
    requested: Option<TextEncoding>,
    file: &str,
    progress: &mut dyn FnMut(f64),
) -> Result<Decoded> {
    // A UTF-8 mark before UTF-16 text (written by a tool that added one to what it did not
    // convert) would read as letters with NULs between them: said as what it is.
    let utf8_asked = matches!(requested, None | Some(TextEncoding::Utf8 | TextEncoding::Utf8Bom));
    if utf8_asked
        && bytes.starts_with(TextEncoding::Utf8Bom.bom())
        && sniff_utf16(bytes.get(3..).unwrap_or(&[])).is_some()
    {
        return Err(Error::new(
            ErrorKind::Decode,
            "the file starts with a UTF-8 byte-order mark, but its text is UTF-16 (a NUL byte beside every letter)",
        )
        .in_file(file)
        .at_byte(3)
        .hint("save it again as CSV UTF-8 or as Unicode text"));
    }
    let decoded = match requested {
        Some(encoding) => decode_as(bytes, encoding, progress),
        None => detect(bytes, progress),
    };
    decoded.map_err(|failure| failure.into_error(file, requested))
}

/// Bytes an encoding rejected: `len` bytes starting at `offset` in the file.
#[derive(Debug, Clone, Copy)]
struct Bad {
    offset: usize,
    len: usize,
    /// The file ends inside a character (odd-length UTF-16, UTF-8 cut short).
    truncated: bool,
}

/// A decoding failure, described while the bytes are still at hand.
struct Failure {
    encoding: TextEncoding,
    bad: Bad,
    line: u64,
    shown: Vec<u8>,
}

impl Failure {
    fn new(bytes: &[u8], encoding: TextEncoding, bad: Bad) -> Failure {
        let shown = bytes.get(bad.offset..).unwrap_or_default();
        Failure {
            encoding,
            bad,
            line: line_of(bytes, bad.offset, encoding),
            shown: shown.iter().take(bad.len.clamp(1, 8)).copied().collect(),
        }
    }

    fn into_error(self, file: &str, requested: Option<TextEncoding>) -> Error {
        let hex: Vec<String> = self.shown.iter().map(|b| format!("0x{b:02X}")).collect();
        let (hex, name) = (hex.join(" "), self.encoding.name());
        let message = if self.bad.truncated {
            format!("the file ends in the middle of a {name} character (bytes {hex})")
        } else {
            format!("bytes {hex} are not valid {name}")
        };
        let hint = match requested {
            Some(_) => {
                format!("the file may not be {name}: choose another encoding or auto, or save the file as UTF-8")
            }
            None => "save the file as UTF-8 or CP932, or choose its encoding".to_string(),
        };
        Error::new(ErrorKind::Decode, message)
            .in_file(file)
            .at_line(self.line)
            .at_byte(self.bad.offset as u64)
            .hint(hint)
    }
}

/// 1-based line of byte `offset`: newlines before it + 1 (in UTF-16, newline code units).
fn line_of(bytes: &[u8], offset: usize, encoding: TextEncoding) -> u64 {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let newlines = match encoding {
        Utf16le => before.chunks_exact(2).filter(|u| *u == b"\n\0").count(),
        Utf16be => before.chunks_exact(2).filter(|u| *u == b"\0\n").count(),
        // In UTF-8, CP932 and EUC-JP 0x0A is never part of a multi-byte character.
        _ => before.iter().filter(|&&b| b == b'\n').count(),
    };
    newlines as u64 + 1
}

/// Decode in the given encoding, stripping its BOM if present.
fn decode_as(bytes: Vec<u8>, encoding: TextEncoding, progress: &mut dyn FnMut(f64)) -> Result<Decoded, Failure> {
    match encoding {
        Utf8 | Utf8Bom => utf8(bytes),
        _ => match decode_other(&bytes, encoding, progress) {
            Ok(text) => Ok(Decoded { text, encoding }),
            Err(bad) => Err(Failure::new(&bytes, encoding, bad)),
        },
    }
}

/// `String::from_utf8`, with the validation done by SIMD (several times faster on Japanese
/// text, which is most of a file); the slow standard check runs only to describe a failure.
pub(crate) fn string_from_utf8(bytes: Vec<u8>) -> std::result::Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated these exact bytes as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// UTF-8 without a copy; a BOM is stripped and reported as `Utf8Bom`.
fn utf8(bytes: Vec<u8>) -> Result<Decoded, Failure> {
    match string_from_utf8(bytes) {
        Ok(mut text) => {
            let bom = text.starts_with('\u{FEFF}');
            if bom {
                text.remove(0); // ok: the text starts with a BOM, so it is not empty
            }
            Ok(Decoded { text, encoding: if bom { Utf8Bom } else { Utf8 } })
        }
        Err(e) => Err(Failure::new(e.as_bytes(), Utf8, utf8_bad(e.utf8_error()))),
    }
}

fn utf8_bad(e: std::str::Utf8Error) -> Bad {
    // error_len() is None when the input ends inside a character.
    Bad { offset: e.valid_up_to(), len: e.error_len().unwrap_or(3), truncated: e.error_len().is_none() }
}

/// UTF-16, CP932 or EUC-JP (not UTF-8) into a new `String`, BOM stripped.
fn decode_other(bytes: &[u8], encoding: TextEncoding, progress: &mut dyn FnMut(f64)) -> Result<String, Bad> {
    if matches!(encoding, Utf16le | Utf16be) && bytes.len() % 2 == 1 {
        return Err(Bad { offset: bytes.len().saturating_sub(1), len: 1, truncated: true });
    }
    let start = if bytes.starts_with(encoding.bom()) { encoding.bom().len() } else { 0 };
    let mut text = String::new();
    run(encoding, bytes, start, Mode::Keep, &mut text, (DECODE_SLICE, progress))?;
    Ok(text)
}

/// Whether the whole of `bytes` is valid in `encoding`, without keeping the text.
fn check(bytes: &[u8], encoding: TextEncoding, progress: &mut dyn FnMut(f64)) -> Result<(), Bad> {
    let mut scratch = String::with_capacity(1 << 16);
    run(encoding, bytes, 0, Mode::Check, &mut scratch, (DECODE_SLICE, progress))
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Decode everything into the string.
    Keep,
    /// Only check validity: the string is a scratch buffer, emptied whenever full.
    Check,
    /// Decode into the string, leaving a character cut at the end of the input pending.
    Prefix,
}

/// Bytes decoded between two progress reports (~10 ms in the browser).
const DECODE_SLICE: usize = 4 << 20;

/// Decode `bytes[start..]` into `out` without replacement, in one pass, `slice` bytes at a time,
/// telling `progress` the share read after each slice. On a malformed sequence returns its place
/// in `bytes`.
fn run(
    encoding: TextEncoding,
    bytes: &[u8],
    start: usize,
    mode: Mode,
    out: &mut String,
    (slice, progress): (usize, &mut dyn FnMut(f64)),
) -> Result<(), Bad> {
    let input = bytes.get(start..).unwrap_or_default();
    let mut decoder = encoding.encoding().new_decoder_without_bom_handling();
    // Room for the typical case, not the worst: CP932's worst case is 3 bytes out per byte in
    // (half-width kana), and encoding_rs touches every page of the spare capacity. If the
    // estimate is short the decoder stops with OutputFull and we grow the string.
    let estimate = |decoder: &encoding_rs::Decoder, len: usize| {
        let typical = len.saturating_add(len / 2).saturating_add(64);
        decoder.max_utf8_buffer_length_without_replacement(len).map_or(typical, |max| max.min(typical))
    };
    if mode != Mode::Check {
        out.reserve(estimate(&decoder, input.len()));
    }
    let mut read = 0usize;
    loop {
        // In slices: the decoder keeps a character cut at a slice's end for the next one.
        let end = read.saturating_add(slice.max(1)).min(input.len());
        let last = end == input.len();
        let part = input.get(read..end).unwrap_or_default();
        let (result, n) = decoder.decode_to_string_without_replacement(part, out, last && mode != Mode::Prefix);
        read = read.saturating_add(n);
        match result {
            DecoderResult::InputEmpty if last => break,
            DecoderResult::InputEmpty => progress(read as f64 / input.len() as f64),
            // The decoder is not finished after OutputFull, so asking it for a size cannot panic.
            DecoderResult::OutputFull if mode == Mode::Check => out.clear(),
            DecoderResult::OutputFull => out.reserve(estimate(&decoder, input.len().saturating_sub(read))),
            DecoderResult::Malformed(len, after) => {
                // The malformed sequence ends `after` bytes before the read position.
                let end = start.saturating_add(read).saturating_sub(usize::from(after));
                let len = usize::from(len);
                return Err(Bad { offset: end.saturating_sub(len), len, truncated: false });
            }
        }
    }
    if mode == Mode::Keep && out.capacity().saturating_sub(out.len()) > out.len() / 8 {
        out.shrink_to_fit(); // give back the estimate's slack on big files
    }
    Ok(())
}

/// Auto-detection: BOM, BOM-less UTF-16, UTF-8, then CP932 or EUC-JP.
///
/// `progress` hears each full pass over the bytes in turn: checking as EUC-JP (the first third),
/// as CP932 (the second), decoding (the last).
fn detect(bytes: Vec<u8>, progress: &mut dyn FnMut(f64)) -> Result<Decoded, Failure> {
    if bytes.is_empty() {
        return Ok(Decoded { text: String::new(), encoding: Utf8 });
    }
    for encoding in [Utf8Bom, Utf16le, Utf16be] {
        if bytes.starts_with(encoding.bom()) {
            return decode_as(bytes, encoding, progress);
        }
    }
    // Before UTF-8, because ASCII written as UTF-16 is valid UTF-8 (full of NULs).
    if let Some(encoding) = sniff_utf16(&bytes) {
        return decode_as(bytes, encoding, progress);
    }
    let (bytes, utf8_bad) = match string_from_utf8(bytes) {
        Ok(text) => return Ok(Decoded { text, encoding: Utf8 }),
        Err(e) => {
            let bad = utf8_bad(e.utf8_error());
            (e.into_bytes(), bad)
        }
    };
    let encoding = match check(&bytes, EucJp, &mut |f| progress(f / 3.0)) {
        Err(euc_bad) => match decode_other(&bytes, Cp932, &mut |f| progress((2.0 + f) / 3.0)) {
            Ok(text) => return Ok(Decoded { text, encoding: Cp932 }),
            Err(cp932_bad) => {
                // Nothing reads it: blame the encoding that read furthest, so that a UTF-8 file
                // with one stray byte is reported as UTF-8. Ties go to CP932, the likely one.
                let mut worst = (Cp932, cp932_bad);
                for (encoding, bad) in [(EucJp, euc_bad), (Utf8, utf8_bad)] {
                    if bad.offset > worst.1.offset {
                        worst = (encoding, bad);
                    }
                }
                return Err(Failure::new(&bytes, worst.0, worst.1));
            }
        },
        // EUC-JP reads it. Only text without CP932 kana and common kanji gets this far, and
        // then it often reads as CP932 too; the more Japanese-looking reading wins.
        Ok(()) if check(&bytes, Cp932, &mut |f| progress((1.0 + f) / 3.0)).is_err() => EucJp,
        Ok(()) if plausibility_of(&bytes, EucJp) > plausibility_of(&bytes, Cp932) => EucJp,
        Ok(()) => Cp932,
    };
    decode_as(bytes, encoding, &mut |f| progress((2.0 + f) / 3.0))
}

/// Bytes scored when CP932 and EUC-JP both read a file.
const SAMPLE: usize = 256 * 1024;

fn plausibility_of(bytes: &[u8], encoding: TextEncoding) -> i64 {
    let mut text = String::new();
    match run(encoding, bytes.get(..SAMPLE).unwrap_or(bytes), 0, Mode::Prefix, &mut text, (SAMPLE, &mut |_| {})) {
        Ok(()) => plausibility(&text),
        Err(_) => i64::MIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;
    use encoding_rs::{Encoding, EUC_JP, SHIFT_JIS};

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text:?} has characters {} cannot encode", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let bom = bom.then_some('\u{FEFF}');
        bom.into_iter()
            .chain(text.chars())
            .collect::<String>()
            .encode_utf16()
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    fn ok(bytes: Vec<u8>, requested: Option<TextEncoding>) -> TestResult<Decoded> {
        Ok(decode(bytes, requested, "t.csv")?)
    }

    fn err(bytes: Vec<u8>, requested: Option<TextEncoding>) -> Error {
        decode(bytes, requested, "t.csv").unwrap_err()
    }

    fn valid(bytes: &[u8], encoding: &'static Encoding) -> bool {
        encoding.decode_without_bom_handling_and_without_replacement(bytes).is_some()
    }

    const NAMES: &str =
        "顧客ID,氏名,住所\nC1,山田 太郎,東京都千代田区丸の内1-1\nC2,鈴木 花子,大阪府大阪市北区梅田2-2\n";

    #[test]
    fn utf8_is_taken_without_copy() -> TestResult {
        let bytes = NAMES.as_bytes().to_vec();
        let at = bytes.as_ptr();
        let d = ok(bytes, None)?;
        assert_eq!((d.text.as_str(), d.encoding), (NAMES, Utf8));
        assert_eq!(d.text.as_ptr(), at);
        Ok(())
    }

    #[test]
    fn utf8_bom_is_stripped() -> TestResult {
        let bytes = [b"\xEF\xBB\xBF", NAMES.as_bytes()].concat();
        for requested in [None, Some(Utf8), Some(Utf8Bom)] {
            let d = ok(bytes.clone(), requested)?;
            assert_eq!((d.text.as_str(), d.encoding), (NAMES, Utf8Bom));
        }
        assert_eq!(ok(NAMES.into(), Some(Utf8Bom))?.encoding, Utf8); // says what the file is
        assert_eq!(ok(b"\xEF\xBB\xBF".to_vec(), None)?, Decoded { text: String::new(), encoding: Utf8Bom });
        Ok(())
    }

    #[test]
    fn utf16_with_bom_as_excel_writes_unicode_text() -> TestResult {
        let text = "顧客ID\t氏名\tメール\r\nC1\t髙橋 一郎\ttaro@example.jp\r\nC2\t😀\t\r\n";
        for (encoding, big_endian) in [(Utf16le, false), (Utf16be, true)] {
            let bytes = utf16(text, big_endian, true);
            assert_eq!(ok(bytes.clone(), None)?, Decoded { text: text.into(), encoding });
            assert_eq!(ok(bytes, Some(encoding))?, Decoded { text: text.into(), encoding });
        }
        Ok(())
    }

    #[test]
    fn utf16_without_bom_is_sniffed() -> TestResult {
        let text = "id\tname\r\nC1\t山田 太郎\r\nC2\tSuzuki Hanako\r\n";
        assert_eq!(ok(utf16(text, false, false), None)?, Decoded { text: text.into(), encoding: Utf16le });
        assert_eq!(ok(utf16(text, true, false), None)?, Decoded { text: text.into(), encoding: Utf16be });
        Ok(())
    }

    #[test]
    fn cp932_with_nec_ibm_extensions_and_halfwidth_kana() -> TestResult {
        let text = "顧客ID,氏名,カナ,備考\nC1,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,①\nC2,山﨑 花子,ﾔﾏｻﾞｷ ﾊﾅｺ,㈱山田商事\nC3,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,\n";
        let bytes = encode(text, SHIFT_JIS);
        assert_eq!(ok(bytes.clone(), None)?, Decoded { text: text.into(), encoding: Cp932 });
        assert_eq!(ok(bytes, Some(Cp932))?, Decoded { text: text.into(), encoding: Cp932 });
        Ok(())
    }

    #[test]
    fn euc_jp() -> TestResult {
        let text = "顧客ID,氏名,フリガナ\nC1,山田 太郎,ヤマダ タロウ\nC2,鈴木 花子,スズキ ハナコ\n";
        let bytes = encode(text, EUC_JP);
        assert!(!valid(&bytes, SHIFT_JIS)); // longer EUC-JP text is seldom valid CP932
        assert_eq!(ok(bytes.clone(), None)?, Decoded { text: text.into(), encoding: EucJp });
        assert_eq!(ok(bytes, Some(EucJp))?, Decoded { text: text.into(), encoding: EucJp });
        assert_eq!(ok(encode(NAMES, EUC_JP), None)?, Decoded { text: NAMES.into(), encoding: EucJp });
        Ok(())
    }

    #[test]
    fn short_samples_are_told_apart() -> TestResult {
        // Kanji in CP932 are invalid EUC-JP: no doubt there.
        let kanji = "id,name\nC1,佐藤 太郎\nC2,山田 花子\nC3,前田 誠\n";
        let d = ok(encode(kanji, SHIFT_JIS), None)?;
        assert_eq!((d.text.as_str(), d.encoding), (kanji, Cp932));
        // Kanji in EUC-JP read as half-width kana in CP932 (ｺｴﾆ｣ ﾂﾀﾏｺ...).
        let bytes = encode(kanji, EUC_JP);
        assert!(valid(&bytes, SHIFT_JIS));
        assert_eq!(ok(bytes, None)?, Decoded { text: kanji.into(), encoding: EucJp });
        // Half-width kana in CP932 read as kanji in EUC-JP (鎗折 ...).
        let kana = "id,kana\nC1,ﾔﾏﾀﾞ ｹﾝｼﾞ\nC2,ｽｽﾞｷ ﾒｸﾞﾐ\nC3,ﾏﾂﾓﾄ ﾕﾐ\n";
        let bytes = encode(kana, SHIFT_JIS);
        assert!(valid(&bytes, EUC_JP));
        assert_eq!(ok(bytes, None)?, Decoded { text: kana.into(), encoding: Cp932 });
        // One row each. (A lone word of four half-width kana without a voicing mark can read
        // as two common kanji: ｼｮｳﾀ in CP932 is 汐垣 in EUC-JP, and EUC-JP wins that one.)
        for (text, encoding, other) in [
            ("佐藤 太郎\n", EUC_JP, EucJp),     // CP932: ｺｴﾆ｣ ﾂﾀﾏｺ
            ("ヤマダ タロウ\n", EUC_JP, EucJp), // CP932: ･茹ﾞ･ﾀ ･ｿ･愠ｦ
            ("ﾔﾏﾀﾞ ｹﾝｼﾞ\n", SHIFT_JIS, Cp932),
        ] {
            let bytes = encode(text, encoding);
            assert!(valid(&bytes, EUC_JP) && valid(&bytes, SHIFT_JIS), "{text}");
            assert_eq!(ok(bytes, None)?, Decoded { text: text.into(), encoding: other });
        }
        Ok(())
    }

    #[test]
    fn requested_encoding_is_obeyed() -> TestResult {
        // UTF-8 bytes read as CP932 because the user said so: mojibake, but no detection.
        let bytes = "山田\n".as_bytes().to_vec();
        let d = ok(bytes.clone(), Some(Cp932))?;
        assert_eq!((d.text.as_str(), d.encoding), ("螻ｱ逕ｰ\n", Cp932));
        // An EUC-JP sample the detector would take as EUC-JP, read as CP932.
        let bytes = encode("山田 花子\n", EUC_JP);
        assert_eq!(ok(bytes.clone(), None)?.encoding, EucJp);
        assert_eq!(ok(bytes, Some(Cp932))?.encoding, Cp932);
        // A UTF-16 file without BOM, stated.
        let bytes = utf16("氏名\r\n", false, false);
        assert_eq!(ok(bytes, Some(Utf16le))?.text, "氏名\r\n");
        Ok(())
    }

    /// Checks the error's kind, file, line, byte and that its message names the bytes.
    fn assert_at(e: &Error, line: u64, byte: usize, says: &str) {
        assert_eq!(e.kind, ErrorKind::Decode);
        assert_eq!(e.file.as_deref(), Some("t.csv"));
        assert_eq!((e.line, e.byte), (Some(line), Some(byte as u64)), "{e}");
        assert!(e.message.contains(says), "{e}");
        assert!(e.hint.is_some());
    }

    #[test]
    fn bad_cp932_byte_is_placed() {
        let mut bytes = encode("顧客ID,氏名\nC1,山田 太郎\nC2,鈴木", SHIFT_JIS);
        let at = bytes.len();
        bytes.extend_from_slice(b"\xFF");
        bytes.extend(encode("花子\nC3,髙橋\n", SHIFT_JIS));
        for requested in [None, Some(Cp932)] {
            assert_at(&err(bytes.clone(), requested), 3, at, "bytes 0xFF are not valid CP932");
        }
        // A lead byte whose trail is ASCII: the lead alone is bad, the comma is kept.
        let mut bytes = encode("a,b\nc,d\n山田", SHIFT_JIS);
        let at = bytes.len();
        bytes.extend_from_slice(b"\x82,x\n");
        assert_at(&err(bytes, Some(Cp932)), 3, at, "bytes 0x82 are not valid CP932");
        // A lead byte at the very end.
        let mut bytes = encode("a\n山田", SHIFT_JIS);
        let at = bytes.len();
        bytes.push(0x93);
        assert_at(&err(bytes, Some(Cp932)), 2, at, "0x93");
    }

    #[test]
    fn big_files_are_decoded_in_slices_with_progress() -> TestResult {
        // Characters cut by the slices' ends (2-byte CP932 and UTF-16 from an odd offset), a
        // 4-byte UTF-16 pair among them; the text must come out whole, progress rising.
        let text = |line: &str| format!("a{}", line.repeat(3 * DECODE_SLICE / line.len()));
        let (cp932, utf16le) = (text("C1,山田 太郎,ﾔﾏﾀﾞ\n"), text("C1,山田 太郎,ﾔﾏﾀﾞ,𠮷野家\n"));
        for (want, bytes, encoding) in
            [(&cp932, encode(&cp932, SHIFT_JIS), Cp932), (&utf16le, utf16(&utf16le, false, true), Utf16le)]
        {
            let mut heard = Vec::new();
            let decoded = decode_with_progress(bytes.clone(), Some(encoding), "t.csv", &mut |f| heard.push(f))?;
            assert!(decoded.text == *want, "{encoding:?}");
            assert!(
                !heard.is_empty() && heard.windows(2).all(|w| w[0] < w[1]) && heard.iter().all(|&f| f < 1.0),
                "{encoding:?} {heard:?}"
            );
            // Detected, the same text and the progress still rising.
            let mut heard = Vec::new();
            assert!(decode_with_progress(bytes, None, "t.csv", &mut |f| heard.push(f))?.text == *want);
            assert!(!heard.is_empty() && heard.windows(2).all(|w| w[0] <= w[1]), "{heard:?}");
        }
        // A bad byte just after a slice's end, and a lead byte whose trail starts the next slice.
        for at in [DECODE_SLICE, DECODE_SLICE - 1] {
            let mut bytes = vec![b'a'; at];
            bytes.extend_from_slice(b"\x82,x\n");
            assert_at(&err(bytes, Some(Cp932)), 1, at, "bytes 0x82 are not valid CP932");
        }
        Ok(())
    }

    #[test]
    fn slices_of_any_size_decode_as_one() {
        // Random bytes near valid text in each encoding (characters cut anywhere, bad bytes,
        // a lead byte at the end): in slices of 1 to 7 bytes, the same text or the same place
        // of the first bad byte as in one piece.
        let mut rng = fastrand::Rng::with_seed(7);
        let samples = ["山田 太郎,ﾔﾏﾀﾞ\n", "髙橋①,ｶﾞ\r\n", "a,b\n"];
        for round in 0..3000 {
            let encoding = [Cp932, EucJp, Utf16le, Utf16be][round % 4];
            let text: String = (0..rng.usize(0..6)).map(|_| samples[rng.usize(0..samples.len())]).collect();
            let (mut bytes, _, _) = encoding.encoding().encode(&text);
            let mut bytes = match encoding {
                Utf16le => utf16(&text, false, false),
                Utf16be => utf16(&text, true, false),
                _ => std::mem::take(bytes.to_mut()),
            };
            for _ in 0..rng.usize(0..3) {
                match rng.u8(0..3) {
                    0 if !bytes.is_empty() => {
                        let at = rng.usize(0..bytes.len());
                        bytes[at] = rng.u8(..);
                    }
                    1 => bytes.push(rng.u8(0x80..)),
                    _ => bytes.truncate(rng.usize(0..=bytes.len())),
                }
            }
            let whole = |slice: usize| {
                let mut out = String::new();
                let mut ticks = 0;
                let r = run(encoding, &bytes, 0, Mode::Keep, &mut out, (slice, &mut |_| ticks += 1));
                (r.map(|()| out).map_err(|b| (b.offset, b.len)), ticks)
            };
            let (want, _) = whole(usize::MAX);
            for slice in 1..8 {
                let (got, ticks) = whole(slice);
                assert_eq!(got, want, "{encoding:?} {bytes:02X?} in slices of {slice}");
                assert!(got.is_err() || ticks + 1 >= bytes.len().div_ceil(slice), "{ticks} ticks");
            }
        }
    }

    #[test]
    fn bad_utf8_is_placed() {
        let bytes = b"id,name\nC1,\xE5\xB1\xB1\nC2,x\xFFy\n".to_vec();
        assert_at(&err(bytes.clone(), Some(Utf8)), 3, 19, "bytes 0xFF are not valid UTF-8");
        // Offsets count the BOM.
        let with_bom = [b"\xEF\xBB\xBF", &bytes[..]].concat();
        assert_at(&err(with_bom, Some(Utf8)), 3, 22, "0xFF");
        // Cut in the middle of 田 (E7 94 B0).
        let e = err("山田".as_bytes()[..5].to_vec(), Some(Utf8));
        assert_at(&e, 1, 3, "ends in the middle of a UTF-8 character (bytes 0xE7 0x94)");
        // Detected: a long UTF-8 file with one stray byte is reported as UTF-8, not CP932.
        let mut bytes = NAMES.as_bytes().to_vec();
        let at = bytes.len() + 3;
        bytes.extend_from_slice(b"C3,\x81\x81\n");
        assert_at(&err(bytes, None), 4, at, "are not valid UTF-8");
    }

    #[test]
    fn bad_euc_jp_is_placed() {
        let mut bytes = encode("顧客ID,氏名\nC1,山", EUC_JP);
        let at = bytes.len();
        bytes.extend_from_slice(b"\x8E\x41\n"); // 0x8E must be followed by half-width kana
        assert_at(&err(bytes, Some(EucJp)), 2, at, "bytes 0x8E are not valid EUC-JP");
        let mut bytes = encode("a\nb\nc\n山", EUC_JP);
        let at = bytes.len();
        bytes.extend_from_slice(b"\xA9\xA1\n"); // row 9 is unassigned
        assert_at(&err(bytes, Some(EucJp)), 4, at, "bytes 0xA9 0xA1 are not valid EUC-JP");
    }

    #[test]
    fn bad_utf16_is_placed() {
        // Odd length: the last character is cut off. Lines count UTF-16 newlines.
        let mut bytes = utf16("a\tb\r\nc\td\r\n山", false, true);
        bytes.push(0x30);
        let last = bytes.len() - 1;
        for requested in [None, Some(Utf16le)] {
            assert_at(
                &err(bytes.clone(), requested),
                3,
                last,
                "ends in the middle of a UTF-16LE character (bytes 0x30)",
            );
        }
        // A lone surrogate on line 2.
        let mut bytes = utf16("id\r\nx", true, true);
        let at = bytes.len();
        bytes.extend_from_slice(&[0xD8, 0x00]);
        bytes.extend(utf16("y\r\n", true, false));
        assert_at(&err(bytes, None), 2, at, "bytes 0xD8 0x00 are not valid UTF-16BE");
    }

    #[test]
    fn empty() -> TestResult {
        assert_eq!(ok(Vec::new(), None)?, Decoded { text: String::new(), encoding: Utf8 });
        Ok(())
    }

    #[test]
    fn big_halfwidth_file_outgrows_the_estimate() -> TestResult {
        // Half-width kana triple in size, past the 1.5× first estimate: the string must grow.
        let text = "ﾔﾏﾀﾞ ﾀﾛｳ,ｽｽﾞｷ ﾊﾅｺ\n".repeat(20_000);
        assert_eq!(ok(encode(&text, SHIFT_JIS), Some(Cp932))?.text, text);
        assert_eq!(ok(encode(&text, SHIFT_JIS), None)?, Decoded { text, encoding: Cp932 });
        Ok(())
    }
}
