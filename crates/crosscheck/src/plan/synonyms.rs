//! Header names people use for the same thing, in Japanese and English.
//!
//! Headers are compared in a normalised form (NFKC, lower-case, without spaces, `_`, `-`, `・`,
//! brackets), so `E-mail`, `e_mail` and `Ｅメール` meet in the same place.

use crate::normalize::{normalize, Step};

/// What a column means, as far as its header tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Id,
    Name,
    Kana,
    Email,
    Phone,
    Postal,
    Prefecture,
    Address,
    Points,
    Amount,
    Registered,
    Birthday,
    Date,
}

/// Each role with the header names that mean it (already in normalised form or close to it;
/// they are normalised again on lookup).
const TABLE: &[(Role, &[&str])] = &[
    (
        Role::Id,
        &[
            "customer_id",
            "customerid",
            "customer_no",
            "customer_number",
            "customer_code",
            "member_id",
            "memberid",
            "member_no",
            "user_id",
            "client_id",
            "id",
            "顧客id",
            "顧客番号",
            "顧客コード",
            "会員番号",
            "会員id",
            "会員no",
            "お客様番号",
            "お客様id",
            "ユーザーid",
            "管理番号",
        ],
    ),
    (
        Role::Name,
        &[
            "name",
            "full_name",
            "fullname",
            "customer_name",
            "氏名",
            "名前",
            "お名前",
            "顧客名",
            "会員名",
            "宛名",
            "受取人",
            "受取人名",
        ],
    ),
    (
        Role::Kana,
        &[
            "kana",
            "name_kana",
            "furigana",
            "kana_name",
            "フリガナ",
            "ふりがな",
            "カナ",
            "かな",
            "氏名カナ",
            "氏名(カナ)",
            "氏名フリガナ",
            "お名前カナ",
            "お名前(カナ)",
            "名前カナ",
            "セイメイ",
            "カナ氏名",
        ],
    ),
    (
        Role::Email,
        &[
            "email",
            "e-mail",
            "mail",
            "mail_address",
            "email_address",
            "e_mail",
            "mailaddress",
            "メールアドレス",
            "メール",
            "eメール",
            "eメールアドレス",
            "mailアドレス",
            "pcメール",
            "メアド",
        ],
    ),
    (
        Role::Phone,
        &[
            "phone",
            "tel",
            "telephone",
            "phone_number",
            "tel_no",
            "mobile",
            "mobile_phone",
            "電話番号",
            "電話",
            "携帯番号",
            "携帯電話",
            "携帯電話番号",
            "連絡先電話番号",
            "tel番号",
        ],
    ),
    (
        Role::Postal,
        &["zip", "zipcode", "zip_code", "postal_code", "postcode", "postal", "郵便番号", "〒", "郵便", "〒番号"],
    ),
    (Role::Prefecture, &["prefecture", "pref", "都道府県", "都道府県名", "県"]),
    (Role::Address, &["address", "住所", "所在地", "住所1", "address1"]),
    (Role::Points, &["points", "point", "ポイント", "付与ポイント", "ポイント数", "保有ポイント", "獲得ポイント"]),
    (
        Role::Amount,
        &[
            "amount",
            "gift_amount",
            "gift",
            "price",
            "金額",
            "ギフト金額",
            "付与額",
            "贈呈額",
            "商品券金額",
            "請求金額",
            "ギフト額",
        ],
    ),
    (
        Role::Registered,
        &["registered_on", "registered", "registration_date", "joined", "signup_date", "登録日", "入会日", "登録日時"],
    ),
    (Role::Birthday, &["birthday", "birth_date", "birthdate", "date_of_birth", "dob", "生年月日", "誕生日"]),
    (Role::Date, &["date", "日付", "年月日"]),
];

/// The comparable form of a header: `E-Mail ` → `email`, `氏名（カナ）` → `氏名カナ`.
pub fn header_key(header: &str) -> String {
    normalize(&[Step::Nfkc, Step::Lowercase], header)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '・' | '(' | ')' | '[' | ']' | '.' | '/'))
        .collect()
}

/// The role a header names, if it is one we know.
pub fn role_of(header: &str) -> Option<Role> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    TABLE.iter().find(|(_, names)| names.iter().any(|n| header_key(n) == key)).map(|(role, _)| *role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_headers_meet() {
        for (h, r) in [
            ("顧客ID", Role::Id),
            ("会員番号", Role::Id),
            ("customer_id", Role::Id),
            ("氏名", Role::Name),
            ("お名前", Role::Name),
            ("フリガナ", Role::Kana),
            ("氏名（カナ）", Role::Kana),
            ("ﾌﾘｶﾞﾅ", Role::Kana),
            ("メールアドレス", Role::Email),
            ("E-mail", Role::Email),
            ("Ｅメール", Role::Email),
            ("TEL", Role::Phone),
            ("電話番号", Role::Phone),
            ("〒", Role::Postal),
            ("Postal Code", Role::Postal),
            ("付与ポイント", Role::Points),
            ("ギフト金額", Role::Amount),
            ("生年月日", Role::Birthday),
        ] {
            assert_eq!(role_of(h), Some(r), "{h}");
        }
        assert_eq!(role_of("備考"), None);
        assert_eq!(role_of(""), None);
    }

    #[test]
    fn every_synonym_has_one_role() {
        let mut seen = std::collections::HashMap::new();
        for (role, names) in TABLE {
            for n in *names {
                if let Some(other) = seen.insert(header_key(n), *role) {
                    assert_eq!(other, *role, "{n} is in two roles");
                }
            }
        }
    }
}
