/// Readable names of ICU's regular-expression compile errors (unicode/utypes.h, U_REGEX_*).
enum ICURegexErrorName {
    static func describe(_ status: Int32) -> String {
        switch status {
        case 0x10301: "syntax error"
        case 0x10303: "bad escape sequence"
        case 0x10304: "bad Unicode property syntax"
        case 0x10305: "feature not supported by ICU"
        case 0x10306: "mismatched parentheses"
        case 0x10307: "number too big"
        case 0x10308: "bad {min,max} interval"
        case 0x10309: "{min,max} with max less than min"
        case 0x1030A: "back-reference to a group that does not exist"
        case 0x1030B: "invalid flag"
        case 0x1030C: "look-behind must have a bounded maximum length"
        case 0x1030D: "set contains a string"
        case 0x1030F: "missing closing bracket of a set"
        case 0x10310: "invalid range in a set"
        case 0x10314: "pattern too big"
        case 0x10315: "invalid capture group name"
        default: "invalid pattern (ICU status \(status))"
        }
    }
}
